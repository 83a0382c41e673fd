// R-SUB-*: the 10% PIIS subsidy of one person, month by month. The RI granted in a month comes
// from the right decisions in force (pro rata by day, less the share a sanction suspends); the
// code follows from the PIIS signed: 11 for the first period from the subsidy start (R-SUB-START,
// R-SUB-FIRST), 17 for a second year granted on a motivated request (R-SUB-SECOND), none after an
// interruption of more than 3 months (R-SUB-INTERRUPT). Student PIIS are reported apart
// (R-SUB-STUDENT); an exemption gives the federal form code 8 (R-EXEMPT). Couples are settled
// across both partners by subsidy-couple.ts.
import { addDays, addMonths, daysBetween, daysInMonth, lastOfMonth, maxDate, minDate } from './dates.js';
import { explained, type Explained } from './explained.js';
import { ageOn } from './obligation.js';
import { numberParameter } from './rule-table.js';
import { rightSegments, type RightSegment } from './rights.js';
import { cents, date, month as sayMonth, msg, type Message } from '../i18n/catalogue.js';
import {
  periodsOf,
  piisInForceBetween,
  riGaps,
  secondYearVerdict,
  type Period,
  type SubsidyFacts,
  type SubsidyPiisFacts,
} from './subsidy-periods.js';

export type { SubsidyFacts, SubsidyPiisFacts } from './subsidy-periods.js';
export { secondYearVerdict } from './subsidy-periods.js';
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

/** The months of a year (YYYY-MM) in which the person had an RI right or a PIIS in force, each with its code. */
export function subsidyMonths(facts: SubsidyFacts, year: number): SubsidyMonth[] {
  const verdicts = new Map<string, Explained<boolean>>();
  const person: Person = {
    facts,
    segments: rightSegments(facts.rights),
    periods: periodsOf(facts),
    verdictOf: (p) => verdicts.get(p.id) ?? verdicts.set(p.id, secondYearVerdict(facts, p)).get(p.id)!,
  };
  const out: SubsidyMonth[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = subsidyMonth(person, `${year}-${String(m).padStart(2, '0')}`);
    if (month) out.push(month);
  }
  return out;
}

/** What every month of a person's year reads: the facts, the RI segments, the subsidy periods. */
interface Person {
  facts: SubsidyFacts;
  segments: ReturnType<typeof rightSegments>;
  periods: SubsidyPeriod[];
  /** R-SUB-SECOND's verdict on a PIIS, decided once */
  verdictOf: (p: SubsidyPiisFacts) => Explained<boolean>;
}
type SubsidyPeriod = Period;
/** A month without subsidy, under a rule, with why. */
type NoSubsidy = (
  rule: string,
  explanation: () => Message,
  formCode?: FormCode | null,
  piisId?: string | null,
) => SubsidyMonth;

/** A month (YYYY-MM) of the person's year: null when they had neither an RI right nor a PIIS in force. */
function subsidyMonth(person: Person, month: string): SubsidyMonth | null {
  const { facts, segments, periods } = person;
  const first = monthStart(month);
  const last = monthEnd(month);
  const hasRight = segments.some((s) => s.decision.kind === 'ri' && s.from <= last && (s.to === null || s.to >= first));
  const inForce = facts.piis.filter((p) => piisInForceBetween(p, first, last));
  if (!hasRight && inForce.length === 0) return null;
  const ri = riGrantedInMonth(segments, facts.suspensions, month);
  const base = {
    month,
    riCents: ri.value!,
    piisId: null,
    categories: ri.categories,
    householdShare: ri.householdShare,
  };
  const none: NoSubsidy = (rule, explanation, formCode = null, piisId = null) =>
    lazy({ ...base, code: null, formCode, subsidyCents: 0, piisId, rule }, () =>
      msg('sub.month-none', { why: explanation(), ri: ri.explanation }),
    );
  const period = [...periods].reverse().find((p) => p.firstMonth <= month && month < p.afterMonth);
  if (period) return periodMonth(person, month, period, { ri, base, none });
  return outsideAnyPeriod(person, month, { hasRight, inForce, none });
}

/** What a month of subsidy is written from: its RI, the fields every verdict shares, the "none" verdict. */
interface MonthFacts {
  ri: ReturnType<typeof riGrantedInMonth>;
  base: Omit<SubsidyMonth, 'explanation' | 'code' | 'formCode' | 'subsidyCents' | 'rule'>;
  none: NoSubsidy;
}

/** A month within a PIIS's subsidy period: code 11 in its first year, 17 in its second (R-SUB-FIRST, R-SUB-SECOND). */
function periodMonth(person: Person, month: string, period: SubsidyPeriod, m: MonthFacts): SubsidyMonth {
  const p = period.piis;
  const rule = month >= period.secondMonth ? 'R-SUB-SECOND' : 'R-SUB-FIRST';
  if (!piisInForceBetween(p, monthStart(month), monthEnd(month))) {
    const notInForce = () =>
      msg('sub.not-in-force', {
        signedOn: date(p.signedOn!),
        month: sayMonth(month),
        end: p.endedOn ? 'closed' : p.endsOn ? 'ended' : 'none',
        endedOn: p.endedOn ? date(p.endedOn) : p.endsOn ? date(p.endsOn) : '',
      });
    return m.none(rule, notInForce, undefined, p.id);
  }
  if (m.ri.value === 0) return m.none(rule, () => msg('sub.no-ri-paid', { month: sayMonth(month) }), undefined, p.id);
  return rule === 'R-SUB-FIRST' ? firstYearMonth(person, month, period, m) : secondYearMonth(person, month, period, m);
}

/** The 10 % of the month's RI under a code, for the period's PIIS. */
function paid(m: MonthFacts, month: string, code: 11 | 17, piisId: string, explanation: () => Message): SubsidyMonth {
  const subsidyCents = tenPercent(m.ri.value!, monthStart(month));
  const rule = code === 11 ? 'R-SUB-FIRST' : 'R-SUB-SECOND';
  return lazy({ ...m.base, code, formCode: code, subsidyCents, piisId, rule }, explanation);
}

/** Code 11, unless the RI was interrupted too long since the period began (R-SUB-INTERRUPT). */
function firstYearMonth({ segments }: Person, month: string, period: SubsidyPeriod, m: MonthFacts): SubsidyMonth {
  const p = period.piis;
  const limit = numberParameter('R-SUB-INTERRUPT', monthStart(month), 'interruptionMonths');
  const long = riGaps(segments, period.start.value!, monthEnd(month)).find((g) => g.to >= addMonths(g.from, limit));
  if (long) {
    const why = () => msg('sub.interrupt', { limit, from: date(long.from), to: date(long.to) });
    return m.none('R-SUB-INTERRUPT', why, undefined, p.id);
  }
  return paid(m, month, 11, p.id, () =>
    msg('sub.code-11', {
      month: sayMonth(month),
      signedOn: date(p.signedOn!),
      start: period.start.explanation,
      ri: m.ri.explanation,
    }),
  );
}

/** Code 17 when the second year is granted (R-SUB-SECOND), else why not. */
function secondYearMonth({ verdictOf }: Person, month: string, period: SubsidyPeriod, m: MonthFacts): SubsidyMonth {
  const p = period.piis;
  const verdict = verdictOf(p);
  if (!verdict.value) {
    const why = () =>
      msg('sub.after-first', {
        month: sayMonth(month),
        endMonth: sayMonth(addMonths(monthStart(period.secondMonth), -1)),
        why: verdict.explanation,
      });
    return m.none(verdict.rule, why, undefined, p.id);
  }
  return paid(m, month, 17, p.id, () => msg('sub.code-17', { why: verdict.explanation, ri: m.ri.explanation }));
}

/** A month outside every subsidy period: a student's PIIS (R-SUB-STUDENT), an exemption, or why none. */
function outsideAnyPeriod(
  { facts, periods }: Person,
  month: string,
  { hasRight, inForce, none }: { hasRight: boolean; inForce: SubsidyPiisFacts[]; none: NoSubsidy },
): SubsidyMonth {
  const first = monthStart(month);
  const last = monthEnd(month);
  const student = inForce.find((p) => p.track === 'student');
  if (student) {
    const age = ageOn(facts.birthDate, first);
    const formCode: FormCode = age !== null && age >= 25 ? 10 : 9;
    return none(
      'R-SUB-STUDENT',
      () =>
        msg('sub.student', {
          signedOn: date(student.signedOn!),
          formCode,
          age: formCode === 10 ? 'over25' : age === null ? 'unknown' : 'under25',
        }),
      formCode,
      student.id,
    );
  }
  const exemption = [...facts.exemptions]
    .filter((e) => e.decidedOn <= last)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : -1))[0];
  if (exemption && hasRight && inForce.length === 0) {
    return none('R-EXEMPT', () => msg('sub.exempted', { decidedOn: date(exemption.decidedOn) }), 8);
  }
  const later = periods.find((p) => p.firstMonth > month);
  const over = [...periods].reverse().find((p) => p.afterMonth <= month);
  return none(over ? 'R-SUB-SECOND' : 'R-SUB-START', () =>
    over
      ? msg('sub.over', { signedOn: date(over.piis.signedOn!), month: sayMonth(over.afterMonth) })
      : later
        ? msg('sub.due-later', { from: date(later.start.value!), why: later.start.explanation })
        : inForce.length
          ? msg('sub.no-right-opened', {
              list: inForce.map((p) => msg('sub.signed-on', { signedOn: date(p.signedOn!) })),
            })
          : msg('sub.no-piis'),
  );
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
