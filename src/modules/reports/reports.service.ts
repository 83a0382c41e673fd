// getSubsidyReport: the 10% PIIS subsidy of a year, per beneficiary and month (R-SUB-*), computed
// from the facts in force by the pure rules; partners of a couple are settled together
// (R-SUB-COUPLE). Reading it is an access to every person it names (the access log says so).
import type { Subsidy } from '../../rules/expenses.js';
import type { RequestContext } from '../../core/context.js';
import { readPersonal, readUnit, recordAccess } from '../../core/work.js';
import { indicators, indicatorsFromTally, indicatorSetOf } from '../../rules/indicators.js';
import { cpasTally, ensureFresh } from './rollups.service.js';
import {
  identitiesOf,
  subsidyItemsQuery,
  subsidyTotalsQuery,
  toSubsidyItems,
  toSubsidyTotals,
  type SubsidyItemsRow,
} from './rollups.repository.js';
import * as repo from './reports.repository.js';
import { sayMonthItem, subsidyReportFrom, type SubsidyTotals } from './subsidy.compute.js';
import type { NamedSubsidyMonth } from './reports.exports.js';
import type {
  Indicators,
  Justification,
  JustificationQuery,
  ReportQuery,
  SubsidyMonthItem,
  SubsidyReport,
  YearQuery,
} from './reports.schemas.js';
import { expensesOfYear, toExpense } from '../expenses/index.js';
import { cents, msg, render, type Lang, type Text } from '../../i18n/catalogue.js';
import { sayItem } from '../../rules/indicators.js';

/**
 * The facts the subsidy report of a year follows from (its inputs); reading them is an access to every person named.
 */
export function subsidyInputs(
  ctx: RequestContext,
  year: number,
  beneficiaryId?: string,
): Promise<repo.SubsidyFactsRow[]> {
  return readPersonal(
    ctx,
    'beneficiary',
    repo.subsidyFactsQuery(ctx.database.db, ctx.cpasId, { yearEnd: `${year}-12-31`, beneficiaryId }),
  );
}

/** The subsidy report as it is streamed: its totals, then each person's stored items (JSON) as a cursor reads them. */
export interface SubsidyReportStream {
  year: number;
  totals: SubsidyTotals;
  /** each person's months as JSON: already said (`said`) when stored in the reader's language */
  persons: AsyncIterable<ReadonlyArray<SubsidyItemsRow>>;
}

/**
 * getSubsidyReport: up to the current year, from the CPAS's subsidy tallies (exact: marked
 * persons are recomputed first), streamed; a later year computed from the facts. Reading it is
 * an access to every person it names: the access entry is written once the last row has gone.
 */
export async function getSubsidyReport(
  ctx: RequestContext,
  query: ReportQuery,
  options: { exported: boolean },
): Promise<SubsidyReport | SubsidyReportStream> {
  const year = query.year ?? Number(ctx.today.slice(0, 4));
  if (year > Number(ctx.today.slice(0, 4)))
    return subsidyReportFrom(await subsidyInputs(ctx, year, query.beneficiaryId), year, ctx.lang, query.beneficiaryId);
  const totals = await talliedTotals(ctx, year, query.beneficiaryId);
  // an export names each person by NISS and name (the CPAS's own file); the JSON by id
  const items = subsidyItemsQuery(ctx.database.db, ctx.cpasId, year, ctx.lang, {
    beneficiaryId: query.beneficiaryId,
    identity: options.exported,
  });
  const batches = ctx.database.streamBytes(ctx.cpasId, items);
  return {
    year,
    totals,
    persons: {
      async *[Symbol.asyncIterator]() {
        const named: Array<{ id: string }> = [];
        try {
          for await (const raw of batches) {
            const batch = raw.map(toSubsidyItems);
            for (const r of batch) named.push({ id: r.beneficiary_id });
            yield batch;
          }
        } finally {
          // a CSV or XLSX download is audited as an export of the same persons, by the export itself
          if (!options.exported) await recordAccess(ctx, 'beneficiary', named);
        }
      },
    },
  };
}

/**
 * The subsidy totals of a year up to the current one, from the CPAS's tallies (exact: marked persons are recomputed
 * first).
 */
async function talliedTotals(ctx: RequestContext, year: number, beneficiaryId?: string): Promise<SubsidyTotals> {
  await ensureFresh(ctx.database, ctx.cpasId, ctx.today);
  const [sums] = await ctx.database.read(
    ctx.cpasId,
    subsidyTotalsQuery(ctx.database.db, ctx.cpasId, year, beneficiaryId),
  );
  return toSubsidyTotals(sums!);
}

/** The 10% subsidy of a year in cents: tallied up to the current year, computed from the facts after. */
async function subsidyCentsOf(ctx: RequestContext, year: number): Promise<number> {
  if (year <= Number(ctx.today.slice(0, 4))) return (await talliedTotals(ctx, year)).subsidyCents;
  return subsidyReportFrom(await subsidyInputs(ctx, year), year, ctx.lang).totals.subsidyCents;
}

/** Subsidy months named by NISS and name (the CPAS's own exports). */
export async function namedMonths(
  ctx: RequestContext,
  items: readonly SubsidyMonthItem[],
): Promise<NamedSubsidyMonth[]> {
  const ids = [...new Set(items.map((i) => i.beneficiaryId))];
  const who = await readUnit(ctx, (tx) => identitiesOf(tx, ctx.cpasId, ids));
  return items.map((i) => ({
    ...i,
    niss: who.get(i.beneficiaryId)?.niss ?? null,
    familyName: who.get(i.beneficiaryId)?.familyName ?? null,
    givenName: who.get(i.beneficiaryId)?.givenName ?? null,
  }));
}

/** A stored person's months as export rows, said in the reader's language and named. */
export function storedMonths(lang: Lang, p: SubsidyItemsRow): NamedSubsidyMonth[] {
  const json = p.items.toString('utf8');
  const months = p.said
    ? (JSON.parse(json) as SubsidyMonthItem[])
    : (JSON.parse(json) as Array<Omit<SubsidyMonthItem, 'explanation'> & { explanation: Text }>).map((m) =>
        sayMonthItem(lang, m),
      );
  // the months were parsed for this answer alone: named in place rather than copied (a 10% form carries 100,000 of
  // them)
  for (const m of months as NamedSubsidyMonth[]) {
    m.niss = p.niss ?? null;
    m.familyName = p.family_name ?? null;
    m.givenName = p.given_name ?? null;
  }
  return months as NamedSubsidyMonth[];
}

/** getIndicators: the figures of the year for the caller's CPAS (aggregates: no person is named). */
export async function getIndicators(ctx: RequestContext, query: YearQuery): Promise<Indicators> {
  const year = query.year ?? Number(ctx.today.slice(0, 4));
  // the CPAS's rollup (exact: marked persons are recomputed first); a later year from the facts
  const tally = await cpasTally(ctx.database, ctx.cpasId, year, ctx.today);
  if (tally)
    return {
      year,
      indicatorSet: indicatorSetOf(year),
      items: indicatorsFromTally(tally, year).map((i) => sayItem(ctx.lang, i)),
    };
  return indicatorsFrom(await indicatorInputs(ctx), year, ctx.lang);
}

/** The facts the indicators of a year follow from (their inputs). */
export function indicatorInputs(ctx: RequestContext): Promise<repo.IndicatorFactsRow[]> {
  return readUnit(ctx, async (tx) => (await tx.executeQuery(repo.indicatorFactsQuery(tx, ctx.cpasId))).rows);
}

export function indicatorsFrom(rows: readonly repo.IndicatorFactsRow[], year: number, lang: Lang): Indicators {
  return {
    year,
    indicatorSet: indicatorSetOf(year),
    items: indicators(rows.map(repo.toIndicatorPerson), year).map((i) => sayItem(lang, i)),
  };
}

/**
 * getJustificationReport (R-SUB-COSTS, R-PAS-COSTS): the eligible amounts of the year's expenses
 * against the computed subsidy (the 10%: its tallied total, the amount getSubsidyReport answers).
 */
export async function getJustificationReport(
  ctx: RequestContext,
  query: JustificationQuery,
  subsidyCents?: number,
): Promise<Justification> {
  const year = query.year ?? Number(ctx.today.slice(0, 4));
  const expenses = await expensesOfYear(ctx, year, query.subsidy);
  const against = query.subsidy !== 'piis10' ? null : (subsidyCents ?? (await subsidyCentsOf(ctx, year)));
  return justificationFrom(expenses, against, year, query.subsidy, ctx.lang);
}

/**
 * Its inputs as a frozen run hashes them: the expenses of the year and subsidy, and for the 10% the subsidy report's
 * facts.
 */
export async function justificationInputs(ctx: RequestContext, year: number, subsidy: Subsidy) {
  return {
    expenses: await expensesOfYear(ctx, year, subsidy),
    subsidyFacts: subsidy === 'piis10' ? await subsidyInputs(ctx, year) : null,
  };
}

/** The justification from its inputs (a frozen run's way: the 10% computed from the facts). */
export function justificationFromInputs(
  inputs: Awaited<ReturnType<typeof justificationInputs>>,
  year: number,
  subsidy: Subsidy,
  lang: Lang,
): Justification {
  const subsidyCents = inputs.subsidyFacts
    ? subsidyReportFrom(inputs.subsidyFacts, year, lang).totals.subsidyCents
    : null;
  return justificationFrom(inputs.expenses, subsidyCents, year, subsidy, lang);
}

function justificationFrom(
  expenses: Awaited<ReturnType<typeof expensesOfYear>>,
  subsidyCents: number | null,
  year: number,
  subsidy: Subsidy,
  lang: Lang,
): Justification {
  const items = expenses.map((e) => toExpense(e, lang));
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
    explanation: render(
      lang,
      subsidyCents === null
        ? msg('report.justification-pas', {
            count: items.length,
            eligible: cents(justifiedCents),
            ineligible: cents(ineligibleCents),
          })
        : msg('report.justification-piis10', {
            count: items.length,
            eligible: cents(justifiedCents),
            year: String(year),
            subsidy: cents(subsidyCents),
            ineligible: cents(ineligibleCents),
          }),
    ),
    items,
  };
}
