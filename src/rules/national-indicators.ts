// R-IND-PRIVACY applied to the indicators (R-IND-*) of every CPAS: the national view. Each
// CPAS's figures are computed from its summed tally like its own report; the counts they follow
// from are the cells of one table (a row per CPAS), small cells suppressed with complementary
// suppression (suppression.ts). A figure is shown only when every count it is made of is shown —
// a share of two counts, a median over a number of PIIS, an explanation quoting a count — so no
// suppressed count comes back through another figure. National totals are the same figures over
// the summed tally, a total hidden when a single CPAS would be behind it or when it counts 1–4.
import { indicatorsFromTally, type IndicatorItem } from './indicators.js';
import { addTally, emptyTally, TALLY_COUNTS, type IndicatorTally, type TallyCount } from './indicator-tally.js';
import { SMALL_CELL, suppressSmallCells, type Suppression } from './suppression.js';
import { msg } from '../i18n/catalogue.js';

type Cell = TallyCount | 'activationPaths' | 'signatureDelays';

/** The counts each published figure is made of (its value or its explanation). */
export const FIGURE_CELLS: Record<string, readonly Cell[]> = {
  assessments: ['assessed'],
  activationPaths: ['activationPaths'],
  'activationPaths.2.1': ['path21'],
  'activationPaths.2.2': ['path22'],
  'activationPaths.2.3': ['path23'],
  'outcomes.socioProfessional': ['socioProfessional'],
  'outcomes.autonomy': ['autonomy'],
  'outcomes.volunteering': ['volunteering'],
  'outcomes.employment': ['employment'],
  progress: ['progressed', 'progressMeasured'],
  'progress.socioProfessional': ['progressSocioProfessional'],
  'progress.autonomy': ['progressAutonomy'],
  'progress.volunteering': ['progressVolunteering'],
  'entitled.total': ['entitled'],
  'entitled.ri': ['entitledRi'],
  // the entitled persons followed in a path are the persons of figure 2: the same count, hidden with it
  'entitled.inPath': ['activationPaths'],
  'entitled.riPercent': ['entitledRi', 'entitled'],
  'entitled.inPathPercent': ['activationPaths', 'entitled'],
  'piis.inForce': ['piisInForce'],
  'piis.concluded': ['piisConcluded'],
  'piis.closed': ['piisClosed'],
  'piis.pastEndOpen': ['pastEndOpen'],
  'compliance.concludedInTime': ['concludedInTime', 'conclusionCases'],
  'compliance.fullReflection': ['fullReflection', 'concludedHanded'],
  'compliance.reflectionWaivers': ['reflectionWaivers'],
  'compliance.evaluationFrequency': ['evaluationPeriodsMet', 'evaluationPeriods'],
  'compliance.interviewsInTime': ['interviewsInTime', 'interviews'],
  'compliance.medianDaysToSignature': ['signatureDelays'],
};

/** 2 = 2.1 + 2.2 + 2.3, progress = (a) + (b) + (c): one suppressed member of a group would follow from the others. */
const GROUPS = [
  { total: 'activationPaths', parts: ['path21', 'path22', 'path23'] },
  { total: 'progressed', parts: ['progressSocioProfessional', 'progressAutonomy', 'progressVolunteering'] },
];

export interface NationalFigure {
  key: string;
  value: number | null;
  rule: string;
  /** why the value is null when it is: a small cell, or a complement protecting one */
  suppressed: Suppression | null;
}

export interface NationalRow<C> {
  cpas: C;
  items: NationalFigure[];
}

const cellsOf = (t: IndicatorTally): Record<Cell, number> => ({
  ...(Object.fromEntries(TALLY_COUNTS.map((k) => [k, t[k]])) as Record<TallyCount, number>),
  activationPaths: t.path21 + t.path22 + t.path23,
  signatureDelays: t.signatureDelays.length,
});

/**
 * The reason a figure is hidden: primary when one of its counts is small, else complementary; null when all are shown.
 */
function hiddenBy(key: string, marks: Readonly<Record<string, Suppression>>): Suppression | null {
  const reasons = (FIGURE_CELLS[key] ?? []).map((c) => marks[c]).filter((m): m is Suppression => m !== undefined);
  return reasons.length === 0 ? null : reasons.includes('primary') ? 'primary' : 'complementary';
}

const SUPPRESSED = (s: Suppression) => msg(s === 'primary' ? 'ind.suppressed-primary' : 'ind.suppressed-complementary');

/** Every CPAS's figures and the national totals of a year, small cells suppressed. */
export function nationalIndicators<C>(
  rows: ReadonlyArray<{ cpas: C; tally: IndicatorTally }>,
  year: number,
): { rows: NationalRow<C>[]; totals: IndicatorItem[]; totalsSuppressed: Record<string, Suppression> } {
  const table = suppressSmallCells({
    rows: rows.map((r, i) => ({ id: String(i), cells: cellsOf(r.tally) })),
    groups: GROUPS,
  });
  const out = rows.map((r, i) => {
    const marks = table.rows[i]!.suppressed;
    return {
      cpas: r.cpas,
      items: indicatorsFromTally(r.tally, year).map((item) => {
        const suppressed = hiddenBy(item.key, marks);
        return { key: item.key, value: suppressed ? null : item.value, rule: item.rule, suppressed };
      }),
    };
  });
  // a total is hidden when the suppression hid it (a single CPAS behind it), or when it is itself
  // a count of 1–4 persons
  const hiddenTotals: Record<string, Suppression> = {};
  for (const [k, v] of Object.entries(table.totals)) {
    if (v === null) hiddenTotals[k] = 'complementary';
    else if (v >= SMALL_CELL.min && v <= SMALL_CELL.max) hiddenTotals[k] = 'primary';
  }
  const sum = rows.reduce((acc, r) => addTally(acc, r.tally), emptyTally());
  const totalsSuppressed: Record<string, Suppression> = {};
  const totals = indicatorsFromTally(sum, year).map((item) => {
    const suppressed = hiddenBy(item.key, hiddenTotals);
    if (!suppressed) return item;
    totalsSuppressed[item.key] = suppressed;
    return { ...item, value: null, explanation: SUPPRESSED(suppressed) };
  });
  return { rows: out, totals, totalsSuppressed };
}

export { SUPPRESSED as suppressionExplanation };
