// R-SUB-COSTS / R-PAS-COSTS: whether an expense may be justified against the subsidy it names,
// and for how much. The purchase of a building never; renovation never for PAS (an investment);
// staff only with the proof of assignment and the share of working time (the share is what
// counts); rent against the 10% only when its link with PIIS coaching is shown; one expense
// against one subsidy only (the same invoice already justified under the other subsidy).
import { explained, type Explained } from './explained.js';
import { cents as amount, msg, type Message, type MessageId } from '../i18n/catalogue.js';

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

const verdict = (eligible: boolean, eligibleCents: number, rule: string, explanation: Message): ExpenseVerdict => ({ ...explained(eligible, rule, explanation), eligibleCents });

export function expenseVerdict(e: ExpenseFacts): ExpenseVerdict {
  const rule = e.subsidy === 'piis10' ? 'R-SUB-COSTS' : 'R-PAS-COSTS';
  const name = msg('expense.subsidy-name', { subsidy: e.subsidy });
  if (e.alreadyJustifiedUnder && e.alreadyJustifiedUnder !== e.subsidy) {
    return verdict(false, 0, 'R-PAS-COSTS', msg('expense.already-justified', { subsidy: msg('expense.subsidy-name', { subsidy: e.alreadyJustifiedUnder }) }));
  }
  if (e.category === 'building_purchase') return verdict(false, 0, rule, msg('expense.building', { subsidy: name }));
  if (e.category === 'renovation' && e.subsidy === 'pas') return verdict(false, 0, 'R-PAS-COSTS', msg('expense.renovation'));
  if (e.category === 'staff') {
    if (!e.staff || !e.staff.assignmentProof) {
      return verdict(false, 0, rule, msg('expense.staff-proof', { subsidy: name, coaching: e.subsidy === 'piis10' ? 'yes' : 'no' }));
    }
    const cents = Math.round(e.amountCents * e.staff.timeShare);
    return verdict(true, cents, rule, msg('expense.staff-share', { share: e.staff.timeShare, proof: e.staff.assignmentProof.slice(0, 200), eligible: amount(cents), amount: amount(e.amountCents) }));
  }
  if (e.category === 'rent' && e.subsidy === 'piis10' && !e.linkJustification) {
    return verdict(false, 0, 'R-SUB-COSTS', msg('expense.rent-link'));
  }
  return verdict(true, e.amountCents, rule, msg('expense.eligible', { category: msg(`code.expenseCategory.${e.category}` as MessageId), subsidy: name }));
}
