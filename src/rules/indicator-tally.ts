// R-IND-*: what one person contributes to the indicators of a year (a tally), from their facts in
// force. A CPAS's indicators — and the nation's — are sums of tallies (and a median over the
// pooled delays to signature), which is what lets them be kept as rollups (reports/rollups.*).
import { daysBetween } from './dates.js';
import { explained, type Explained } from './explained.js';
import { contractEnd, interviewDue, periodCompliance } from './evaluation.js';
import { compulsoryOn, conclusionDeadline } from './obligation.js';
import { progressOn, type Measurement } from './progress.js';
import { reflectionPeriod } from './reflection.js';
import { openingGrant, rightSegments, type RightDecisionFact } from './rights.js';
import { date, msg } from '../i18n/catalogue.js';

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

/** The SPP IS's social-activation path categories (R-KIND); community service is none of them. */
export const SOCIAL_ACTIVATION_CATEGORIES: readonly string[] = ['2.1', '2.2', '2.3'];
const isSocialActivation = (p: IndicatorPiis) => SOCIAL_ACTIVATION_CATEGORIES.includes(p.activationCategory ?? '');

/** Close outcomes (R-CLOSE) counted under each result of R-IND-OUTCOMES. */
export const OUTCOME_GROUPS: Record<string, readonly string[]> = {
  'outcomes.socioProfessional': ['socio_professional_path', 'training_started', 'studies_completed'],
  'outcomes.autonomy': ['reinforced_autonomy'],
  'outcomes.volunteering': ['volunteering'],
  'outcomes.employment': ['employment'],
};

const inForceDuring = (p: IndicatorPiis, from: string, to: string) =>
  p.signedOn !== null &&
  p.signedOn <= to &&
  (p.endedOn === null || p.endedOn >= from) &&
  (p.endsOn === null || p.endsOn >= from);

/**
 * The baseline of a PIIS (R-ASSESS-BASELINE): the assessment it names, else the person's first initial, else their
 * first.
 */
function baselineOf(person: IndicatorPerson, piis: IndicatorPiis): Measurement | null {
  const byDate = [...person.assessments].sort((a, b) =>
    a.performedOn < b.performedOn ? -1 : a.performedOn > b.performedOn ? 1 : 0,
  );
  return (
    byDate.find((a) => a.id === piis.baselineAssessmentId) ??
    byDate.find((a) => a.kind === 'initial') ??
    byDate[0] ??
    null
  );
}

/**
 * A new RI beneficiary of the year (R-OBLIG-NEW: compulsory PIIS), with whether a PIIS was signed or an exemption
 * decided within the deadline.
 */
function conclusionCase(person: IndicatorPerson, from: string, to: string): Explained<boolean> | null {
  const segments = rightSegments(person.rights);
  const grants = segments.filter(
    (s) => s.decision.kind === 'ri' && s.decision.decidedOn >= from && s.decision.decidedOn <= to,
  );
  for (const g of grants) {
    const opening = openingGrant(segments, g.from, ['ri']);
    if (!opening || opening.grant.id !== g.decision.id) continue;
    const grant = opening.grant;
    const on = grant.decidedOn > opening.from ? grant.decidedOn : opening.from;
    if (!compulsoryOn({ on, track: 'general', birthDate: person.birthDate, rights: person.rights }).value) continue;
    const deadline = conclusionDeadline(grant).value!;
    const signed = person.piis.some(
      (p) => p.signedOn !== null && p.signedOn >= grant.decidedOn && p.signedOn <= deadline,
    );
    const exempted = person.exemptions.some((e) => e.decidedOn >= grant.decidedOn && e.decidedOn <= deadline);
    return explained(
      signed || exempted,
      'R-OBLIG-DEADLINE',
      msg('ind.conclusion-case', { grantedOn: date(grant.decidedOn), due: date(deadline) }),
    );
  }
  return null;
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
  /** progress (R-PROGRESS) of a person whose path is 2.1, 2.2, 2.3: towards that path's direction */
  progressSocioProfessional: number;
  progressAutonomy: number;
  progressVolunteering: number;
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
  /** persons with a PIIS in force some day of the year */
  piisInForce: number;
  /** PIIS concluded (R-PARTIES) in the year */
  piisConcluded: number;
  /** PIIS closed (R-CLOSE) in the year */
  piisClosed: number;
  /** PIIS whose end date falls in the year with no close recorded */
  pastEndOpen: number;
  /** days from the RI grant to each conclusion of the year (R-IND-COMPLIANCE median) */
  signatureDelays: number[];
}

export type TallyCount = Exclude<keyof IndicatorTally, 'signatureDelays'>;

/** The counts of a tally, in a fixed order (storage columns follow it). */
export const TALLY_COUNTS: readonly TallyCount[] = [
  'assessed',
  'path21',
  'path22',
  'path23',
  'socioProfessional',
  'autonomy',
  'volunteering',
  'employment',
  'progressed',
  'progressMeasured',
  'entitled',
  'entitledRi',
  'entitledInPath',
  'conclusionCases',
  'concludedInTime',
  'concludedHanded',
  'fullReflection',
  'reflectionWaivers',
  'evaluationPeriods',
  'evaluationPeriodsMet',
  'interviews',
  'interviewsInTime',
  'progressSocioProfessional',
  'progressAutonomy',
  'progressVolunteering',
  'piisInForce',
  'piisConcluded',
  'piisClosed',
  'pastEndOpen',
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
  const y: Year = { year, from: `${year}-01-01`, to: `${year}-12-31` };
  const t = emptyTally();
  const inForce = [...person.piis]
    .filter((x) => inForceDuring(x, y.from, y.to))
    .sort((a, b) => (a.signedOn! < b.signedOn! ? 1 : -1));
  // the person's social-activation path of the year: their latest PIIS in force with a 2.x category
  const path = inForce.find(isSocialActivation);
  tallySocialActivation(t, person, y, path);
  tallyEntitled(t, person, y, { inForce: inForce.length > 0, inPath: !!path });
  tallyPiis(t, person, y, inForce.length > 0);
  tallyCompliance(t, person, y);
  return t;
}

/** A year as the tally reads it: its number, first and last days. */
interface Year {
  year: number;
  from: string;
  to: string;
}

/** R-IND-2015 (bilans, paths), R-IND-OUTCOMES and R-PROGRESS: social activation only. */
function tallySocialActivation(t: IndicatorTally, person: IndicatorPerson, { from, to }: Year, path?: IndicatorPiis) {
  // R-IND-2015 (1): a bilan social performed in the year
  if (person.assessments.some((a) => inYear(a.performedOn, from, to))) t.assessed = 1;
  // R-IND-2015 (2): each person once, under their path
  if (path?.activationCategory === '2.1') t.path21 = 1;
  if (path?.activationCategory === '2.2') t.path22 = 1;
  if (path?.activationCategory === '2.3') t.path23 = 1;

  // R-IND-OUTCOMES: results of the social-activation paths closed in the year
  const closedWith = (outcomes: readonly string[]) =>
    person.piis.some(
      (x) => isSocialActivation(x) && inYear(x.endedOn, from, to) && outcomes.includes(x.closeOutcome ?? ''),
    )
      ? 1
      : 0;
  t.socioProfessional = closedWith(OUTCOME_GROUPS['outcomes.socioProfessional']!);
  t.autonomy = closedWith(OUTCOME_GROUPS['outcomes.autonomy']!);
  t.volunteering = closedWith(OUTCOME_GROUPS['outcomes.volunteering']!);
  t.employment = closedWith(OUTCOME_GROUPS['outcomes.employment']!);
  // R-PROGRESS at 31 December, towards the direction of the person's path
  if (!path) return;
  const progress = progressOn({ baseline: baselineOf(person, path), measurements: person.assessments, on: to });
  if (progress.value !== null) t.progressMeasured = 1;
  if (progress.value === true) {
    t.progressed = 1;
    if (path.activationCategory === '2.1') t.progressSocioProfessional = 1;
    if (path.activationCategory === '2.2') t.progressAutonomy = 1;
    if (path.activationCategory === '2.3') t.progressVolunteering = 1;
  }
}

/** R-IND-ENTITLED: a user of the CPAS in the year (a right, a bilan social, a PIIS), with or without financial aid. */
function tallyEntitled(
  t: IndicatorTally,
  person: IndicatorPerson,
  { from, to }: Year,
  piis: { inForce: boolean; inPath: boolean },
) {
  const segments = rightSegments(person.rights);
  const rightIn = (kinds: readonly string[]) =>
    segments.some((s) => kinds.includes(s.decision.kind) && s.from <= to && (s.to === null || s.to >= from));
  const riInYear = rightIn(['ri']);
  if (riInYear || t.assessed || piis.inForce || rightIn(['equivalent_aid'])) {
    t.entitled = 1;
    if (riInYear) t.entitledRi = 1;
    if (piis.inPath) t.entitledInPath = 1;
  }
}

/** Every PIIS: in force, concluded, closed, past its end with no close. */
function tallyPiis(t: IndicatorTally, person: IndicatorPerson, { from, to }: Year, inForce: boolean) {
  if (inForce) t.piisInForce = 1;
  for (const x of person.piis) {
    if (inYear(x.signedOn, from, to)) t.piisConcluded += 1;
    if (inYear(x.endedOn, from, to)) t.piisClosed += 1;
    if (x.signedOn !== null && x.endedOn === null && inYear(x.endsOn, from, to)) t.pastEndOpen += 1;
  }
}

/** R-IND-COMPLIANCE: conclusion in time, reflection, delays to signature, evaluations, interviews. */
function tallyCompliance(t: IndicatorTally, person: IndicatorPerson, { year, from, to }: Year) {
  const conclusion = conclusionCase(person, from, to);
  if (conclusion) {
    t.conclusionCases = 1;
    if (conclusion.value) t.concludedInTime = 1;
  }
  const segments = rightSegments(person.rights);
  for (const x of person.piis) {
    if (!inYear(x.signedOn, from, to)) continue;
    if (x.handedOverOn && x.firstSignatureOn) {
      t.concludedHanded += 1;
      const earliest = reflectionPeriod(x.handedOverOn).earliestSignatureOn.value!;
      if (x.firstSignatureOn >= earliest) t.fullReflection += 1;
      else if (x.waiverRecorded) t.reflectionWaivers += 1;
    }
    const opening = openingGrant(segments, x.signedOn!, ['ri']);
    if (opening && opening.grant.decidedOn <= x.signedOn!)
      t.signatureDelays.push(daysBetween(opening.grant.decidedOn, x.signedOn!));
  }
  for (const x of person.piis) {
    if (x.signedOn === null) continue;
    const end = contractEnd(x.endsOn, x.endedOn);
    for (const period of periodCompliance(x.signedOn, `${year + 1}-01-01`, x.evaluations, end)) {
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

/** The first year indicators are kept for (the integration income law of 26 May 2002). */
export const FIRST_INDICATOR_YEAR = 2002;

/** A person's non-empty tallies for every year from their first fact through `throughYear`. */
export function tallyYears(
  person: IndicatorPerson,
  throughYear: number,
): Array<{ year: number; tally: IndicatorTally }> {
  const first = firstFactYear(person);
  if (first === null) return [];
  const out: Array<{ year: number; tally: IndicatorTally }> = [];
  for (let year = Math.max(FIRST_INDICATOR_YEAR, first); year <= throughYear; year++) {
    const tally = tallyPerson(person, year);
    if (!isEmptyTally(tally)) out.push({ year, tally });
  }
  return out;
}
