// R-IND-*: the yearly indicators of one CPAS, from the facts in force of its persons, in two
// groups. Social activation, as the SPP IS asks it for any year: the 2015–2016 convention's
// objectives (R-IND-2015: 1 bilans, 2 = 2.1 + 2.2 + 2.3 paths), the evaluation's progress towards
// each direction at 31 December (R-PROGRESS) and results (R-IND-OUTCOMES) — over the persons in a
// social-activation path (categories 2.1–2.3) only — and the PAS report's entitled persons with
// its two ratios (R-IND-ENTITLED, from 2017). All PIIS: counts and the compliance figures
// (R-IND-COMPLIANCE). Each figure is {key, group, section, number, label, value, rule,
// explanation}; `number` is the SPP IS's own (1, 2, 2.1…; a–d within the evaluation's questions);
// a share whose denominator is zero is null, with the reason.
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

export const INDICATOR_GROUPS = ['socialActivation', 'piis'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];
/**
 * Where the SPP IS asks the figure: the convention's objectives, the evaluation's progress and results, the PAS
 * report's entitled persons; ours: PIIS counts and compliance.
 */
export const INDICATOR_SECTIONS = ['objectives', 'progress', 'results', 'entitled', 'piis', 'compliance'] as const;
export type IndicatorSection = (typeof INDICATOR_SECTIONS)[number];

export interface IndicatorItem {
  key: string;
  group: IndicatorGroup;
  section: IndicatorSection;
  /** the SPP IS's number or letter within its section, null where it gives none */
  number: string | null;
  value: number | null;
  rule: string;
  explanation: Message;
}

/**
 * An indicator as an answer carries it: its label (the SPP IS's wording) and explanation said in the reader's language.
 */
export const sayItem = (lang: Lang, item: IndicatorItem) => ({
  ...item,
  label: render(lang, msg(`code.indicator.${item.key}` as MessageId)),
  explanation: render(lang, item.explanation),
});

export type IndicatorSet = 'convention-2015-2016' | 'pas-2017';

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

const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

/** Every figure in the order a report shows it, with where the SPP IS asks it and its number there. */
export const INDICATOR_META: Readonly<
  Record<string, { group: IndicatorGroup; section: IndicatorSection; number: string | null }>
> = {
  assessments: { group: 'socialActivation', section: 'objectives', number: '1' },
  activationPaths: { group: 'socialActivation', section: 'objectives', number: '2' },
  'activationPaths.2.1': { group: 'socialActivation', section: 'objectives', number: '2.1' },
  'activationPaths.2.2': { group: 'socialActivation', section: 'objectives', number: '2.2' },
  'activationPaths.2.3': { group: 'socialActivation', section: 'objectives', number: '2.3' },
  progress: { group: 'socialActivation', section: 'progress', number: null },
  'progress.socioProfessional': { group: 'socialActivation', section: 'progress', number: 'a' },
  'progress.autonomy': { group: 'socialActivation', section: 'progress', number: 'b' },
  'progress.volunteering': { group: 'socialActivation', section: 'progress', number: 'c' },
  'outcomes.socioProfessional': { group: 'socialActivation', section: 'results', number: 'a' },
  'outcomes.autonomy': { group: 'socialActivation', section: 'results', number: 'b' },
  'outcomes.volunteering': { group: 'socialActivation', section: 'results', number: 'c' },
  'outcomes.employment': { group: 'socialActivation', section: 'results', number: 'd' },
  'entitled.total': { group: 'socialActivation', section: 'entitled', number: null },
  'entitled.ri': { group: 'socialActivation', section: 'entitled', number: null },
  'entitled.inPath': { group: 'socialActivation', section: 'entitled', number: null },
  'entitled.riPercent': { group: 'socialActivation', section: 'entitled', number: null },
  'entitled.inPathPercent': { group: 'socialActivation', section: 'entitled', number: null },
  'piis.inForce': { group: 'piis', section: 'piis', number: null },
  'piis.concluded': { group: 'piis', section: 'piis', number: null },
  'piis.closed': { group: 'piis', section: 'piis', number: null },
  'piis.pastEndOpen': { group: 'piis', section: 'piis', number: null },
  'compliance.concludedInTime': { group: 'piis', section: 'compliance', number: null },
  'compliance.fullReflection': { group: 'piis', section: 'compliance', number: null },
  'compliance.reflectionWaivers': { group: 'piis', section: 'compliance', number: null },
  'compliance.evaluationFrequency': { group: 'piis', section: 'compliance', number: null },
  'compliance.interviewsInTime': { group: 'piis', section: 'compliance', number: null },
  'compliance.medianDaysToSignature': { group: 'piis', section: 'compliance', number: null },
};

export const INDICATOR_KEYS: readonly string[] = Object.keys(INDICATOR_META);

function item(key: string, value: number | null, rule: string, explanation: Message): IndicatorItem {
  const meta = INDICATOR_META[key];
  if (!meta) throw new Error(`no indicator ${key}`);
  return { key, ...meta, value, rule, explanation };
}

function share(key: string, rule: string, part: number, whole: number, what: Message): IndicatorItem {
  if (whole === 0) return item(key, null, rule, msg('ind.share-none', { what }));
  return item(key, percent(part, whole), rule, msg('ind.share', { part, whole, what }));
}

/** The SPP IS's ratio of a total to a part of it, as a percentage (100 or more). */
function ratio(key: string, rule: string, total: number, base: number, what: Message): IndicatorItem {
  if (base === 0) return item(key, null, rule, msg('ind.share-none', { what }));
  return item(key, percent(total, base), rule, msg('ind.ratio', { total, base, what }));
}

export function median(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  // counted by value, then walked in order: delays are whole days, so the distinct values are
  // few where the national view pools 100,000 of them (a sort of them all took twice as long)
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const low = Math.floor((n - 1) / 2);
  const high = Math.floor(n / 2);
  let seen = 0;
  let lower: number | null = null;
  for (const value of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(value)!;
    if (lower === null && seen > low) lower = value;
    if (seen > high) return (lower! + value) / 2;
  }
  return null;
}

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
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const t = emptyTally();

  const inForce = [...person.piis]
    .filter((x) => inForceDuring(x, from, to))
    .sort((a, b) => (a.signedOn! < b.signedOn! ? 1 : -1));
  // the person's social-activation path of the year: their latest PIIS in force with a 2.x category
  const path = inForce.find(isSocialActivation);

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
  if (path) {
    const progress = progressOn({ baseline: baselineOf(person, path), measurements: person.assessments, on: to });
    if (progress.value !== null) t.progressMeasured = 1;
    if (progress.value === true) {
      t.progressed = 1;
      if (path.activationCategory === '2.1') t.progressSocioProfessional = 1;
      if (path.activationCategory === '2.2') t.progressAutonomy = 1;
      if (path.activationCategory === '2.3') t.progressVolunteering = 1;
    }
  }

  // R-IND-ENTITLED: a user of the CPAS in the year (a right, a bilan social, a PIIS), with or without financial aid
  const segments = rightSegments(person.rights);
  const rightIn = (kinds: readonly string[]) =>
    segments.some((s) => kinds.includes(s.decision.kind) && s.from <= to && (s.to === null || s.to >= from));
  const riInYear = rightIn(['ri']);
  if (riInYear || t.assessed || inForce.length > 0 || rightIn(['equivalent_aid'])) {
    t.entitled = 1;
    if (riInYear) t.entitledRi = 1;
    if (path) t.entitledInPath = 1;
  }

  // every PIIS: in force, concluded, closed, past its end with no close
  if (inForce.length > 0) t.piisInForce = 1;
  for (const x of person.piis) {
    if (inYear(x.signedOn, from, to)) t.piisConcluded += 1;
    if (inYear(x.endedOn, from, to)) t.piisClosed += 1;
    if (x.signedOn !== null && x.endedOn === null && inYear(x.endsOn, from, to)) t.pastEndOpen += 1;
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
    if (opening && opening.grant.decidedOn <= x.signedOn!)
      t.signatureDelays.push(daysBetween(opening.grant.decidedOn, x.signedOn!));
  }
  for (const x of person.piis) {
    if (x.signedOn === null) continue;
    for (const period of periodCompliance(
      x.signedOn,
      `${year + 1}-01-01`,
      x.evaluations,
      contractEnd(x.endsOn, x.endedOn),
    )) {
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
  return indicatorsFromTally(
    persons.reduce((sum, p) => addTally(sum, tallyPerson(p, year)), emptyTally()),
    year,
  );
}

/** The indicator items of a year from the summed tally of a population. */
export function indicatorsFromTally(t: IndicatorTally, year: number): IndicatorItem[] {
  const y = String(year);
  const on = date(`${year}-12-31`);
  const paths = t.path21 + t.path22 + t.path23;
  const items: IndicatorItem[] = [
    item('assessments', t.assessed, 'R-IND-2015', msg('ind.assessments', { year: y })),
    item('activationPaths', paths, 'R-IND-2015', msg('ind.paths', { year: y })),
    ...(['2.1', '2.2', '2.3'] as const).map((c) =>
      item(
        `activationPaths.${c}`,
        { '2.1': t.path21, '2.2': t.path22, '2.3': t.path23 }[c],
        'R-IND-2015',
        msg('ind.path', { year: y, category: c, volunteering: c === '2.3' ? 'yes' : 'no' }),
      ),
    ),
    item('progress', t.progressed, 'R-PROGRESS', msg('ind.progress', { year: y, on, measured: t.progressMeasured })),
    ...(
      [
        ['progress.socioProfessional', t.progressSocioProfessional, '2.1'],
        ['progress.autonomy', t.progressAutonomy, '2.2'],
        ['progress.volunteering', t.progressVolunteering, '2.3'],
      ] as const
    ).map(([key, n, category]) => item(key, n, 'R-PROGRESS', msg('ind.progress-towards', { year: y, on, category }))),
  ];
  const outcomes: Record<string, number> = {
    'outcomes.socioProfessional': t.socioProfessional,
    'outcomes.autonomy': t.autonomy,
    'outcomes.volunteering': t.volunteering,
    'outcomes.employment': t.employment,
  };
  for (const [key, group] of Object.entries(OUTCOME_GROUPS)) {
    items.push(
      item(
        key,
        outcomes[key]!,
        'R-IND-OUTCOMES',
        msg('ind.outcome', { year: y, outcomes: group.map((code) => msg(`code.closeOutcome.${code}` as MessageId)) }),
      ),
    );
  }

  items.push(item('entitled.total', t.entitled, 'R-IND-ENTITLED', msg('ind.entitled', { year: y })));
  items.push(item('entitled.ri', t.entitledRi, 'R-IND-ENTITLED', msg('ind.entitled-ri', { year: y })));
  items.push(item('entitled.inPath', t.entitledInPath, 'R-IND-ENTITLED', msg('ind.entitled-in-path', { year: y })));
  // the SPP IS's two ratios: the total over each of the two populations (a percentage, may pass 100)
  items.push(ratio('entitled.riPercent', 'R-IND-ENTITLED', t.entitled, t.entitledRi, msg('ind.what-entitled-ri')));
  items.push(
    ratio('entitled.inPathPercent', 'R-IND-ENTITLED', t.entitled, t.entitledInPath, msg('ind.what-entitled-path')),
  );

  items.push(item('piis.inForce', t.piisInForce, 'R-IND-COMPLIANCE', msg('ind.piis-in-force', { year: y })));
  items.push(item('piis.concluded', t.piisConcluded, 'R-IND-COMPLIANCE', msg('ind.piis-concluded', { year: y })));
  items.push(item('piis.closed', t.piisClosed, 'R-CLOSE', msg('ind.piis-closed', { year: y })));
  items.push(item('piis.pastEndOpen', t.pastEndOpen, 'R-CLOSE', msg('ind.piis-past-end', { year: y })));
  items.push(
    share(
      'compliance.concludedInTime',
      'R-IND-COMPLIANCE',
      t.concludedInTime,
      t.conclusionCases,
      msg('ind.what-in-time', { year: y }),
    ),
  );
  items.push(
    share(
      'compliance.fullReflection',
      'R-IND-COMPLIANCE',
      t.fullReflection,
      t.concludedHanded,
      msg('ind.what-full-reflection', { year: y }),
    ),
  );
  items.push(
    item('compliance.reflectionWaivers', t.reflectionWaivers, 'R-IND-COMPLIANCE', msg('ind.waivers', { year: y })),
  );
  items.push(
    share(
      'compliance.evaluationFrequency',
      'R-IND-COMPLIANCE',
      t.evaluationPeriodsMet,
      t.evaluationPeriods,
      msg('ind.what-frequency', { year: y }),
    ),
  );
  items.push(
    share(
      'compliance.interviewsInTime',
      'R-IND-COMPLIANCE',
      t.interviewsInTime,
      t.interviews,
      msg('ind.what-interviews', { year: y }),
    ),
  );
  const m = median(t.signatureDelays);
  items.push(
    item(
      'compliance.medianDaysToSignature',
      m,
      'R-IND-COMPLIANCE',
      m === null
        ? msg('ind.median-none', { year: y })
        : msg('ind.median', { count: t.signatureDelays.length, year: y }),
    ),
  );
  return items;
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
