// R-EVAL-FREQ: how often a signed PIIS is evaluated, by the version in force on its signature
// date (quarterly before 2016-11-01; at least 3 per 12 months, 2 in person, from then). The plan
// is even (interpretation): the next evaluation is due at the latest `planningIntervalMonths`
// after the signature or the previous evaluation, and never after the last day of a 12-month
// period that still lacks its minimum. R-EVAL-INTERVIEW: an interview asked for is granted within
// 5 working days.
import { addDays, addMonths, describeDate } from './dates.js';
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

const describeRule = (r: FrequencyRule, signedOn: string) =>
  r.inPersonMinimum > 0
    ? `signed on ${signedOn} (from 2016-11-01): at least ${r.minimum} evaluations per 12 months, ${r.inPersonMinimum} of them in person`
    : `signed on ${signedOn} (before 2016-11-01): at least one evaluation per quarter`;

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
export function nextEvaluationDue(input: { signedOn: string | null; closed: boolean; evaluations: readonly EvaluationFact[] }): Explained<string> {
  if (!input.signedOn) return explained<string>(null, 'R-EVAL-FREQ', 'Evaluations are planned from the signature of the PIIS; it is not signed');
  if (input.closed) return explained<string>(null, 'R-EVAL-FREQ', 'The PIIS is closed: no evaluation is due');
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
    let why = `${describeRule(rule, signedOn)}; planned evenly, the next one is due at the latest ${rule.intervalMonths} months after ${last ? `the last evaluation (${describeDate(from)})` : `the signature (${describeDate(from)})`}: ${describeDate(planned)}`;
    if (broughtForward) why += `; brought forward to ${describeDate(due)}, the last day of the 12-month period from ${period.from}, which has ${inPeriod.length} of its ${rule.minimum} evaluations`;
    if (rule.inPersonMinimum > 0) {
      const p = runPeriod(signedOn, due);
      const needed = Math.max(0, rule.inPersonMinimum - held.filter((e) => within(e, p) && e.mode === 'in_person').length);
      why += needed > 0 ? `; ${needed} in-person meeting(s) still needed in the period ${p.from} to ${p.to}` : `; the period ${p.from} to ${p.to} has its ${rule.inPersonMinimum} in-person meetings`;
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

/** Every complete 12-month period of the run up to `until` (exclusive of a period still running). */
export function completedPeriods(signedOn: string, until: string, evaluations: readonly EvaluationFact[]): PeriodCount[] {
  const out: PeriodCount[] = [];
  for (let i = 0; ; i += 1) {
    const from = addMonths(signedOn, 12 * i);
    const to = addDays(addMonths(signedOn, 12 * (i + 1)), -1);
    if (to >= until) break;
    const inside = evaluations.filter((e) => e.heldOn >= from && e.heldOn <= to);
    out.push({ from, to, evaluations: inside.length, inPerson: inside.filter((e) => e.mode === 'in_person').length });
  }
  return out;
}

/** Compliance with R-EVAL-FREQ over the complete 12-month periods before `until`: the count and the in-person count. */
export function evaluationCompliance(input: { signedOn: string | null; until: string; evaluations: readonly EvaluationFact[] }): { frequency: Explained<boolean>; inPerson: Explained<boolean> } {
  if (!input.signedOn) {
    const none = explained<boolean>(null, 'R-EVAL-FREQ', 'The PIIS is not signed: no evaluation period has started');
    return { frequency: none, inPerson: none };
  }
  const signedOn = input.signedOn;
  const rule = frequencyRule(signedOn);
  const periods = completedPeriods(signedOn, input.until, input.evaluations);
  if (periods.length === 0) {
    const pending = explained<boolean>(null, 'R-EVAL-FREQ', () => `${describeRule(rule, signedOn)}; no 12-month period has been completed yet (the first ends on ${addDays(addMonths(signedOn, 12), -1)})`);
    return { frequency: pending, inPerson: pending };
  }
  const short = periods.filter((p) => p.evaluations < rule.minimum);
  const list = (ps: PeriodCount[], f: (p: PeriodCount) => number) => ps.map((p) => `${p.from}–${p.to}: ${f(p)}`).join('; ');
  const frequency = short.length === 0
    ? explained(true, 'R-EVAL-FREQ', () => `${describeRule(rule, signedOn)}; every complete period has at least ${rule.minimum} (${list(periods, (p) => p.evaluations)})`)
    : explained(false, 'R-EVAL-FREQ', () => `${describeRule(rule, signedOn)}; ${short.length} complete period(s) below the minimum (${list(short, (p) => p.evaluations)})`);
  if (rule.inPersonMinimum === 0) {
    return { frequency, inPerson: explained(true, 'R-EVAL-FREQ', () => `${describeRule(rule, signedOn)}; the rule in force then asks no in-person minimum`) };
  }
  const fewInPerson = periods.filter((p) => p.inPerson < rule.inPersonMinimum);
  const inPerson = fewInPerson.length === 0
    ? explained(true, 'R-EVAL-FREQ', () => `Every complete 12-month period has at least ${rule.inPersonMinimum} in-person evaluations (${list(periods, (p) => p.inPerson)})`)
    : explained(false, 'R-EVAL-FREQ', () => `${fewInPerson.length} complete 12-month period(s) with fewer than ${rule.inPersonMinimum} in-person evaluations (${list(fewInPerson, (p) => p.inPerson)})`);
  return { frequency, inPerson };
}

/** R-EVAL-INTERVIEW: the date by which an interview asked for on `requestedOn` must be granted. */
export function interviewDue(requestedOn: string): Explained<string> {
  const days = numberParameter('R-EVAL-INTERVIEW', requestedOn, 'workingDays');
  const { date, holidaysSkipped } = addWorkingDays(requestedOn, days);
  const skipped = holidaysSkipped.length ? `; public holidays skipped: ${holidaysSkipped.map((h) => `${h.name} ${h.date}`).join(', ')}` : '';
  return explained(date, 'R-EVAL-INTERVIEW', () => `Requested on ${describeDate(requestedOn)}: to be granted within ${days} working days (Monday to Friday, Belgian public holidays excluded), counted from the next day: by ${describeDate(date)}${skipped}`);
}

/** The complete 12-month periods of a PIIS before `until`, each with whether it met R-EVAL-FREQ (its count and in-person minimum). */
export function periodCompliance(signedOn: string, until: string, evaluations: readonly EvaluationFact[]): Array<PeriodCount & { met: boolean }> {
  const rule = frequencyRule(signedOn);
  return completedPeriods(signedOn, until, evaluations).map((p) => ({ ...p, met: p.evaluations >= rule.minimum && p.inPerson >= rule.inPersonMinimum }));
}

/** Whether R-EVAL-FREQ's quarterly version governs a PIIS signed (or, unsigned, drafted) on this date. */
export function quarterlyEvaluations(on: string): boolean {
  return frequencyRule(on).inPersonMinimum === 0;
}
