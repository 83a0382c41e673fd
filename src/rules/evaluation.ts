// R-EVAL-FREQ: how often a signed PIIS is evaluated, by the version in force on its signature
// date (quarterly before 2016-11-01; at least 3 per 12 months, 2 in person, from then). The plan
// is even (interpretation): the next evaluation is due at the latest `planningIntervalMonths`
// after the signature or the previous evaluation, and never after the last day of a 12-month
// period that still lacks its minimum. R-EVAL-INTERVIEW: an interview asked for is granted within
// 5 working days.
import { addDays, addMonths } from './dates.js';
import { date, msg, type Message } from '../i18n/catalogue.js';
import { addWorkingDays } from './holidays.js';
import { explained, type Explained } from './explained.js';
import { numberParameter, parametersOn } from './rule-table.js';

export interface EvaluationFact {
  heldOn: string;
  mode: 'in_person' | 'remote' | 'written';
}

interface FrequencyRule {
  name: string;
  minimum: number;
  inPersonMinimum: number;
  intervalMonths: number;
}

function frequencyRule(signedOn: string): FrequencyRule {
  const p = parametersOn('R-EVAL-FREQ', signedOn);
  return {
    name: String(p['rule']),
    minimum: numberParameter('R-EVAL-FREQ', signedOn, 'minimumPer12Months'),
    inPersonMinimum: numberParameter('R-EVAL-FREQ', signedOn, 'inPersonMinimumPer12Months'),
    intervalMonths: numberParameter('R-EVAL-FREQ', signedOn, 'planningIntervalMonths'),
  };
}

const describeRule = (r: FrequencyRule, signedOn: string): Message =>
  r.inPersonMinimum > 0
    ? msg('eval.rule-2016', { signedOn: date(signedOn), minimum: r.minimum, inPerson: r.inPersonMinimum })
    : msg('eval.rule-quarterly', { signedOn: date(signedOn) });

/** The 12-month period of the PIIS's run that contains a date (index 0 starts on the signature date). */
export function runPeriod(signedOn: string, date: string): { index: number; from: string; to: string } {
  // start one year early (the year difference may overshoot by one), then step to the right period
  let index = Math.max(0, Number(date.slice(0, 4)) - Number(signedOn.slice(0, 4)) - 1);
  while (addMonths(signedOn, 12 * (index + 1)) <= date) index += 1;
  while (index > 0 && addMonths(signedOn, 12 * index) > date) index -= 1;
  return { index, from: addMonths(signedOn, 12 * index), to: addDays(addMonths(signedOn, 12 * (index + 1)), -1) };
}

const within = (e: EvaluationFact, p: { from: string; to: string }) => e.heldOn >= p.from && e.heldOn <= p.to;

/**
 * When the next evaluation is due (null when the PIIS is not signed or is closed): the previous
 * evaluation (or the signature) + the planning interval, brought forward to the end of the
 * current 12-month period when that period still lacks its minimum.
 */
export function nextEvaluationDue(input: {
  signedOn: string | null;
  closed: boolean;
  evaluations: readonly EvaluationFact[];
}): Explained<string> {
  if (!input.signedOn) return explained<string>(null, 'R-EVAL-FREQ', msg('eval.not-signed'));
  if (input.closed) return explained<string>(null, 'R-EVAL-FREQ', msg('eval.closed'));
  const signedOn = input.signedOn;
  const rule = frequencyRule(signedOn);
  const held = input.evaluations.filter((e) => e.heldOn >= signedOn).sort((a, b) => (a.heldOn < b.heldOn ? -1 : 1));
  const last = held[held.length - 1];
  const from = last ? last.heldOn : signedOn;
  const planned = addMonths(from, rule.intervalMonths);
  const period = runPeriod(signedOn, from);
  const inPeriod = held.filter((e) => within(e, period));
  const broughtForward = inPeriod.length < rule.minimum && planned > period.to;
  const due = broughtForward ? period.to : planned;
  return explained(due, 'R-EVAL-FREQ', () => {
    let why = msg('eval.next', {
      rule: describeRule(rule, signedOn),
      months: rule.intervalMonths,
      after: last ? 'evaluation' : 'signature',
      from: date(from),
      planned: date(planned),
    });
    if (broughtForward)
      why = msg('eval.brought-forward', {
        base: why,
        due: date(due),
        periodFrom: date(period.from),
        count: inPeriod.length,
        minimum: rule.minimum,
      });
    if (rule.inPersonMinimum > 0) {
      const p = runPeriod(signedOn, due);
      const needed = Math.max(
        0,
        rule.inPersonMinimum - held.filter((e) => within(e, p) && e.mode === 'in_person').length,
      );
      why =
        needed > 0
          ? msg('eval.in-person-needed', { base: why, needed, from: date(p.from), to: date(p.to) })
          : msg('eval.in-person-done', {
              base: why,
              from: date(p.from),
              to: date(p.to),
              minimum: rule.inPersonMinimum,
            });
    }
    return why;
  });
}

export interface PeriodCount {
  from: string;
  to: string;
  evaluations: number;
  inPerson: number;
}

/** The last day of a contract's run: its end date, or the day it was closed when earlier. */
export function contractEnd(endsOn: string | null | undefined, endedOn: string | null | undefined): string | null {
  if (endsOn && endedOn) return endedOn < endsOn ? endedOn : endsOn;
  return endsOn ?? endedOn ?? null;
}

/**
 * Every complete 12-month period of the run: ended before `until` (a period still running is not
 * judged) and within the contract — a period ending on the contract's last day is complete, one
 * ending after it never is (the run stopped).
 */
export function completedPeriods(
  signedOn: string,
  until: string,
  evaluations: readonly EvaluationFact[],
  end: string | null = null,
): PeriodCount[] {
  const out: PeriodCount[] = [];
  for (let i = 0; ; i += 1) {
    const from = addMonths(signedOn, 12 * i);
    const to = addDays(addMonths(signedOn, 12 * (i + 1)), -1);
    if (to >= until || (end !== null && to > end)) break;
    const inside = evaluations.filter((e) => e.heldOn >= from && e.heldOn <= to);
    out.push({ from, to, evaluations: inside.length, inPerson: inside.filter((e) => e.mode === 'in_person').length });
  }
  return out;
}

/** Compliance with R-EVAL-FREQ over the complete 12-month periods before `until`: the count and the in-person count. */
export function evaluationCompliance(input: {
  signedOn: string | null;
  until: string;
  end?: string | null;
  evaluations: readonly EvaluationFact[];
}): { frequency: Explained<boolean>; inPerson: Explained<boolean> } {
  if (!input.signedOn) {
    const none = explained<boolean>(null, 'R-EVAL-FREQ', msg('eval.none-started'));
    return { frequency: none, inPerson: none };
  }
  const signedOn = input.signedOn;
  const rule = frequencyRule(signedOn);
  const periods = completedPeriods(signedOn, input.until, input.evaluations, input.end ?? null);
  if (periods.length === 0) {
    const pending = explained<boolean>(null, 'R-EVAL-FREQ', () =>
      msg('eval.none-complete', {
        rule: describeRule(rule, signedOn),
        firstEnd: date(addDays(addMonths(signedOn, 12), -1)),
      }),
    );
    return { frequency: pending, inPerson: pending };
  }
  const short = periods.filter((p) => p.evaluations < rule.minimum);
  const list = (ps: PeriodCount[], f: (p: PeriodCount) => number) =>
    ps.map((p) => msg('eval.period-count', { from: date(p.from), to: date(p.to), count: f(p) }));
  const frequency =
    short.length === 0
      ? explained(true, 'R-EVAL-FREQ', () =>
          msg('eval.frequency-met', {
            rule: describeRule(rule, signedOn),
            minimum: rule.minimum,
            periods: list(periods, (p) => p.evaluations),
          }),
        )
      : explained(false, 'R-EVAL-FREQ', () =>
          msg('eval.frequency-short', {
            rule: describeRule(rule, signedOn),
            short: short.length,
            periods: list(short, (p) => p.evaluations),
          }),
        );
  if (rule.inPersonMinimum === 0) {
    return {
      frequency,
      inPerson: explained(true, 'R-EVAL-FREQ', () =>
        msg('eval.no-in-person-minimum', { rule: describeRule(rule, signedOn) }),
      ),
    };
  }
  const fewInPerson = periods.filter((p) => p.inPerson < rule.inPersonMinimum);
  const inPerson =
    fewInPerson.length === 0
      ? explained(true, 'R-EVAL-FREQ', () =>
          msg('eval.in-person-met', { minimum: rule.inPersonMinimum, periods: list(periods, (p) => p.inPerson) }),
        )
      : explained(false, 'R-EVAL-FREQ', () =>
          msg('eval.in-person-short', {
            short: fewInPerson.length,
            minimum: rule.inPersonMinimum,
            periods: list(fewInPerson, (p) => p.inPerson),
          }),
        );
  return { frequency, inPerson };
}

/** A public holiday's name in the reader's language (holidays.ts names them in English). */
const holidayName = (name: string): Message =>
  msg('holiday.name', { name: name.toLowerCase().replace(/[^a-z]+/g, '_') });

/** R-EVAL-INTERVIEW: the date by which an interview asked for on `requestedOn` must be granted. */
export function interviewDue(requestedOn: string): Explained<string> {
  const days = numberParameter('R-EVAL-INTERVIEW', requestedOn, 'workingDays');
  const { date: due, holidaysSkipped } = addWorkingDays(requestedOn, days);
  return explained(due, 'R-EVAL-INTERVIEW', () => {
    const base = msg('eval.interview', { requestedOn: date(requestedOn), days, due: date(due) });
    if (holidaysSkipped.length === 0) return base;
    return msg('eval.interview-holidays', {
      base,
      holidays: holidaysSkipped.map((h) => msg('eval.holiday', { name: holidayName(h.name), date: date(h.date) })),
    });
  });
}

/**
 * The complete 12-month periods of a PIIS before `until`, each with whether it met R-EVAL-FREQ (its count and in-person
 * minimum).
 */
export function periodCompliance(
  signedOn: string,
  until: string,
  evaluations: readonly EvaluationFact[],
  end: string | null = null,
): Array<PeriodCount & { met: boolean }> {
  const rule = frequencyRule(signedOn);
  return completedPeriods(signedOn, until, evaluations, end).map((p) => ({
    ...p,
    met: p.evaluations >= rule.minimum && p.inPerson >= rule.inPersonMinimum,
  }));
}

/** Whether R-EVAL-FREQ's quarterly version governs a PIIS signed (or, unsigned, drafted) on this date. */
export function quarterlyEvaluations(on: string): boolean {
  return frequencyRule(on).inPersonMinimum === 0;
}
