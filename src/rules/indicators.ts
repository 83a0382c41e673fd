// R-IND-*: the yearly indicators of one CPAS, from the facts in force of its persons, in two
// groups. Social activation, as the SPP IS asks it for any year: the 2015–2016 convention's
// objectives (R-IND-2015: 1 bilans, 2 = 2.1 + 2.2 + 2.3 paths), the evaluation's progress towards
// each direction at 31 December (R-PROGRESS) and results (R-IND-OUTCOMES) — over the persons in a
// social-activation path (categories 2.1–2.3) only — and the PAS report's entitled persons with
// its two ratios (R-IND-ENTITLED, from 2017). All PIIS: counts and the compliance figures
// (R-IND-COMPLIANCE). Each figure is {key, group, section, number, label, value, rule,
// explanation}; `number` is the SPP IS's own (1, 2, 2.1…; a–d within the evaluation's questions);
// a share whose denominator is zero is null, with the reason.
import { date, msg, render, type Lang, type Message, type MessageId } from '../i18n/catalogue.js';

import {
  addTally,
  emptyTally,
  OUTCOME_GROUPS,
  tallyPerson,
  type IndicatorPerson,
  type IndicatorTally,
} from './indicator-tally.js';

export {
  emptyTally,
  FIRST_INDICATOR_YEAR,
  OUTCOME_GROUPS,
  SOCIAL_ACTIVATION_CATEGORIES,
  TALLY_COUNTS,
  tallyYears,
  type IndicatorPerson,
  type IndicatorPiis,
  type IndicatorTally,
  type TallyCount,
} from './indicator-tally.js';
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

export function indicatorSetOf(year: number): IndicatorSet {
  return year <= 2016 ? 'convention-2015-2016' : 'pas-2017';
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
  return [...socialActivationItems(t, y), ...entitledItems(t, y), ...piisItems(t, y), ...complianceItems(t, y)];
}

/** R-IND-2015's bilans and paths, R-PROGRESS, R-IND-OUTCOMES: the social-activation paths. */
function socialActivationItems(t: IndicatorTally, y: string): IndicatorItem[] {
  const on = date(`${y}-12-31`);
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

  return items;
}

/** R-IND-ENTITLED: the PAS report's entitled persons and its two ratios. */
function entitledItems(t: IndicatorTally, y: string): IndicatorItem[] {
  const items: IndicatorItem[] = [];
  items.push(item('entitled.total', t.entitled, 'R-IND-ENTITLED', msg('ind.entitled', { year: y })));
  items.push(item('entitled.ri', t.entitledRi, 'R-IND-ENTITLED', msg('ind.entitled-ri', { year: y })));
  items.push(item('entitled.inPath', t.entitledInPath, 'R-IND-ENTITLED', msg('ind.entitled-in-path', { year: y })));
  // the SPP IS's two ratios: the total over each of the two populations (a percentage, may pass 100)
  items.push(ratio('entitled.riPercent', 'R-IND-ENTITLED', t.entitled, t.entitledRi, msg('ind.what-entitled-ri')));
  items.push(
    ratio('entitled.inPathPercent', 'R-IND-ENTITLED', t.entitled, t.entitledInPath, msg('ind.what-entitled-path')),
  );

  return items;
}

/** Every PIIS: in force, concluded, closed, past its end and not closed. */
function piisItems(t: IndicatorTally, y: string): IndicatorItem[] {
  const items: IndicatorItem[] = [];
  items.push(item('piis.inForce', t.piisInForce, 'R-IND-COMPLIANCE', msg('ind.piis-in-force', { year: y })));
  items.push(item('piis.concluded', t.piisConcluded, 'R-IND-COMPLIANCE', msg('ind.piis-concluded', { year: y })));
  items.push(item('piis.closed', t.piisClosed, 'R-CLOSE', msg('ind.piis-closed', { year: y })));
  items.push(item('piis.pastEndOpen', t.pastEndOpen, 'R-CLOSE', msg('ind.piis-past-end', { year: y })));
  return items;
}

/** R-IND-COMPLIANCE: shares of the cases handled in time, and the median delay to signature. */
function complianceItems(t: IndicatorTally, y: string): IndicatorItem[] {
  const items: IndicatorItem[] = [];
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
