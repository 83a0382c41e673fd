// R-SUB-COUPLE: for a couple on the category-3 (family) rate, the 10% is computed once on that
// amount, never doubled even with two PIIS; when a compulsory PIIS is missing for either partner
// the 10% is recovered (content breaches of one partner's PIIS do not matter here).
// Whether the household's amount is paid whole to one partner or split between the two is said by
// the right decisions: a split decision names the household's whole amount (householdAmountCents)
// and carries the partner's share. Split: the 10% is computed once on the two shares together,
// whoever receives them. Not split: each decision carrying the whole amount, one month keeps it.
import { lastOfMonth } from './dates.js';
import { explained, type Explained } from './explained.js';
import { compulsoryOn, conclusionDeadline } from './obligation.js';
import { openingGrant, rightSegments } from './rights.js';
import { tenPercent, type SubsidyFacts, type SubsidyMonth } from './subsidy-months.js';
import { cents, date, month as sayMonth, msg, type Message } from '../i18n/catalogue.js';

export interface CoupleMember {
  beneficiaryId: string;
  facts: SubsidyFacts;
  months: SubsidyMonth[];
}

/**
 * Whether the compulsory PIIS of a person (R-OBLIG-NEW) is missing by the end of a month: its deadline passed, none
 * signed, no exemption.
 */
export function compulsoryPiisMissing(facts: SubsidyFacts, month: string): Explained<boolean> {
  const last = lastOfMonth(`${month}-01`);
  const opening = openingGrant(rightSegments(facts.rights), last, ['ri']);
  if (!opening) return explained(false, 'R-OBLIG-NEW', msg('couple.no-ri'));
  const grant = opening.grant;
  const on = grant.decidedOn > opening.from ? grant.decidedOn : opening.from;
  const compulsory = compulsoryOn({ on, track: 'general', birthDate: facts.birthDate, rights: facts.rights });
  if (!compulsory.value) return explained(false, compulsory.rule, compulsory.explanation);
  const deadline = conclusionDeadline(grant).value!;
  if (deadline >= last)
    return explained(
      false,
      'R-OBLIG-DEADLINE',
      msg('couple.not-yet-due', { due: date(deadline), month: sayMonth(month) }),
    );
  const signed = facts.piis.find((p) => p.signedOn !== null && p.signedOn >= grant.decidedOn && p.signedOn <= last);
  if (signed) return explained(false, 'R-OBLIG-DEADLINE', msg('couple.signed', { signedOn: date(signed.signedOn!) }));
  const exempted = facts.exemptions.find((e) => e.decidedOn >= grant.decidedOn && e.decidedOn <= last);
  if (exempted) return explained(false, 'R-EXEMPT', msg('couple.exempted', { decidedOn: date(exempted.decidedOn) }));
  return explained(
    true,
    'R-OBLIG-DEADLINE',
    msg('couple.missing', { grantedOn: date(grant.decidedOn), due: date(deadline), month: sayMonth(month) }),
  );
}

const onFamilyRate = (m: SubsidyMonth | undefined) => !!m && m.categories.includes('family');

function settle(month: SubsidyMonth, rule: string, explanation: Message, subsidyCents = 0): void {
  Object.defineProperty(month, 'explanation', {
    value: explanation,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  Object.assign(month, { subsidyCents, rule });
}

/**
 * Both partners' months are shares of the household's amount: one 10% on their sum, the first payer's own share first.
 */
function settleShares(month: string, members: ReadonlyArray<{ who: CoupleMember; m: SubsidyMonth }>): void {
  const whole = members.reduce((sum, x) => sum + x.m.riCents, 0);
  const total = tenPercent(whole, `${month}-01`);
  const paying = members.filter((x) => x.m.subsidyCents > 0);
  let left = total;
  paying.forEach((x, i) => {
    const other = members.find((y) => y !== x)!;
    const mine = i === paying.length - 1 ? left : tenPercent(x.m.riCents, `${month}-01`);
    left -= mine;
    const explanation = msg('sub.couple-shared', {
      month: sayMonth(month),
      whole: cents(whole),
      own: cents(x.m.riCents),
      other: cents(other.m.riCents),
      partner: other.who.beneficiaryId,
      total: cents(total),
      mine: cents(mine),
      was: x.m.explanation,
    });
    settle(x.m, 'R-SUB-COUPLE', explanation, mine);
  });
}

/**
 * Settles the months of two partners in place: one 10% per month on the family rate (on both shares when split), none
 * when a compulsory PIIS is missing.
 */
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
        settle(
          m,
          'R-SUB-COUPLE',
          msg('sub.couple-recovered', {
            month: sayMonth(month),
            partner: missing.who.beneficiaryId,
            why: missing.check.explanation,
            was: m.explanation,
          }),
        );
      }
      continue;
    }
    if (ma && mb && onFamilyRate(ma) && onFamilyRate(mb) && ma.householdShare && mb.householdShare) {
      settleShares(month, [
        { who: a, m: ma },
        { who: b, m: mb },
      ]);
      continue;
    }
    if (paying.length === 2) {
      const [keep, drop] = [...paying].sort((x, y) => y.riCents - x.riCents || (x === ma ? -1 : 1));
      const keeper = keep === ma ? a.beneficiaryId : b.beneficiaryId;
      settle(
        drop!,
        'R-SUB-COUPLE',
        msg('sub.couple-once', { month: sayMonth(month), partner: keeper, was: drop!.explanation }),
      );
    }
  }
}
