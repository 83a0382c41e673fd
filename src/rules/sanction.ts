// R-SANCTION-*: a suspension of RI (law art. 30 §2) — scope, prior notice and hearing, length
// (1 month, 3 for a repeat within a year), start window, and the appeal deadline.
import { addDays, addMonths, firstOfMonth } from './dates.js';
import { date, msg } from '../i18n/catalogue.js';
import { explained, refuse, type Explained, type Refusal } from './explained.js';
import { numberParameter, parametersOn } from './rule-table.js';
import { rightSegments, segmentOn, type RightDecisionFact } from './rights.js';
import type { Obligation } from './obligation.js';

/** R-SANCTION-SCOPE: only a person receiving RI on the decision date, under a compulsory or optional PIIS. */
export function checkSanctionScope(input: {
  obligation: Obligation;
  decidedOn: string;
  rights: readonly RightDecisionFact[];
}): Refusal | null {
  if (input.obligation === 'coaching') {
    return refuse('sanction-not-applicable', 'R-SANCTION-SCOPE', msg('sanction.coaching'));
  }
  if (!segmentOn(rightSegments(input.rights), input.decidedOn, ['ri'])) {
    return refuse(
      'sanction-not-applicable',
      'R-SANCTION-SCOPE',
      msg('sanction.no-ri', { decidedOn: date(input.decidedOn) }),
      '/body/decidedOn',
    );
  }
  return null;
}

/**
 * R-SANCTION-NOTICE: a notice issued before the decision date, and the hearing the person asked for held before the
 * decision.
 */
export function checkSanctionNotice(input: {
  noticeIssuedOn: string | null;
  decidedOn: string;
  hearingRequested: boolean;
  hearingHeldOn: string | null;
}): Refusal | null {
  if (input.noticeIssuedOn === null) {
    return refuse('notice-missing', 'R-SANCTION-NOTICE', msg('sanction.notice-required'), '/body/noticeId');
  }
  if (input.noticeIssuedOn >= input.decidedOn) {
    return refuse(
      'notice-missing',
      'R-SANCTION-NOTICE',
      msg('sanction.notice-late', { issuedOn: date(input.noticeIssuedOn), decidedOn: date(input.decidedOn) }),
      '/body/noticeId',
    );
  }
  if (input.hearingRequested && (input.hearingHeldOn === null || input.hearingHeldOn > input.decidedOn)) {
    return refuse(
      'hearing-not-held',
      'R-SANCTION-NOTICE',
      input.hearingHeldOn === null
        ? msg('sanction.hearing-missing')
        : msg('sanction.hearing-late', { heldOn: date(input.hearingHeldOn), decidedOn: date(input.decidedOn) }),
      '/body/hearing/heldOn',
    );
  }
  return null;
}

/** R-SANCTION-LENGTH: a repeat is a decision at most 12 months after the previous sanction's decision. */
export function sanctionMaxMonths(decidedOn: string, previousDecisions: readonly string[]): Explained<number> {
  const within = numberParameter('R-SANCTION-LENGTH', decidedOn, 'repeatWithinMonths');
  const base = numberParameter('R-SANCTION-LENGTH', decidedOn, 'maxMonths');
  const repeatMax = numberParameter('R-SANCTION-LENGTH', decidedOn, 'repeatMaxMonths');
  const previous = previousDecisions
    .filter((d) => d < decidedOn && decidedOn <= addMonths(d, within))
    .sort()
    .pop();
  return previous
    ? explained(repeatMax, 'R-SANCTION-LENGTH', () =>
        msg('sanction.repeat', {
          previous: date(previous),
          decidedOn: date(decidedOn),
          within,
          until: date(addMonths(previous, within)),
          max: repeatMax,
        }),
      )
    : explained(base, 'R-SANCTION-LENGTH', () =>
        msg('sanction.first', { within, decidedOn: date(decidedOn), max: base }),
      );
}

/** The suspension (start and end both included) spans at most maxMonths: it ends before start + maxMonths. */
export function checkSanctionLength(input: {
  startsOn: string;
  endsOn: string;
  maxMonths: Explained<number>;
}): Refusal | null {
  const months = input.maxMonths.value!;
  const limit = addDays(addMonths(input.startsOn, months), -1);
  if (input.endsOn <= limit) return null;
  return refuse(
    'sanction-too-long',
    'R-SANCTION-LENGTH',
    msg('sanction.too-long', {
      why: input.maxMonths.explanation,
      startsOn: date(input.startsOn),
      limit: date(limit),
      endsOn: date(input.endsOn),
    }),
    '/body/suspensionEndsOn',
  );
}

/** R-SANCTION-START: the window the suspension may start in (the newer texts, by parameter). */
export function sanctionStartWindow(decidedOn: string, notifiedOn: string): Explained<{ from: string; until: string }> {
  const p = parametersOn('R-SANCTION-START', decidedOn);
  if (p['window'] === 'older') {
    const day = firstOfMonth(decidedOn, 2);
    return explained({ from: day, until: day }, 'R-SANCTION-START', () =>
      msg('sanction.start-older', { decidedOn: date(decidedOn), day: date(day) }),
    );
  }
  const from = addDays(notifiedOn, numberParameter('R-SANCTION-START', decidedOn, 'startAfterNotificationDays'));
  const until = firstOfMonth(
    decidedOn,
    numberParameter('R-SANCTION-START', decidedOn, 'latestStartMonthAfterDecision'),
  );
  return explained({ from, until }, 'R-SANCTION-START', () =>
    msg('sanction.start-window', {
      notifiedOn: date(notifiedOn),
      from: date(from),
      decidedOn: date(decidedOn),
      until: date(until),
    }),
  );
}

export function checkSanctionStart(input: { decidedOn: string; notifiedOn: string; startsOn: string }): Refusal | null {
  const window = sanctionStartWindow(input.decidedOn, input.notifiedOn);
  const { from, until } = window.value!;
  if (input.startsOn >= from && input.startsOn <= until) return null;
  return refuse(
    'sanction-start-outside-window',
    'R-SANCTION-START',
    msg('sanction.start-outside', { why: window.explanation, startsOn: date(input.startsOn) }),
    '/body/suspensionStartsOn',
  );
}

/** R-SANCTION-APPEAL: appeal to the labour tribunal within 3 months of notification. */
export function appealDeadline(notifiedOn: string): Explained<string> {
  const months = numberParameter('R-SANCTION-APPEAL', notifiedOn, 'appealMonths');
  const until = addMonths(notifiedOn, months);
  return explained(until, 'R-SANCTION-APPEAL', () =>
    msg('sanction.appeal', { months, notifiedOn: date(notifiedOn), until: date(until) }),
  );
}
