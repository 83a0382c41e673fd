// R-IND-*: the yearly indicators of one CPAS, from the facts in force of its persons. Both sets
// are computed for any year — the 2015–2016 convention's (R-IND-2015: bilans, activation paths by
// category) and the figures the PAS report asks from 2017 (R-IND-ENTITLED) — with the outcomes
// (R-IND-OUTCOMES), progress at 31 December (R-PROGRESS) and the compliance figures
// (R-IND-COMPLIANCE). Each figure is {key, value, rule, explanation}; a share whose denominator
// is zero is null, with the reason.
import { daysBetween } from './dates.js';
import { explained, type Explained } from './explained.js';
import { interviewDue, periodCompliance } from './evaluation.js';
import { compulsoryOn, conclusionDeadline } from './obligation.js';
import { progressOn, type Measurement } from './progress.js';
import { reflectionPeriod } from './reflection.js';
import { openingGrant, rightSegments, type RightDecisionFact } from './rights.js';

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
  explanation: string;
}

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

function share(key: string, rule: string, part: number, whole: number, what: string): IndicatorItem {
  if (whole === 0) return { key, value: null, rule, explanation: `No ${what} in the year: no share to compute` };
  return { key, value: percent(part, whole), rule, explanation: `${part} of ${whole} ${what} (%)` };
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
    return explained(signed || exempted, 'R-OBLIG-DEADLINE', `granted on ${grant.decidedOn}, due by ${deadline}`);
  }
  return null;
}

export function indicatorSetOf(year: number): IndicatorSet {
  return year <= 2016 ? 'convention-2015-2016' : 'pas-2017';
}

/** Every indicator of the year over these persons (one CPAS). */
export function indicators(persons: readonly IndicatorPerson[], year: number): IndicatorItem[] {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const items: IndicatorItem[] = [];
  const count = (key: string, rule: string, n: number, explanation: string) => items.push({ key, value: n, rule, explanation });

  // R-IND-2015 (1): bilans sociaux
  count('assessments', 'R-IND-2015', persons.filter((p) => p.assessments.some((a) => a.performedOn >= from && a.performedOn <= to)).length,
    `Persons with a bilan social (an assessment in force) performed in ${year}`);

  // R-IND-2015 (2): social activation paths through a PIIS, by category (each person once, under their latest PIIS in force)
  const categoryOf = (p: IndicatorPerson) =>
    [...p.piis].filter((x) => inForceDuring(x, from, to) && x.activationCategory).sort((a, b) => (a.signedOn! < b.signedOn! ? 1 : -1))[0]?.activationCategory ?? null;
  const categories = persons.map(categoryOf);
  const byCategory = (c: string) => categories.filter((x) => x === c).length;
  count('activationPaths', 'R-IND-2015', byCategory('2.1') + byCategory('2.2') + byCategory('2.3'),
    `Persons in a social-activation path through a PIIS in force in ${year}: 2 = 2.1 + 2.2 + 2.3`);
  for (const c of ['2.1', '2.2', '2.3']) {
    count(`activationPaths.${c}`, 'R-IND-2015', byCategory(c), `Persons whose PIIS in force in ${year} is in path category ${c}${c === '2.3' ? ' (volunteering: only PIIS drafted before 2018-07-26, R-VOLUNTEERING)' : ''}`);
  }

  // R-IND-OUTCOMES: results of the PIIS closed in the year, and progress at 31 December
  for (const [key, outcomes] of Object.entries(OUTCOME_GROUPS)) {
    const n = persons.filter((p) => p.piis.some((x) => x.endedOn !== null && x.endedOn >= from && x.endedOn <= to && outcomes.includes(x.closeOutcome ?? ''))).length;
    count(key, 'R-IND-OUTCOMES', n, `Persons with a PIIS closed in ${year} with the outcome ${outcomes.join(' or ')}`);
  }
  let measured = 0;
  const progressed = persons.filter((p) => {
    const piis = [...p.piis].filter((x) => inForceDuring(x, from, to)).sort((a, b) => (a.signedOn! < b.signedOn! ? 1 : -1))[0];
    if (!piis) return false;
    const progress = progressOn({ baseline: baselineOf(p, piis), measurements: p.assessments, on: to });
    if (progress.value !== null) measured += 1;
    return progress.value === true;
  }).length;
  count('progress', 'R-PROGRESS', progressed, `Persons with a PIIS in force in ${year} showing progress on ${to} against their baseline (${measured} could be measured)`);

  // R-IND-ENTITLED: entitled persons and the two ratios (no nominative list)
  const rightIn = (p: IndicatorPerson, kinds: readonly string[]) =>
    rightSegments(p.rights).some((s) => kinds.includes(s.decision.kind) && s.from <= to && (s.to === null || s.to >= from));
  const entitled = persons.filter((p) => rightIn(p, ['ri', 'equivalent_aid']));
  const ri = entitled.filter((p) => rightIn(p, ['ri'])).length;
  const inPath = entitled.filter((p) => p.piis.some((x) => inForceDuring(x, from, to))).length;
  count('entitled.total', 'R-IND-ENTITLED', entitled.length, `Persons entitled to RI or equivalent social aid on some day of ${year}`);
  count('entitled.ri', 'R-IND-ENTITLED', ri, `Of them, entitled to RI`);
  count('entitled.inPath', 'R-IND-ENTITLED', inPath, `Of them, followed in a path (a PIIS in force in ${year})`);
  items.push(share('entitled.riPercent', 'R-IND-ENTITLED', ri, entitled.length, 'entitled persons are entitled to RI'));
  items.push(share('entitled.inPathPercent', 'R-IND-ENTITLED', inPath, entitled.length, 'entitled persons are followed in a path'));

  // R-IND-COMPLIANCE
  const cases = persons.map((p) => conclusionCase(p, from, to)).filter((c): c is Explained<boolean> => c !== null);
  items.push(share('compliance.concludedInTime', 'R-IND-COMPLIANCE', cases.filter((c) => c.value).length, cases.length, `new RI beneficiaries granted in ${year} (R-OBLIG-NEW) with a PIIS signed or an exemption within 3 months (R-OBLIG-DEADLINE)`));

  const concluded = persons.flatMap((p) => p.piis.filter((x) => x.signedOn !== null && x.signedOn >= from && x.signedOn <= to).map((x) => ({ p, x })));
  const handed = concluded.filter(({ x }) => x.handedOverOn && x.firstSignatureOn);
  const respected = handed.filter(({ x }) => x.firstSignatureOn! >= reflectionPeriod(x.handedOverOn!).earliestSignatureOn.value!);
  const waived = handed.filter(({ x }) => x.firstSignatureOn! < reflectionPeriod(x.handedOverOn!).earliestSignatureOn.value! && x.waiverRecorded).length;
  items.push(share('compliance.fullReflection', 'R-IND-COMPLIANCE', respected.length, handed.length, `PIIS concluded in ${year} first signed after the full reflection period (R-REFLECT)`));
  count('compliance.reflectionWaivers', 'R-IND-COMPLIANCE', waived, `PIIS concluded in ${year} signed before the end of the reflection period under a written waiver (R-REFLECT)`);

  const periods = persons.flatMap((p) => p.piis.filter((x) => x.signedOn !== null).flatMap((x) => periodCompliance(x.signedOn!, x.endedOn ?? `${year + 1}-01-01`, x.evaluations)))
    .filter((period) => period.to >= from && period.to <= to);
  items.push(share('compliance.evaluationFrequency', 'R-IND-COMPLIANCE', periods.filter((x) => x.met).length, periods.length, `complete 12-month PIIS periods ending in ${year} that met R-EVAL-FREQ (count and in-person minimum)`));

  const interviews = persons.flatMap((p) => p.piis.flatMap((x) => x.interviews)).filter((i) => i.requestedOn >= from && i.requestedOn <= to);
  const inTime = interviews.filter((i) => i.heldOn !== null && i.heldOn <= interviewDue(i.requestedOn).value!).length;
  items.push(share('compliance.interviewsInTime', 'R-IND-COMPLIANCE', inTime, interviews.length, `interview requests made in ${year} granted by their due date (R-EVAL-INTERVIEW)`));

  const delays = concluded.flatMap(({ p, x }) => {
    const opening = openingGrant(rightSegments(p.rights), x.signedOn!, ['ri']);
    return opening && opening.grant.decidedOn <= x.signedOn! ? [daysBetween(opening.grant.decidedOn, x.signedOn!)] : [];
  });
  const m = median(delays);
  items.push({
    key: 'compliance.medianDaysToSignature',
    value: m,
    rule: 'R-IND-COMPLIANCE',
    explanation: m === null ? `No PIIS concluded in ${year} after an RI grant` : `Median days from the RI grant decision to the conclusion, over ${delays.length} PIIS concluded in ${year}`,
  });
  return items;
}
