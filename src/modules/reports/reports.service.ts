// getSubsidyReport: the 10% PIIS subsidy of a year, per beneficiary and month (R-SUB-*), computed
// from the facts in force by the pure rules; partners of a couple are settled together
// (R-SUB-COUPLE). Reading it is an access to every person it names (the access log says so).
import type { RequestContext } from '../../http/context.js';
import { readPersonal, readUnit } from '../../http/work.js';
import { indicators, indicatorsFromTally, indicatorSetOf } from '../../rules/indicators.js';
import { cpasTally } from '../rollups/rollups.service.js';
import { toRightDecisionFact } from '../facts/facts.repository.js';
import { subsidyMonths, type SubsidyFacts, type SubsidyMonth } from '../../rules/subsidy-months.js';
import { settleCouple, type CoupleMember } from '../../rules/subsidy-couple.js';
import * as repo from './reports.repository.js';
import type { Indicators, Justification, JustificationQuery, ReportQuery, SubsidyMonthItem, SubsidyReport, YearQuery } from './reports.schemas.js';
import { expensesOfYear, toExpense } from '../expenses/expenses.service.js';

export function toSubsidyFacts(row: repo.SubsidyFactsRow): SubsidyFacts {
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
export function computeSubsidyMonths(rows: readonly repo.SubsidyFactsRow[], year: number): Map<string, SubsidyMonth[]> {
  const members = new Map<string, CoupleMember & { partnerId: string | null }>();
  for (const row of rows) {
    const facts = toSubsidyFacts(row);
    members.set(row.id, { beneficiaryId: row.id, facts, months: subsidyMonths(facts, year), partnerId: row.partner_id });
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

/** The facts the subsidy report of a year follows from (its inputs); reading them is an access to every person named. */
export function subsidyInputs(ctx: RequestContext, year: number, beneficiaryId?: string): Promise<repo.SubsidyFactsRow[]> {
  return readPersonal(ctx, 'beneficiary', repo.subsidyFactsQuery(ctx.db, ctx.cpasId, { yearEnd: `${year}-12-31`, beneficiaryId }));
}

export async function getSubsidyReport(ctx: RequestContext, query: ReportQuery): Promise<SubsidyReport> {
  const year = query.year ?? Number(ctx.today.slice(0, 4));
  return subsidyReportFrom(await subsidyInputs(ctx, year, query.beneficiaryId), year, query.beneficiaryId);
}

/** The subsidy report computed from its inputs (pure). */
export function subsidyReportFrom(rows: readonly repo.SubsidyFactsRow[], year: number, only?: string): SubsidyReport {
  const byPerson = computeSubsidyMonths(rows, year);
  const items: SubsidyMonthItem[] = [];
  const totals: SubsidyReport['totals'] = {
    months: 0,
    riCents: 0,
    subsidyCents: 0,
    code11: { months: 0, riCents: 0, subsidyCents: 0 },
    code17: { months: 0, riCents: 0, subsidyCents: 0 },
    student: { months: 0, riCents: 0 },
    exemptedMonths: 0,
  };
  for (const [beneficiaryId, months] of byPerson) {
    if (only && beneficiaryId !== only) continue;
    for (const m of months) {
      items.push({ beneficiaryId, month: m.month, code: m.code, formCode: m.formCode, riCents: m.riCents, subsidyCents: m.subsidyCents, piisId: m.piisId, rule: m.rule, explanation: m.explanation });
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
  }
  return { year, items, totals };
}

/** getIndicators: the figures of the year for the caller's CPAS (aggregates: no person is named). */
export async function getIndicators(ctx: RequestContext, query: YearQuery): Promise<Indicators> {
  const year = query.year ?? Number(ctx.today.slice(0, 4));
  // the CPAS's rollup (exact: marked persons are recomputed first); a later year from the facts
  const tally = await cpasTally(ctx.database, ctx.cpasId, year, ctx.today);
  if (tally) return { year, indicatorSet: indicatorSetOf(year), items: indicatorsFromTally(tally, year) };
  return indicatorsFrom(await indicatorInputs(ctx), year);
}

/** The facts the indicators of a year follow from (their inputs). */
export function indicatorInputs(ctx: RequestContext): Promise<repo.IndicatorFactsRow[]> {
  return readUnit(ctx, async (tx) => (await tx.executeQuery(repo.indicatorFactsQuery(tx, ctx.cpasId))).rows);
}

export function indicatorsFrom(rows: readonly repo.IndicatorFactsRow[], year: number): Indicators {
  return { year, indicatorSet: indicatorSetOf(year), items: indicators(rows.map(repo.toIndicatorPerson), year) };
}

/** getJustificationReport (R-SUB-COSTS, R-PAS-COSTS): the eligible amounts of the year's expenses against the computed subsidy. */
export async function getJustificationReport(ctx: RequestContext, query: JustificationQuery): Promise<Justification> {
  const year = query.year ?? Number(ctx.today.slice(0, 4));
  return justificationFrom(await justificationInputs(ctx, year, query.subsidy), year, query.subsidy);
}

/** Its inputs: the expenses of the year and subsidy, and for the 10% the subsidy report's facts. */
export async function justificationInputs(ctx: RequestContext, year: number, subsidy: 'piis10' | 'pas') {
  return { expenses: await expensesOfYear(ctx, year, subsidy), subsidyFacts: subsidy === 'piis10' ? await subsidyInputs(ctx, year) : null };
}

export function justificationFrom(inputs: Awaited<ReturnType<typeof justificationInputs>>, year: number, subsidy: 'piis10' | 'pas'): Justification {
  const items = inputs.expenses.map(toExpense);
  const subsidyCents = inputs.subsidyFacts ? subsidyReportFrom(inputs.subsidyFacts, year).totals.subsidyCents : null;
  const justifiedCents = items.reduce((sum, e) => sum + e.eligibleCents, 0);
  const ineligibleCents = items.reduce((sum, e) => sum + e.amountCents - e.eligibleCents, 0);
  const rule = subsidy === 'piis10' ? 'R-SUB-COSTS' : 'R-PAS-COSTS';
  return {
    year,
    subsidy,
    subsidyCents,
    justifiedCents,
    ineligibleCents,
    balanceCents: subsidyCents === null ? null : justifiedCents - subsidyCents,
    rule,
    explanation:
      subsidyCents === null
        ? `${items.length} expense(s): ${justifiedCents} cents eligible, ${ineligibleCents} not; the PAS grant is set by the SPP IS (justifying more than the grant is allowed)`
        : `${items.length} expense(s): ${justifiedCents} cents eligible against the 10% PIIS subsidy of ${year} computed at ${subsidyCents} cents (the subsidy report); ${ineligibleCents} cents do not count`,
    items,
  };
}
