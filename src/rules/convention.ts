// R-IND-2015: the 2015–2016 social-activation convention of a CPAS — its quantitative objectives
// (1 bilans, 2 = 2.1 + 2.2 + 2.3 paths, the split indicative), the final report due on 28 February
// of the next year, the advance (50% after signature) and the balance (50% once the report is
// approved) — and the year's results set against the objectives. Pure.
import { explained, refuse, type Explained, type Refusal } from './explained.js';
import { CONVENTION_YEARS } from './expenses.js';
import { date, msg, type Message } from '../i18n/catalogue.js';

export interface ConventionTargets {
  assessments: number;
  activationPaths: number;
  path21?: number;
  path22?: number;
  path23?: number;
}

/** A year the convention covers: 2015 (transition year) and 2016. */
export const isConventionYear = (year: number) => CONVENTION_YEARS.includes(year);

export function checkConventionYear(year: number): Refusal | null {
  return isConventionYear(year)
    ? null
    : refuse('no-convention', 'R-IND-2015', msg('convention.no-such-year', { year: String(year) }), '/year');
}

/**
 * 2 = 2.1 + 2.2 + 2.3: a split, when given (a CPAS need not use all three), adds up to the total; what is wrong, else
 * null.
 */
export function targetsError(t: ConventionTargets): Message | null {
  const parts = [t.path21, t.path22, t.path23].filter((p): p is number => p !== undefined);
  if (parts.length === 0) return null;
  const sum = parts.reduce((a, b) => a + b, 0);
  return sum === t.activationPaths ? null : msg('convention.split', { sum, total: t.activationPaths });
}

/** The final report is due on 28 February of the next year. */
export function evaluationDue(year: number): Explained<string> {
  const due = `${year + 1}-02-28`;
  return explained(due, 'R-IND-2015', msg('convention.evaluation-due', { year: String(year), due: date(due) }));
}

/**
 * The advance (50% after signature) and the balance (the other 50%, once the report is approved) of a grant, to the
 * cent.
 */
export function payments(grantCents: number): { advanceCents: number; balanceCents: number } {
  const advanceCents = Math.floor(grantCents / 2);
  return { advanceCents, balanceCents: grantCents - advanceCents };
}

/** The objective of an indicator, when the convention sets one. */
export function targetOf(t: ConventionTargets | null, key: string): number | null {
  if (!t) return null;
  const byKey: Record<string, number | undefined> = {
    assessments: t.assessments,
    activationPaths: t.activationPaths,
    'activationPaths.2.1': t.path21,
    'activationPaths.2.2': t.path22,
    'activationPaths.2.3': t.path23,
  };
  return byKey[key] ?? null;
}
