// R-SUB-COSTS / R-PAS-COSTS: whether an expense may be justified against the subsidy it names,
// and for how much. The purchase of a building never; renovation never for PAS (an investment);
// staff only with the proof of assignment and the share of working time (the share is what
// counts); rent against the 10% only when its link with PIIS coaching is shown; one expense
// against one subsidy only (the same invoice already justified under the other subsidy).
import { explained, type Explained } from './explained.js';

export interface ExpenseFacts {
  subsidy: 'piis10' | 'pas';
  category: 'staff' | 'rent' | 'activity' | 'equipment' | 'building_purchase' | 'renovation' | 'other';
  amountCents: number;
  staff: { timeShare: number; assignmentProof: string | null } | null;
  linkJustification: string | null;
  /** the subsidy under which the same invoice was recorded earlier, if any */
  alreadyJustifiedUnder: 'piis10' | 'pas' | null;
}

export interface ExpenseVerdict extends Explained<boolean> {
  eligibleCents: number;
}

const verdict = (eligible: boolean, eligibleCents: number, rule: string, explanation: string): ExpenseVerdict => ({ ...explained(eligible, rule, explanation), eligibleCents });

export function expenseVerdict(e: ExpenseFacts): ExpenseVerdict {
  const rule = e.subsidy === 'piis10' ? 'R-SUB-COSTS' : 'R-PAS-COSTS';
  const name = e.subsidy === 'piis10' ? 'the 10% PIIS subsidy' : 'the social-activation (PAS) subsidy';
  if (e.alreadyJustifiedUnder && e.alreadyJustifiedUnder !== e.subsidy) {
    return verdict(false, 0, 'R-PAS-COSTS', `The same invoice is already justified under ${e.alreadyJustifiedUnder === 'pas' ? 'the PAS subsidy' : 'the 10% PIIS subsidy'}: one expense is justified against one subsidy only`);
  }
  if (e.category === 'building_purchase') return verdict(false, 0, rule, `The purchase of a building is never justified against ${name}`);
  if (e.category === 'renovation' && e.subsidy === 'pas') return verdict(false, 0, 'R-PAS-COSTS', 'Renovation of rooms is an investment: excluded from the PAS subsidy');
  if (e.category === 'staff') {
    if (!e.staff || !e.staff.assignmentProof) {
      return verdict(false, 0, rule, `Staff costs count against ${name} only with the proof of assignment${e.subsidy === 'piis10' ? ' to PIIS coaching' : ''} and the share of working time`);
    }
    const cents = Math.round(e.amountCents * e.staff.timeShare);
    return verdict(true, cents, rule, `Staff: ${Math.round(e.staff.timeShare * 1000) / 10}% of working time assigned (proof: ${e.staff.assignmentProof.slice(0, 200)}): ${cents} of ${e.amountCents} cents count`);
  }
  if (e.category === 'rent' && e.subsidy === 'piis10' && !e.linkJustification) {
    return verdict(false, 0, 'R-SUB-COSTS', 'Rent counts against the 10% PIIS subsidy only when its link with PIIS coaching is shown (linkJustification)');
  }
  return verdict(true, e.amountCents, rule, `${e.category} expense eligible for ${name}: the whole amount counts`);
}
