// R-SUB-COSTS / R-PAS-COSTS: whether an expense may be justified against the subsidy it names,
// and for how much. The purchase of a building never; renovation never for social activation (an
// investment); professional-activation costs never for social activation; staff only with the
// proof of assignment and the share of working time (the share is what counts), and extra
// administrative or ICT staff never against the 10% (they go to the art. 40 subsidy); rent
// against the 10% only when its link with PIIS coaching is shown; one expense against one subsidy
// only (the same invoice already justified under another subsidy).
import { explained, type Explained } from './explained.js';
import type { ActivationKind } from './activation-kinds.js';
import { cents as amount, msg, type Message, type MessageId } from '../i18n/catalogue.js';

/**
 * The subsidies an expense is justified against: the 10% PIIS subsidy, the social-activation (PAS)
 * subsidy from 2017, and the two of the 2015–2016 convention (royal decrees of 27 March 2015):
 * participation and social activation, and clusters of small CPAS and large cities.
 */
export const SUBSIDIES = ['piis10', 'pas', 'pas2015', 'clusters2015'] as const;
export type Subsidy = (typeof SUBSIDIES)[number];
/** The subsidies of social activation: professional-activation costs and renovation are excluded (R-PAS-COSTS). */
export const SOCIAL_ACTIVATION_SUBSIDIES: readonly Subsidy[] = ['pas', 'pas2015', 'clusters2015'];
/** The 2015–2016 convention's subsidies, for expenses of those years only (R-IND-2015). */
export const CONVENTION_SUBSIDIES: readonly Subsidy[] = ['pas2015', 'clusters2015'];
export const CONVENTION_YEARS: readonly number[] = [2015, 2016];

/**
 * What a staff member does: coaching (PIIS, social activation), or the extra administrative or ICT staff of art. 40.
 */
export const STAFF_ROLES = ['coaching', 'administrative', 'ict'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Whether R-PAS-COSTS needs to be told if an expense serves social or professional activation: for
 * every cost justified against a social-activation subsidy, except the purchase of a building and
 * the renovation of rooms, refused whatever they serve.
 */
export function activationMarkNeeded(subsidy: Subsidy, category: ExpenseFacts['category']): boolean {
  return SOCIAL_ACTIVATION_SUBSIDIES.includes(subsidy) && category !== 'building_purchase' && category !== 'renovation';
}

export interface ExpenseFacts {
  subsidy: Subsidy;
  category: 'staff' | 'rent' | 'activity' | 'equipment' | 'building_purchase' | 'renovation' | 'other';
  amountCents: number;
  /** what the cost serves (required for a social-activation subsidy) */
  activation: ActivationKind | null;
  staff: { timeShare: number; assignmentProof: string | null; role: StaffRole | null } | null;
  linkJustification: string | null;
  /** the subsidy under which the same invoice was recorded earlier, if any */
  alreadyJustifiedUnder: Subsidy | null;
}

export interface ExpenseVerdict extends Explained<boolean> {
  eligibleCents: number;
}

const verdict = (eligible: boolean, eligibleCents: number, rule: string, explanation: Message): ExpenseVerdict => ({
  ...explained(eligible, rule, explanation),
  eligibleCents,
});

export function expenseVerdict(e: ExpenseFacts): ExpenseVerdict {
  const social = SOCIAL_ACTIVATION_SUBSIDIES.includes(e.subsidy);
  const rule = social ? 'R-PAS-COSTS' : 'R-SUB-COSTS';
  const name = msg('expense.subsidy-name', { subsidy: e.subsidy });
  if (e.alreadyJustifiedUnder && e.alreadyJustifiedUnder !== e.subsidy) {
    return verdict(
      false,
      0,
      'R-PAS-COSTS',
      msg('expense.already-justified', { subsidy: msg('expense.subsidy-name', { subsidy: e.alreadyJustifiedUnder }) }),
    );
  }
  if (e.category === 'building_purchase') return verdict(false, 0, rule, msg('expense.building', { subsidy: name }));
  if (e.category === 'renovation' && social) return verdict(false, 0, 'R-PAS-COSTS', msg('expense.renovation'));
  if (social && e.activation === 'professional')
    return verdict(false, 0, 'R-PAS-COSTS', msg('expense.professional', { subsidy: name }));
  if (e.category === 'staff' && e.subsidy === 'piis10' && e.staff?.role && e.staff.role !== 'coaching') {
    return verdict(
      false,
      0,
      'R-SUB-COSTS',
      msg('expense.art40-staff', { role: msg(`code.staffRole.${e.staff.role}` as MessageId) }),
    );
  }
  if (e.category === 'staff') {
    if (!e.staff || !e.staff.assignmentProof) {
      return verdict(
        false,
        0,
        rule,
        msg('expense.staff-proof', { subsidy: name, coaching: e.subsidy === 'piis10' ? 'yes' : 'no' }),
      );
    }
    const cents = Math.round(e.amountCents * e.staff.timeShare);
    return verdict(
      true,
      cents,
      rule,
      msg('expense.staff-share', {
        share: e.staff.timeShare,
        proof: e.staff.assignmentProof.slice(0, 200),
        eligible: amount(cents),
        amount: amount(e.amountCents),
      }),
    );
  }
  if (e.category === 'rent' && e.subsidy === 'piis10' && !e.linkJustification) {
    return verdict(false, 0, 'R-SUB-COSTS', msg('expense.rent-link'));
  }
  return verdict(
    true,
    e.amountCents,
    rule,
    msg('expense.eligible', { category: msg(`code.expenseCategory.${e.category}` as MessageId), subsidy: name }),
  );
}
