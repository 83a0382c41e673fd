// R-SUB-*: the 10% PIIS subsidy of one person, month by month. The RI granted in a month comes
// from the right decisions in force (pro rata by day, less the share a sanction suspends); the
// code follows from the PIIS signed: 11 for the first period from the subsidy start (R-SUB-START,
// R-SUB-FIRST), 17 for a second year granted on a motivated request (R-SUB-SECOND), none after an
// interruption of more than 3 months (R-SUB-INTERRUPT). Student PIIS are reported apart
// (R-SUB-STUDENT); an exemption gives the federal form code 8 (R-EXEMPT). Couples are settled
// across both partners by subsidy-couple.ts.
import { addDays, addMonths, daysBetween, daysInMonth, firstOfMonth, lastOfMonth, maxDate, minDate } from './dates.js';
import { explained, type Explained } from './explained.js';
import { ageOn } from './obligation.js';
import { numberParameter } from './rule-table.js';
import { rightSegments, type RightDecisionFact, type RightSegment } from './rights.js';
import { subsidyStart } from './subsidy-start.js';
import { subsidyExtensionDue } from './deadlines.js';
import { cents, date, month as sayMonth, msg, type Message } from '../i18n/catalogue.js';

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

export type SubsidyCode = 11 | 17;
export type FormCode = 8 | 9 | 10 | 11 | 17;

export interface SubsidyMonth {
  month: string;
  code: SubsidyCode | null;
  formCode: FormCode | null;
  riCents: number;
  subsidyCents: number;
  /** the PIIS the month is reported under, if any */
  piisId: string | null;
  /** the RI category in force in the month (R-SUB-COUPLE needs it) */
  categories: string[];
  /** R-SUB-COUPLE: the month's category-3 RI is this partner's share of the household's amount */
  householdShare: boolean;
  rule: string;
  explanation: Message;
}

const monthStart = (month: string) => `${month}-01`;
const monthEnd = (month: string) => lastOfMonth(`${month}-01`);

/** amount × numerator ÷ denominator, rounded half up to the cent, in integers. */
const share = (amount: number, numerator: number, denominator: number) =>
  Math.floor((2 * amount * numerator + denominator) / (2 * denominator));

/**
 * The days of [from, to] (at most a month) a suspension covers, and their suspended share in
 * percent-days: each day counts the largest percentage suspended that day (overlapping
 * suspensions never take more than the whole RI of a day).
 */
function suspendedDays(
  periods: SubsidyFacts['suspensions'],
  from: string,
  to: string,
): { days: number; percentDays: number } {
  let days = 0;
  let percentDays = 0;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    let percent = 0;
    for (const p of periods) if (p.from <= day && day <= p.to && p.percent > percent) percent = p.percent;
    if (percent > 0) {
      days += 1;
      percentDays += percent;
    }
  }
  return { days, percentDays };
}

/**
 * R-SUB-FIRST: RI granted in a month = for each RI decision in force, its monthly amount × days
 * covered in the month ÷ days of the month, rounded to the cent, less the share suspended by a
 * sanction (rounded the same way).
 */
export function riGrantedInMonth(
  segments: readonly RightSegment[],
  suspensions: SubsidyFacts['suspensions'],
  month: string,
): Explained<number> & { categories: string[]; householdShare: boolean } {
  const first = monthStart(month);
  const last = monthEnd(month);
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  let total = 0;
  const parts: Message[] = [];
  const categories: string[] = [];
  let householdShare = false;
  for (const s of segments) {
    const amount = s.decision.monthlyAmountCents;
    if (s.decision.kind !== 'ri' || amount === null) continue;
    const from = maxDate(s.from, first);
    const to = minDate(s.to ?? last, last);
    if (from > to) continue;
    const covered = daysBetween(from, to) + 1;
    // R-SANCTION-LENGTH: only the share actually suspended is taken off, to the cent
    const suspended = suspendedDays(suspensions, from, to);
    const granted = share(amount, covered, days) - share(amount, suspended.percentDays, days * 100);
    total += granted;
    if (s.decision.category) categories.push(s.decision.category);
    if (s.decision.category === 'family' && s.decision.householdAmountCents != null) householdShare = true;
    const percent = suspended.days ? Math.round(suspended.percentDays / suspended.days) : 100;
    parts.push(
      msg('sub.ri-part', {
        amount: cents(amount),
        covered,
        days,
        suspended: suspended.days,
        partial: percent < 100 ? 'yes' : 'no',
        percent,
        granted: cents(granted),
      }),
    );
  }
  const result = explained(total, 'R-SUB-FIRST', () =>
    parts.length
      ? msg('sub.ri-granted', { month: sayMonth(month), parts })
      : msg('sub.no-ri-granted', { month: sayMonth(month) }),
  );
  return Object.assign(result, { categories, householdShare });
}

/** The 10% of the RI granted, rounded half up to the cent. */
export function tenPercent(riCents: number, on: string): number {
  const perMille = Math.round(numberParameter('R-SUB-RATE', on, 'rate') * 1000);
  return share(riCents, perMille, 1000);
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
function riGaps(segments: readonly RightSegment[], from: string, to: string): Array<{ from: string; to: string }> {
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

interface Period {
  piis: SubsidyPiisFacts;
  start: Explained<string>;
  firstMonth: string;
  /** first month after the first period */
  secondMonth: string;
  /** first month after the second year */
  afterMonth: string;
}

function periodsOf(facts: SubsidyFacts): Period[] {
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

/** The months of a year (YYYY-MM) in which the person had an RI right or a PIIS in force, each with its code. */
export function subsidyMonths(facts: SubsidyFacts, year: number): SubsidyMonth[] {
  const segments = rightSegments(facts.rights);
  const periods = periodsOf(facts);
  const verdicts = new Map<string, Explained<boolean>>();
  const verdictOf = (p: SubsidyPiisFacts) =>
    verdicts.get(p.id) ?? verdicts.set(p.id, secondYearVerdict(facts, p)).get(p.id)!;
  const out: SubsidyMonth[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    const first = monthStart(month);
    const last = monthEnd(month);
    const hasRight = segments.some(
      (s) => s.decision.kind === 'ri' && s.from <= last && (s.to === null || s.to >= first),
    );
    const inForce = facts.piis.filter((p) => piisInForceBetween(p, first, last));
    if (!hasRight && inForce.length === 0) continue;
    const ri = riGrantedInMonth(segments, facts.suspensions, month);
    const base = {
      month,
      riCents: ri.value!,
      piisId: null,
      categories: ri.categories,
      householdShare: ri.householdShare,
    };
    const none = (
      rule: string,
      explanation: () => Message,
      formCode: FormCode | null = null,
      piisId: string | null = null,
    ): SubsidyMonth =>
      lazy({ ...base, code: null, formCode, subsidyCents: 0, piisId, rule }, () =>
        msg('sub.month-none', { why: explanation(), ri: ri.explanation }),
      );
    const period = [...periods].reverse().find((p) => p.firstMonth <= month && month < p.afterMonth);
    if (period) {
      const p = period.piis;
      const inSecond = month >= period.secondMonth;
      if (!piisInForceBetween(p, first, last)) {
        out.push(
          none(
            inSecond ? 'R-SUB-SECOND' : 'R-SUB-FIRST',
            () =>
              msg('sub.not-in-force', {
                signedOn: date(p.signedOn!),
                month: sayMonth(month),
                end: p.endedOn ? 'closed' : p.endsOn ? 'ended' : 'none',
                endedOn: p.endedOn ? date(p.endedOn) : p.endsOn ? date(p.endsOn) : '',
              }),
            undefined,
            p.id,
          ),
        );
        continue;
      }
      if (ri.value === 0) {
        out.push(
          none(
            inSecond ? 'R-SUB-SECOND' : 'R-SUB-FIRST',
            () => msg('sub.no-ri-paid', { month: sayMonth(month) }),
            undefined,
            p.id,
          ),
        );
        continue;
      }
      if (!inSecond) {
        const limit = numberParameter('R-SUB-INTERRUPT', first, 'interruptionMonths');
        const long = riGaps(segments, period.start.value!, last).find((g) => g.to >= addMonths(g.from, limit));
        if (long) {
          out.push(
            none(
              'R-SUB-INTERRUPT',
              () => msg('sub.interrupt', { limit, from: date(long.from), to: date(long.to) }),
              undefined,
              p.id,
            ),
          );
          continue;
        }
        out.push(
          lazy(
            {
              ...base,
              code: 11,
              formCode: 11,
              subsidyCents: tenPercent(ri.value!, first),
              piisId: p.id,
              rule: 'R-SUB-FIRST',
            },
            () =>
              msg('sub.code-11', {
                month: sayMonth(month),
                signedOn: date(p.signedOn!),
                start: period.start.explanation,
                ri: ri.explanation,
              }),
          ),
        );
        continue;
      }
      const verdict = verdictOf(p);
      if (!verdict.value) {
        out.push(
          none(
            verdict.rule,
            () =>
              msg('sub.after-first', {
                month: sayMonth(month),
                endMonth: sayMonth(addMonths(monthStart(period.secondMonth), -1)),
                why: verdict.explanation,
              }),
            undefined,
            p.id,
          ),
        );
        continue;
      }
      out.push(
        lazy(
          {
            ...base,
            code: 17,
            formCode: 17,
            subsidyCents: tenPercent(ri.value!, first),
            piisId: p.id,
            rule: 'R-SUB-SECOND',
          },
          () => msg('sub.code-17', { why: verdict.explanation, ri: ri.explanation }),
        ),
      );
      continue;
    }
    const student = inForce.find((p) => p.track === 'student');
    if (student) {
      const age = ageOn(facts.birthDate, first);
      const formCode: FormCode = age !== null && age >= 25 ? 10 : 9;
      out.push(
        none(
          'R-SUB-STUDENT',
          () =>
            msg('sub.student', {
              signedOn: date(student.signedOn!),
              formCode,
              age: formCode === 10 ? 'over25' : age === null ? 'unknown' : 'under25',
            }),
          formCode,
          student.id,
        ),
      );
      continue;
    }
    const exemption = [...facts.exemptions]
      .filter((e) => e.decidedOn <= last)
      .sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : -1))[0];
    if (exemption && hasRight && inForce.length === 0) {
      out.push(none('R-EXEMPT', () => msg('sub.exempted', { decidedOn: date(exemption.decidedOn) }), 8));
      continue;
    }
    const later = periods.find((p) => p.firstMonth > month);
    const over = [...periods].reverse().find((p) => p.afterMonth <= month);
    out.push(
      none(over ? 'R-SUB-SECOND' : 'R-SUB-START', () =>
        over
          ? msg('sub.over', { signedOn: date(over.piis.signedOn!), month: sayMonth(over.afterMonth) })
          : later
            ? msg('sub.due-later', { from: date(later.start.value!), why: later.start.explanation })
            : inForce.length
              ? msg('sub.no-right-opened', {
                  list: inForce.map((p) => msg('sub.signed-on', { signedOn: date(p.signedOn!) })),
                })
              : msg('sub.no-piis'),
      ),
    );
  }
  return out;
}

/** A month whose explanation is written only when read. */
function lazy(month: Omit<SubsidyMonth, 'explanation'>, explanation: () => Message): SubsidyMonth {
  const e = explained(null, month.rule, explanation);
  return Object.defineProperty({ ...month } as SubsidyMonth, 'explanation', {
    enumerable: true,
    configurable: true,
    get: () => e.explanation,
  });
}
