// R-OBLIG-NEW, R-STUDENT: is a PIIS compulsory on its signature date? R-OBLIG-DEADLINE: by when
// must it be concluded, and it can never be signed before the RI grant decision.
import { addDays, addMonths } from './dates.js';
import { date, msg } from '../i18n/catalogue.js';
import { explained, refuse, type Explained, type Refusal } from './explained.js';
import { parametersOn } from './rule-table.js';
import { openingGrant, riPaidBetween, rightSegments, type RightDecisionFact } from './rights.js';

export type Obligation = 'compulsory' | 'optional' | 'coaching';
export type Track = 'general' | 'student';

/** Age in whole years on a date (null when the birth date is unknown). */
export function ageOn(birthDate: string | null, date: string): number | null {
  if (!birthDate) return null;
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * Whether a rule makes the PIIS compulsory on `on` (the signature date): R-STUDENT for a student
 * PIIS; from 2016-11-01 R-OBLIG-NEW for a new RI beneficiary (no RI paid in the 3 months before
 * the start of the current RI right — interpretation: the grant's start, since a grant usually
 * applies from the application date); before, R-OBLIG-NEW for under-25s.
 */
export function compulsoryOn(input: {
  on: string;
  track: Track;
  birthDate: string | null;
  rights: readonly RightDecisionFact[];
}): Explained<boolean> {
  if (input.track === 'student') {
    return explained(true, 'R-STUDENT', msg('oblig.student'));
  }
  const params = parametersOn('R-OBLIG-NEW', input.on);
  const segments = rightSegments(input.rights);
  const opening = openingGrant(segments, input.on, ['ri']);
  if (params['noRiMonthsBeforeGrant'] !== null) {
    if (!opening) {
      return explained(false, 'R-OBLIG-NEW', () => msg('oblig.no-grant', { on: date(input.on) }));
    }
    const months = Number(params['noRiMonthsBeforeGrant']);
    const windowFrom = addMonths(opening.from, -months);
    const isNew = opening.from >= '2016-11-01' && !riPaidBetween(segments, windowFrom, dayBefore(opening.from));
    return isNew
      ? explained(true, 'R-OBLIG-NEW', () =>
          msg('oblig.new', {
            from: date(opening.from),
            decidedOn: date(opening.grant.decidedOn),
            months,
            windowFrom: date(windowFrom),
            windowTo: date(dayBefore(opening.from)),
          }),
        )
      : explained(
          false,
          'R-OBLIG-NEW',
          opening.from < '2016-11-01'
            ? msg('oblig.before-reform', { from: date(opening.from) })
            : msg('oblig.not-new', {
                months,
                from: date(opening.from),
                windowFrom: date(windowFrom),
                windowTo: date(dayBefore(opening.from)),
              }),
        );
  }
  const ageLimit = Number(params['ageLimit']);
  const age = ageOn(input.birthDate, input.on);
  if (age === null) return explained(false, 'R-OBLIG-NEW', () => msg('oblig.age-unknown', { ageLimit }));
  return age < ageLimit
    ? explained(true, 'R-OBLIG-NEW', () => msg('oblig.age-under', { ageLimit, age, on: date(input.on) }))
    : explained(false, 'R-OBLIG-NEW', () => msg('oblig.age-over', { ageLimit, age, on: date(input.on) }));
}

const dayBefore = (date: string) => addDays(date, -1);

/** `compulsory` is refused where no rule makes it compulsory on the signature date. */
export function checkObligation(input: {
  obligation: Obligation;
  on: string;
  track: Track;
  birthDate: string | null;
  rights: readonly RightDecisionFact[];
}): Refusal | null {
  if (input.obligation !== 'compulsory') return null;
  const verdict = compulsoryOn(input);
  if (verdict.value) return null;
  return refuse(
    'obligation-not-applicable',
    'R-OBLIG-NEW',
    msg('oblig.refused', { on: date(input.on), why: verdict.explanation }),
    '/obligation',
  );
}

/** The latest RI or equivalent-aid grant decided on or before a date. */
export function grantDecidedBy(rights: readonly RightDecisionFact[], on: string): RightDecisionFact | undefined {
  return rights
    .filter((r) => r.kind !== 'end' && r.decidedOn <= on)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : a.decidedOn > b.decidedOn ? -1 : 0))[0];
}

/** R-OBLIG-DEADLINE: a PIIS of an RI beneficiary can only be signed on or after the grant decision. */
export function checkSignatureAfterGrant(input: {
  obligation: Obligation;
  signedOn: string;
  rights: readonly RightDecisionFact[];
}): Refusal | null {
  if (input.obligation === 'coaching') return null;
  if (grantDecidedBy(input.rights, input.signedOn)) return null;
  const later = input.rights
    .filter((r) => r.kind !== 'end')
    .map((r) => r.decidedOn)
    .sort()[0];
  return refuse(
    'signature-before-grant',
    'R-OBLIG-DEADLINE',
    later
      ? msg('oblig.signed-before-grant', { signedOn: date(input.signedOn), decidedOn: date(later) })
      : msg('oblig.signed-without-grant'),
    '/body/signedOn',
  );
}

/**
 * R-OBLIG-DEADLINE: the date the PIIS must be concluded by, from the grant decision (or its notification, by
 * parameter).
 */
export function conclusionDeadline(grant: RightDecisionFact): Explained<string> {
  const params = parametersOn('R-OBLIG-DEADLINE', grant.decidedOn);
  const months = Number(params['concludeWithinMonths']);
  const fromNotification = params['deadlineFrom'] === 'notification' && grant.notifiedOn !== null;
  const start = fromNotification ? grant.notifiedOn! : grant.decidedOn;
  const due = addMonths(start, months);
  return explained(due, 'R-OBLIG-DEADLINE', () =>
    msg('oblig.deadline', {
      months,
      from: fromNotification ? 'notification' : 'decision',
      start: date(start),
      due: date(due),
    }),
  );
}
