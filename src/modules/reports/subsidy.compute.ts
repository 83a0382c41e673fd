// The subsidy report's computation, pure: the facts of the persons in, their months (couples
// settled together, R-SUB-COUPLE), items and totals out. Shared by the report computed from the
// facts and by the subsidy tallies that keep it.
import { toRightDecisionFact } from '../../db/right-decision-row.js';
import { subsidyMonths, type SubsidyFacts, type SubsidyMonth } from '../../rules/subsidy-months.js';
import { settleCouple, type CoupleMember } from '../../rules/subsidy-couple.js';
import type { SubsidyFactsRow } from './reports.repository.js';
import type { SubsidyMonthItem, SubsidyReport } from './reports.schemas.js';
import { render, type Lang, type Message, type Text } from '../../i18n/catalogue.js';

export function toSubsidyFacts(row: SubsidyFactsRow): SubsidyFacts {
  return {
    birthDate: row.birth_date,
    rights: row.rights.map(toRightDecisionFact),
    suspensions: row.suspensions,
    piis: row.piis.map((p) => ({
      id: p.id,
      track: p.track,
      signedOn: p.signed_on,
      notedByCouncilOn: p.noted_by_council_on,
      endedOn: p.ended_on,
      endsOn: p.ends_on,
      extensionRequestedOn: p.extension_requested_on ?? [],
    })),
    exemptions: row.exemptions.map((e) => ({ decidedOn: e.decided_on })),
    situations: row.situations.map((s) => ({ kind: s.kind, startsOn: s.starts_on, endsOn: s.ends_on })),
  };
}

/** Every person's months of the year, couples settled together. */
export function computeSubsidyMonths(rows: readonly SubsidyFactsRow[], year: number): Map<string, SubsidyMonth[]> {
  const members = new Map<string, CoupleMember & { partnerId: string | null }>();
  for (const row of rows) {
    const facts = toSubsidyFacts(row);
    members.set(row.id, {
      beneficiaryId: row.id,
      facts,
      months: subsidyMonths(facts, year),
      partnerId: row.partner_id,
    });
  }
  const settled = new Set<string>();
  for (const m of members.values()) {
    const partner = m.partnerId ? members.get(m.partnerId) : undefined;
    if (!partner || partner === m || settled.has(m.beneficiaryId) || settled.has(partner.beneficiaryId)) continue;
    // the partner link is stored on the beneficiary that names it: either side makes the couple,
    // each couple is settled once
    const [first, second] = m.beneficiaryId < partner.beneficiaryId ? [m, partner] : [partner, m];
    settleCouple(first, second);
    settled.add(m.beneficiaryId).add(partner.beneficiaryId);
  }
  return new Map([...members].map(([id, m]) => [id, m.months]));
}

export type SubsidyTotals = SubsidyReport['totals'];

export function emptySubsidyTotals(): SubsidyTotals {
  return {
    months: 0,
    riCents: 0,
    subsidyCents: 0,
    code11: { months: 0, riCents: 0, subsidyCents: 0 },
    code17: { months: 0, riCents: 0, subsidyCents: 0 },
    student: { months: 0, riCents: 0 },
    exemptedMonths: 0,
  };
}

/** Adds one month to the totals. */
function countMonth(
  totals: SubsidyTotals,
  m: Pick<SubsidyMonthItem, 'code' | 'formCode' | 'riCents' | 'subsidyCents'>,
): void {
  totals.months += 1;
  totals.riCents += m.riCents;
  totals.subsidyCents += m.subsidyCents;
  const byCode = m.code === 11 ? totals.code11 : m.code === 17 ? totals.code17 : null;
  if (byCode) {
    byCode.months += 1;
    byCode.riCents += m.riCents;
    byCode.subsidyCents += m.subsidyCents;
  }
  if (m.formCode === 9 || m.formCode === 10) {
    totals.student.months += 1;
    totals.student.riCents += m.riCents;
  }
  if (m.formCode === 8) totals.exemptedMonths += 1;
}

/** A month of the report before it is said: its explanation still a message (the rollups keep it so). */
export type SubsidyMonthFigure = Omit<SubsidyMonthItem, 'explanation'> & { explanation: Message };

/**
 * A month of the report in the reader's language (a stored explanation may be a message or, from before messages,
 * text).
 */
export const sayMonthItem = (
  lang: Lang,
  m: Omit<SubsidyMonthItem, 'explanation'> & { explanation: Text },
): SubsidyMonthItem => ({ ...m, explanation: render(lang, m.explanation) });

/** A person's months as the report's items, and their share of its totals. */
export function personSubsidy(
  beneficiaryId: string,
  months: readonly SubsidyMonth[],
): { items: SubsidyMonthFigure[]; totals: SubsidyTotals } {
  const totals = emptySubsidyTotals();
  const items = months.map((m) => {
    const item: SubsidyMonthFigure = {
      beneficiaryId,
      month: m.month,
      code: m.code,
      formCode: m.formCode,
      riCents: m.riCents,
      subsidyCents: m.subsidyCents,
      piisId: m.piisId,
      rule: m.rule,
      explanation: m.explanation,
    };
    countMonth(totals, item);
    return item;
  });
  return { items, totals };
}

/** The subsidy report computed from its inputs (pure). */
export function subsidyReportFrom(
  rows: readonly SubsidyFactsRow[],
  year: number,
  lang: Lang,
  only?: string,
): SubsidyReport {
  const items: SubsidyMonthItem[] = [];
  const totals = emptySubsidyTotals();
  for (const [beneficiaryId, months] of computeSubsidyMonths(rows, year)) {
    if (only && beneficiaryId !== only) continue;
    for (const item of personSubsidy(beneficiaryId, months).items) {
      items.push(sayMonthItem(lang, item));
      countMonth(totals, item);
    }
  }
  return { year, items, totals };
}
