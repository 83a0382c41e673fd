// R-IND-*: the yearly indicators of one CPAS, from the facts in force of its persons. Both sets
// are computed for any year — the 2015–2016 convention's (R-IND-2015: bilans, activation paths by
// category) and the figures the PAS report asks from 2017 (R-IND-ENTITLED) — with the outcomes
// (R-IND-OUTCOMES), progress at 31 December (R-PROGRESS) and the compliance figures
// (R-IND-COMPLIANCE). Each figure is {key, value, rule, explanation}; a share whose denominator
// is zero is null, with the reason.
import { daysBetween } from './dates.js';
import { explained, type Explained } from './explained.js';
import { contractEnd, interviewDue, periodCompliance } from './evaluation.js';
import { compulsoryOn, conclusionDeadline } from './obligation.js';
import { progressOn, type Measurement } from './progress.js';
import { reflectionPeriod } from './reflection.js';
import { openingGrant, rightSegments, type RightDecisionFact } from './rights.js';
import { date, msg, render, type Lang, type Message, type MessageId } from '../i18n/catalogue.js';

export interface IndicatorPiis {
  id: string;
  track: 'general' | 'student';
  /** the conclusion date (R-PARTIES) */
  signedOn: string | null;
  handedOverOn: string | null;
  /** the first signature of version 1 in force */
  firstSignatureOn: string | null;
  waiverRecorded: boolean;
  endedOn: string | null;
  endsOn: string | null;
  closeOutcome: string | null;
  /** of the version in force now */
  activationCategory: string | null;
  baselineAssessmentId: string | null;
  evaluations: ReadonlyArray<{ heldOn: string; mode: 'in_person' | 'remote' | 'written' }>;
  interviews: ReadonlyArray<{ requestedOn: string; heldOn: string | null }>;
}

export interface IndicatorPerson {
  id: string;
  birthDate: string | null;
  rights: readonly RightDecisionFact[];
  exemptions: ReadonlyArray<{ decidedOn: string }>;
  assessments: ReadonlyArray<Measurement & { kind: string }>;
  piis: readonly IndicatorPiis[];
}

export interface IndicatorItem {
  key: string;
  value: number | null;
  rule: string;
  explanation: Message;
}

/** An indicator as an answer carries it: its explanation said in the reader's language. */
export const sayItem = (lang: Lang, item: IndicatorItem) => ({ ...item, explanation: render(lang, item.explanation) });

export type IndicatorSet = 'convention-2015-2016' | 'pas-2017';

/** Close outcomes (R-CLOSE) counted under each result of R-IND-OUTCOMES. */
export const OUTCOME_GROUPS: Record<string, readonly string[]> = {
  'outcomes.socioProfessional': ['socio_professional_path', 'training_started', 'studies_completed'],
  'outcomes.autonomy': ['reinforced_autonomy'],
  'outcomes.volunteering': ['volunteering'],
  'outcomes.employment': ['employment'],
};

const inForceDuring = (p: IndicatorPiis, from: string, to: string) =>
  p.signedOn !== null && p.signedOn <= to && (p.endedOn === null || p.endedOn >= from) && (p.endsOn === null || p.endsOn >= from);

const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

function share(key: string, rule: string, part: number, whole: number, what: Message): IndicatorItem {
  if (whole === 0) return { key, value: null, rule, explanation: msg('ind.share-none', { what }) };
  return { key, value: percent(part, whole), rule, explanation: msg('ind.share', { part, whole, what }) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The baseline of a PIIS (R-ASSESS-BASELINE): the assessment it names, else the person's first initial, else their first. */
function baselineOf(person: IndicatorPerson, piis: IndicatorPiis): Measurement | null {
  const byDate = [...person.assessments].sort((a, b) => (a.performedOn < b.performedOn ? -1 : a.performedOn > b.performedOn ? 1 : 0));
  return byDate.find((a) => a.id === piis.baselineAssessmentId) ?? byDate.find((a) => a.kind === 'initial') ?? byDate[0] ?? null;
}

/** A new RI beneficiary of the year (R-OBLIG-NEW: compulsory PIIS), with whether a PIIS was signed or an exemption decided within the deadline. */
function conclusionCase(person: IndicatorPerson, from: string, to: string): Explained<boolean> | null {
  const segments = rightSegments(person.rights);
  const grants = segments.filter((s) => s.decision.kind === 'ri' && s.decision.decidedOn >= from && s.decision.decidedOn <= to);
  for (const g of grants) {
    const opening = openingGrant(segments, g.from, ['ri']);
    if (!opening || opening.grant.id !== g.decision.id) continue;
    const grant = opening.grant;
    const on = grant.decidedOn > opening.from ? grant.decidedOn : opening.from;
    if (!compulsoryOn({ on, track: 'general', birthDate: person.birthDate, rights: person.rights }).value) continue;
    const deadline = conclusionDeadline(grant).value!;
    const signed = person.piis.some((p) => p.signedOn !== null && p.signedOn >= grant.decidedOn && p.signedOn <= deadline);
    const exempted = person.exemptions.some((e) => e.decidedOn >= grant.decidedOn && e.decidedOn <= deadline);
    return explained(signed || exempted, 'R-OBLIG-DEADLINE', msg('ind.conclusion-case', { grantedOn: date(grant.decidedOn), due: date(deadline) }));
  }
  return null;
}

export function indicatorSetOf(year: number): IndicatorSet {
  return year <= 2016 ? 'convention-2015-2016' : 'pas-2017';
}

/**
 * What one person contributes to the indicators of a year. Indicators are sums of these (and a
 * median over the pooled delays), so a CPAS's figures — and the nation's — can be kept as
 * rollups of per-person tallies, recomputed for a person when their facts change.
 */
export interface IndicatorTally {
  assessed: number;
  path21: number;
  path22: number;
  path23: number;
  socioProfessional: number;
  autonomy: number;
  volunteering: number;
  employment: number;
  progressed: number;
  progressMeasured: number;
  entitled: number;
  entitledRi: number;
  entitledInPath: number;
  conclusionCases: number;
  concludedInTime: number;
  concludedHanded: number;
  fullReflection: number;
  reflectionWaivers: number;
  evaluationPeriods: number;
  evaluationPeriodsMet: number;
  interviews: number;
  interviewsInTime: number;
  /** days from the RI grant to each conclusion of the year (R-IND-COMPLIANCE median) */
  signatureDelays: number[];
}

export type TallyCount = Exclude<keyof IndicatorTally, 'signatureDelays'>;

/** The counts of a tally, in a fixed order (storage columns follow it). */
export const TALLY_COUNTS: readonly TallyCount[] = [
  'assessed', 'path21', 'path22', 'path23', 'socioProfessional', 'autonomy', 'volunteering', 'employment', 'progressed', 'progressMeasured',
  'entitled', 'entitledRi', 'entitledInPath', 'conclusionCases', 'concludedInTime', 'concludedHanded', 'fullReflection', 'reflectionWaivers',
  'evaluationPeriods', 'evaluationPeriodsMet', 'interviews', 'interviewsInTime',
];

export function emptyTally(): IndicatorTally {
  const t = Object.fromEntries(TALLY_COUNTS.map((k) => [k, 0])) as Record<TallyCount, number>;
  return { ...t, signatureDelays: [] };
}

export function isEmptyTally(t: IndicatorTally): boolean {
  return t.signatureDelays.length === 0 && TALLY_COUNTS.every((k) => t[k] === 0);
}

/** Adds b into a (delays pooled). */
export function addTally(a: IndicatorTally, b: IndicatorTally): IndicatorTally {
  for (const k of TALLY_COUNTS) a[k] += b[k];
  for (const d of b.signatureDelays) a.signatureDelays.push(d);
  return a;
}

const inYear = (date: string | null, from: string, to: string) => date !== null && date >= from && date <= to;

/** One person's contribution to the indicators of a year. */
export function tallyPerson(person: IndicatorPerson, year: number): IndicatorTally {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const t = emptyTally();
  const latestInForce = () => [...person.piis].filter((x) => inForceDuring(x, from, to)).sort((a, b) => (a.signedOn! < b.signedOn! ? 1 : -1));

  // R-IND-2015 (1): a bilan social performed in the year
  if (person.assessments.some((a) => inYear(a.performedOn, from, to))) t.assessed = 1;
  // R-IND-2015 (2): each person once, under their latest PIIS in force with a category
  const category = latestInForce().find((x) => x.activationCategory)?.activationCategory ?? null;
  if (category === '2.1') t.path21 = 1;
  if (category === '2.2') t.path22 = 1;
  if (category === '2.3') t.path23 = 1;

  // R-IND-OUTCOMES: results of the PIIS closed in the year; progress at 31 December
  const closedWith = (outcomes: readonly string[]) => (person.piis.some((x) => inYear(x.endedOn, from, to) && outcomes.includes(x.closeOutcome ?? '')) ? 1 : 0);
  t.socioProfessional = closedWith(OUTCOME_GROUPS['outcomes.socioProfessional']!);
  t.autonomy = closedWith(OUTCOME_GROUPS['outcomes.autonomy']!);
  t.volunteering = closedWith(OUTCOME_GROUPS['outcomes.volunteering']!);
  t.employment = closedWith(OUTCOME_GROUPS['outcomes.employment']!);
  const current = latestInForce()[0];
  if (current) {
    const progress = progressOn({ baseline: baselineOf(person, current), measurements: person.assessments, on: to });
    if (progress.value !== null) t.progressMeasured = 1;
    if (progress.value === true) t.progressed = 1;
  }

  // R-IND-ENTITLED
  const segments = rightSegments(person.rights);
  const rightIn = (kinds: readonly string[]) => segments.some((s) => kinds.includes(s.decision.kind) && s.from <= to && (s.to === null || s.to >= from));
  if (rightIn(['ri', 'equivalent_aid'])) {
    t.entitled = 1;
    if (rightIn(['ri'])) t.entitledRi = 1;
    if (person.piis.some((x) => inForceDuring(x, from, to))) t.entitledInPath = 1;
  }

  // R-IND-COMPLIANCE
  const conclusion = conclusionCase(person, from, to);
  if (conclusion) {
    t.conclusionCases = 1;
    if (conclusion.value) t.concludedInTime = 1;
  }
  for (const x of person.piis) {
    if (!inYear(x.signedOn, from, to)) continue;
    if (x.handedOverOn && x.firstSignatureOn) {
      t.concludedHanded += 1;
      const earliest = reflectionPeriod(x.handedOverOn).earliestSignatureOn.value!;
      if (x.firstSignatureOn >= earliest) t.fullReflection += 1;
      else if (x.waiverRecorded) t.reflectionWaivers += 1;
    }
    const opening = openingGrant(segments, x.signedOn!, ['ri']);
    if (opening && opening.grant.decidedOn <= x.signedOn!) t.signatureDelays.push(daysBetween(opening.grant.decidedOn, x.signedOn!));
  }
  for (const x of person.piis) {
    if (x.signedOn === null) continue;
    for (const period of periodCompliance(x.signedOn, `${year + 1}-01-01`, x.evaluations, contractEnd(x.endsOn, x.endedOn))) {
      if (!inYear(period.to, from, to)) continue;
      t.evaluationPeriods += 1;
      if (period.met) t.evaluationPeriodsMet += 1;
    }
    for (const i of x.interviews) {
      if (!inYear(i.requestedOn, from, to)) continue;
      t.interviews += 1;
      if (i.heldOn !== null && i.heldOn <= interviewDue(i.requestedOn).value!) t.interviewsInTime += 1;
    }
  }
  return t;
}

/** The first year any of the person's facts falls in: no earlier year can count them. */
export function firstFactYear(person: IndicatorPerson): number | null {
  const dates = [
    ...person.rights.flatMap((r) => [r.decidedOn, r.startsOn]),
    ...person.exemptions.map((e) => e.decidedOn),
    ...person.assessments.map((a) => a.performedOn),
    ...person.piis.flatMap((p) => [p.signedOn, p.endedOn, ...p.interviews.map((i) => i.requestedOn)]),
  ].filter((d): d is string => d !== null);
  if (dates.length === 0) return null;
  return Number(dates.reduce((a, b) => (a < b ? a : b)).slice(0, 4));
}

/** Every indicator of the year over these persons (one CPAS): the sum of their tallies. */
export function indicators(persons: readonly IndicatorPerson[], year: number): IndicatorItem[] {
  return indicatorsFromTally(persons.reduce((sum, p) => addTally(sum, tallyPerson(p, year)), emptyTally()), year);
}

/** The indicator items of a year from the summed tally of a population. */
export function indicatorsFromTally(t: IndicatorTally, year: number): IndicatorItem[] {
  const to = `${year}-12-31`;
  const items: IndicatorItem[] = [];
  const count = (key: string, rule: string, n: number, explanation: Message) => items.push({ key, value: n, rule, explanation });

  count('assessments', 'R-IND-2015', t.assessed, msg('ind.assessments', { year: String(year) }));
  count('activationPaths', 'R-IND-2015', t.path21 + t.path22 + t.path23, msg('ind.paths', { year: String(year) }));
  const paths = { '2.1': t.path21, '2.2': t.path22, '2.3': t.path23 };
  for (const [c, n] of Object.entries(paths)) {
    count(`activationPaths.${c}`, 'R-IND-2015', n, msg('ind.path', { year: String(year), category: c, volunteering: c === '2.3' ? 'yes' : 'no' }));
  }
  const outcomes: Record<string, number> = {
    'outcomes.socioProfessional': t.socioProfessional,
    'outcomes.autonomy': t.autonomy,
    'outcomes.volunteering': t.volunteering,
    'outcomes.employment': t.employment,
  };
  for (const [key, group] of Object.entries(OUTCOME_GROUPS)) {
    count(key, 'R-IND-OUTCOMES', outcomes[key]!, msg('ind.outcome', { year: String(year), outcomes: group.map((code) => msg(`code.closeOutcome.${code}` as MessageId)) }));
  }
  count('progress', 'R-PROGRESS', t.progressed, msg('ind.progress', { year: String(year), on: date(to), measured: t.progressMeasured }));

  count('entitled.total', 'R-IND-ENTITLED', t.entitled, msg('ind.entitled', { year: String(year) }));
  count('entitled.ri', 'R-IND-ENTITLED', t.entitledRi, msg('ind.entitled-ri'));
  count('entitled.inPath', 'R-IND-ENTITLED', t.entitledInPath, msg('ind.entitled-in-path', { year: String(year) }));
  items.push(share('entitled.riPercent', 'R-IND-ENTITLED', t.entitledRi, t.entitled, msg('ind.what-entitled-ri')));
  items.push(share('entitled.inPathPercent', 'R-IND-ENTITLED', t.entitledInPath, t.entitled, msg('ind.what-entitled-path')));

  items.push(share('compliance.concludedInTime', 'R-IND-COMPLIANCE', t.concludedInTime, t.conclusionCases, msg('ind.what-in-time', { year: String(year) })));
  items.push(share('compliance.fullReflection', 'R-IND-COMPLIANCE', t.fullReflection, t.concludedHanded, msg('ind.what-full-reflection', { year: String(year) })));
  count('compliance.reflectionWaivers', 'R-IND-COMPLIANCE', t.reflectionWaivers, msg('ind.waivers', { year: String(year) }));
  items.push(share('compliance.evaluationFrequency', 'R-IND-COMPLIANCE', t.evaluationPeriodsMet, t.evaluationPeriods, msg('ind.what-frequency', { year: String(year) })));
  items.push(share('compliance.interviewsInTime', 'R-IND-COMPLIANCE', t.interviewsInTime, t.interviews, msg('ind.what-interviews', { year: String(year) })));
  const m = median(t.signatureDelays);
  items.push({
    key: 'compliance.medianDaysToSignature',
    value: m,
    rule: 'R-IND-COMPLIANCE',
    explanation: m === null ? msg('ind.median-none', { year: String(year) }) : msg('ind.median', { count: t.signatureDelays.length, year: String(year) }),
  });
  return items;
}

/** The first year indicators are kept for (the integration income law of 26 May 2002). */
export const FIRST_INDICATOR_YEAR = 2002;

/** A person's non-empty tallies for every year from their first fact through `throughYear`. */
export function tallyYears(person: IndicatorPerson, throughYear: number): Array<{ year: number; tally: IndicatorTally }> {
  const first = firstFactYear(person);
  if (first === null) return [];
  const out: Array<{ year: number; tally: IndicatorTally }> = [];
  for (let year = Math.max(FIRST_INDICATOR_YEAR, first); year <= throughYear; year++) {
    const tally = tallyPerson(person, year);
    if (!isEmptyTally(tally)) out.push({ year, tally });
  }
  return out;
}
