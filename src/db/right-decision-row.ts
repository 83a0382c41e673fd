// A right decision's row as the rules read it (R-RIGHT): from the table, or from a JSON rendering
// of its rows. Below the features, since the facts, deadlines, PIIS file, reports and activation all
// read right decisions.
import type { RightDecisionFact } from '../rules/rights.js';

/** A right decision as its columns read (from a row or a JSON rendering of it). */
export interface RightDecisionColumns {
  id: string;
  kind: RightDecisionFact['kind'];
  category: RightDecisionFact['category'];
  decided_on: string;
  notified_on: string | null;
  starts_on: string;
  monthly_amount_cents: number | string | null;
  household_amount_cents?: number | string | null;
}

/** A right decision as the rules see it (R-RIGHT). */
export function toRightDecisionFact(r: RightDecisionColumns): RightDecisionFact {
  return {
    id: r.id,
    kind: r.kind,
    category: r.category ?? null,
    decidedOn: r.decided_on,
    notifiedOn: r.notified_on ?? null,
    startsOn: r.starts_on,
    monthlyAmountCents:
      r.monthly_amount_cents === null || r.monthly_amount_cents === undefined ? null : Number(r.monthly_amount_cents),
    householdAmountCents:
      r.household_amount_cents === null || r.household_amount_cents === undefined
        ? null
        : Number(r.household_amount_cents),
  };
}
