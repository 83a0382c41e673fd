// R-SUB-START, R-SUB-SECOND, R-SUB-INTERRUPT: the facts of one person the 10% subsidy follows
// from, and the subsidy periods of their PIIS — the first from the subsidy start, a second year
// when requested with motivation in time — with the gaps in their RI right.
import { addDays, addMonths, firstOfMonth } from './dates.js';
import { explained, type Explained } from './explained.js';
import { numberParameter } from './rule-table.js';
import { rightSegments, type RightDecisionFact, type RightSegment } from './rights.js';
import { subsidyStart } from './subsidy-start.js';
import { subsidyExtensionDue } from './deadlines.js';
import { date, msg } from '../i18n/catalogue.js';

export interface SubsidyPiisFacts {
  id: string;
  track: 'general' | 'student';
  signedOn: string | null;
  notedByCouncilOn: string | null;
  /** closed on (R-CLOSE) */
  endedOn: string | null;
  /** the contract's end date (current version) */
  endsOn: string | null;
  /** dates of the subsidy-extension requests in force (R-SUB-SECOND) */
  extensionRequestedOn: readonly string[];
}

/** Every fact of one person the subsidy follows from, in force only (R-CORRECT). */
export interface SubsidyFacts {
  birthDate: string | null;
  rights: readonly RightDecisionFact[];
  /**
   * sanction suspensions of RI actually applied (R-SANCTION-*): `percent` of the RI each day of
   * the period (100 for a full suspension); a suspended sentence (sursis) suspends nothing
   */
  suspensions: ReadonlyArray<{ from: string; to: string; percent: number }>;
  piis: readonly SubsidyPiisFacts[];
  exemptions: ReadonlyArray<{ decidedOn: string }>;
  situations: ReadonlyArray<{ kind: string; startsOn: string; endsOn: string | null }>;
}

/** In force on at least one day of [from, to]: signed by `to`, neither closed nor ended before `from`. */
export function piisInForceBetween(p: SubsidyPiisFacts, from: string, to: string): boolean {
  return (
    p.signedOn !== null &&
    p.signedOn <= to &&
    (p.endedOn === null || p.endedOn >= from) &&
    (p.endsOn === null || p.endsOn >= from)
  );
}

/** Days without an RI right between the first RI day in [from, to] and `to` (the gaps, each as [from, to]). */
export function riGaps(
  segments: readonly RightSegment[],
  from: string,
  to: string,
): Array<{ from: string; to: string }> {
  const ri = segments
    .filter((s) => s.decision.kind === 'ri' && (s.to === null || s.to >= from) && s.from <= to)
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  const gaps: Array<{ from: string; to: string }> = [];
  for (let i = 1; i < ri.length; i++) {
    const previousEnd = ri[i - 1]!.to;
    if (previousEnd !== null && addDays(previousEnd, 1) < ri[i]!.from)
      gaps.push({ from: addDays(previousEnd, 1), to: addDays(ri[i]!.from, -1) });
  }
  return gaps;
}

/** The first subsidy period of a PIIS: from its start, `firstPeriodMonths` calendar months. */
export function firstPeriod(start: string): { from: string; to: string; months: number } {
  const months = numberParameter('R-SUB-FIRST', start, 'firstPeriodMonths');
  return { from: start, to: addDays(addMonths(firstOfMonth(start), months), -1), months };
}

/**
 * R-SUB-SECOND: whether a second year (code 17) is due after the first period of this PIIS —
 * only on a written, motivated request made by the end of the first period, with the PIIS in
 * force on that day and no interruption; lost when the person found a job before the first year
 * ended, when RI was withdrawn at or just before its end, or when they became a student and
 * stopped studying after it. Not automatic.
 */
export function secondYearVerdict(facts: SubsidyFacts, piis: SubsidyPiisFacts): Explained<boolean> {
  if (piis.track === 'student') return explained(false, 'R-SUB-STUDENT', msg('sub.student-no-17'));
  const start = subsidyStart({
    signedOn: piis.signedOn,
    notedByCouncilOn: piis.notedByCouncilOn,
    track: piis.track,
    rights: facts.rights,
  });
  if (!start.value) return explained(false, start.rule, () => msg('sub.no-first-period', { why: start.explanation }));
  const period = firstPeriod(start.value);
  const end = subsidyExtensionDue(start.value).value!;
  const requests = [...piis.extensionRequestedOn].sort();
  const inTime = requests.filter((d) => d <= end);
  if (inTime.length === 0) {
    return explained(false, 'R-SUB-SECOND', () =>
      requests.length
        ? msg('sub.request-late', { requestedOn: date(requests[0]!), end: date(end) })
        : msg('sub.no-request', { end: date(end) }),
    );
  }
  const asked = date(inTime[0]!);
  if (!piisInForceBetween(piis, end, end)) {
    return explained(false, 'R-SUB-SECOND', () =>
      msg('sub.not-in-force-at-end', {
        requestedOn: asked,
        end: date(end),
        closedOn: piis.endedOn ? date(piis.endedOn) : 'none',
      }),
    );
  }
  const segments = rightSegments(facts.rights);
  const ri = segments.filter((s) => s.decision.kind === 'ri');
  const onLastDay = ri.some((s) => s.from <= end && (s.to === null || s.to >= end));
  const nearEnd = addMonths(end, -numberParameter('R-SUB-SECOND', end, 'withdrawalNearEndMonths'));
  const stoppedNearEnd = ri.find((s) => s.to !== null && s.to >= nearEnd && s.to <= end);
  if (!onLastDay || stoppedNearEnd) {
    return explained(false, 'R-SUB-SECOND', () =>
      msg('sub.withdrawn-near-end', {
        requestedOn: asked,
        withdrawnOn: stoppedNearEnd ? date(addDays(stoppedNearEnd.to!, 1)) : 'none',
        end: date(end),
      }),
    );
  }
  const gaps = riGaps(segments, period.from, end);
  if (gaps.length)
    return explained(false, 'R-SUB-SECOND', () =>
      msg('sub.interrupted', { requestedOn: asked, from: date(gaps[0]!.from), to: date(gaps[0]!.to) }),
    );
  const job = facts.situations.find((s) => s.kind === 'employment' && s.startsOn >= period.from && s.startsOn <= end);
  if (job) {
    return explained(false, 'R-SUB-SECOND', () =>
      msg('sub.found-job', {
        requestedOn: asked,
        jobFrom: date(job.startsOn),
        end: date(end),
        jobTo: job.endsOn ? date(job.endsOn) : 'none',
      }),
    );
  }
  const studies = facts.situations.find(
    (s) => s.kind === 'studies' && s.startsOn <= end && s.endsOn !== null && s.endsOn > end,
  );
  if (studies) {
    return explained(false, 'R-SUB-SECOND', () =>
      msg('sub.became-student', {
        requestedOn: asked,
        studiesFrom: date(studies.startsOn),
        studiesTo: date(studies.endsOn!),
        end: date(end),
      }),
    );
  }
  return explained(true, 'R-SUB-SECOND', () => msg('sub.second-year', { requestedOn: asked, end: date(end) }));
}

export interface Period {
  piis: SubsidyPiisFacts;
  start: Explained<string>;
  firstMonth: string;
  /** first month after the first period */
  secondMonth: string;
  /** first month after the second year */
  afterMonth: string;
}

export function periodsOf(facts: SubsidyFacts): Period[] {
  const out: Period[] = [];
  for (const p of facts.piis) {
    if (p.track !== 'general' || !p.signedOn) continue;
    const start = subsidyStart({
      signedOn: p.signedOn,
      notedByCouncilOn: p.notedByCouncilOn,
      track: p.track,
      rights: facts.rights,
    });
    if (!start.value) continue;
    const { months } = firstPeriod(start.value);
    const firstMonth = start.value.slice(0, 7);
    out.push({
      piis: p,
      start,
      firstMonth,
      secondMonth: firstOfMonth(start.value, months).slice(0, 7),
      afterMonth: firstOfMonth(start.value, 2 * months).slice(0, 7),
    });
  }
  // a later PIIS starts its own period: the latest start that has come governs a month
  return out.sort((a, b) =>
    a.start.value! < b.start.value! ? -1 : a.start.value! > b.start.value! ? 1 : a.piis.id < b.piis.id ? -1 : 1,
  );
}
