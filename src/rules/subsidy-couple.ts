// R-SUB-COUPLE: for a couple on the category-3 (family) rate, the 10% is computed once on that
// amount, never doubled even with two PIIS; when a compulsory PIIS is missing for either partner
// the 10% is recovered (content breaches of one partner's PIIS do not matter here).
import { lastOfMonth } from './dates.js';
import { explained, type Explained } from './explained.js';
import { compulsoryOn, conclusionDeadline } from './obligation.js';
import { openingGrant, rightSegments } from './rights.js';
import type { SubsidyFacts, SubsidyMonth } from './subsidy-months.js';

export interface CoupleMember {
  beneficiaryId: string;
  facts: SubsidyFacts;
  months: SubsidyMonth[];
}

/** Whether the compulsory PIIS of a person (R-OBLIG-NEW) is missing by the end of a month: its deadline passed, none signed, no exemption. */
export function compulsoryPiisMissing(facts: SubsidyFacts, month: string): Explained<boolean> {
  const last = lastOfMonth(`${month}-01`);
  const opening = openingGrant(rightSegments(facts.rights), last, ['ri']);
  if (!opening) return explained(false, 'R-OBLIG-NEW', 'No RI right: no compulsory PIIS');
  const grant = opening.grant;
  const on = grant.decidedOn > opening.from ? grant.decidedOn : opening.from;
  const compulsory = compulsoryOn({ on, track: 'general', birthDate: facts.birthDate, rights: facts.rights });
  if (!compulsory.value) return explained(false, compulsory.rule, compulsory.explanation);
  const deadline = conclusionDeadline(grant).value!;
  if (deadline >= last) return explained(false, 'R-OBLIG-DEADLINE', `The PIIS is due by ${deadline}, not yet passed in ${month}`);
  const signed = facts.piis.find((p) => p.signedOn !== null && p.signedOn >= grant.decidedOn && p.signedOn <= last);
  if (signed) return explained(false, 'R-OBLIG-DEADLINE', `A PIIS was signed on ${signed.signedOn}`);
  const exempted = facts.exemptions.find((e) => e.decidedOn >= grant.decidedOn && e.decidedOn <= last);
  if (exempted) return explained(false, 'R-EXEMPT', `Exempted on ${exempted.decidedOn}`);
  return explained(true, 'R-OBLIG-DEADLINE', `The compulsory PIIS (RI granted on ${grant.decidedOn}) was due by ${deadline}; none signed and no exemption by the end of ${month}`);
}

const onFamilyRate = (m: SubsidyMonth | undefined) => !!m && m.categories.includes('family');

function settle(month: SubsidyMonth, rule: string, explanation: string): void {
  Object.defineProperty(month, 'explanation', { value: explanation, enumerable: true, writable: true, configurable: true });
  Object.assign(month, { subsidyCents: 0, rule });
}

/** Settles the months of two partners in place: at most one 10% per month on the family rate, none when a compulsory PIIS is missing. */
export function settleCouple(a: CoupleMember, b: CoupleMember): void {
  const bMonths = new Map(b.months.map((m) => [m.month, m]));
  const months = new Set([...a.months.map((m) => m.month), ...bMonths.keys()]);
  const aMonths = new Map(a.months.map((m) => [m.month, m]));
  for (const month of months) {
    const ma = aMonths.get(month);
    const mb = bMonths.get(month);
    if (!onFamilyRate(ma) && !onFamilyRate(mb)) continue;
    const paying = [ma, mb].filter((m): m is SubsidyMonth => !!m && m.subsidyCents > 0);
    if (paying.length === 0) continue;
    const missing = [
      { who: a, check: compulsoryPiisMissing(a.facts, month) },
      { who: b, check: compulsoryPiisMissing(b.facts, month) },
    ].find((x) => x.check.value);
    if (missing) {
      for (const m of paying) {
        settle(m, 'R-SUB-COUPLE', `A couple on the category-3 rate: the 10% of ${month} is recovered because the compulsory PIIS of partner ${missing.who.beneficiaryId} is missing (${missing.check.explanation}). Was: ${m.explanation}`);
      }
      continue;
    }
    if (paying.length === 2) {
      const [keep, drop] = [...paying].sort((x, y) => y.riCents - x.riCents || (x === ma ? -1 : 1));
      const keeper = keep === ma ? a.beneficiaryId : b.beneficiaryId;
      settle(drop!, 'R-SUB-COUPLE', `A couple on the category-3 rate: the 10% of ${month} is computed once, on partner ${keeper}'s month, never doubled even with two PIIS. Was: ${drop!.explanation}`);
    }
  }
}
