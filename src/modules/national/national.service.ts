// The SPP IS views (role spp_analyst, no CPAS): the national indicators — every CPAS's figures
// from its rollup and the national totals, small cells suppressed (R-IND-PRIVACY) — and the
// statistical extract, pseudonymised, streamed. Every download leaves a platform audit entry
// (who, what, which request) before the first byte goes.
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { appendAudit } from '../../core/audit-append.js';
import { FIRST_INDICATOR_YEAR, indicatorSetOf } from '../../rules/indicators.js';
import { nationalIndicators } from '../../rules/national-indicators.js';
import { nationalIndicatorVersion, nationalRollups, refreshBacklog } from '../reports/index.js';
import { hmacBlocks, purposeKey } from './pseudonyms.js';
import { versionedCache, type VersionedCache } from './indicators-cache.js';
import type { Database } from '../../db/database.js';
import * as repo from './national.repository.js';
import type { ExtractQuery, ExtractRow, NationalIndicators, NationalQuery } from './national.schemas.js';
import { msg, render } from '../../i18n/catalogue.js';
import { sayItem } from '../../rules/indicators.js';

/** The year asked (default the current one); a later year has no figures yet. */
function yearOf(ctx: RequestContext, year: number | undefined): number {
  const current = Number(ctx.today.slice(0, 4));
  if (year !== undefined && year > current) {
    throw new AppError(
      'validation-failed',
      msg('check.year-not-begun', { year: String(year), current: String(current) }),
      { errors: [{ path: '/year', message: msg('check.at-most', { limit: String(current) }) }] },
    );
  }
  return year ?? current;
}

function auditDownload(ctx: RequestContext, entity: string): Promise<void> {
  return ctx.database.unit(ctx.cpasId, (tx) => appendAudit(tx, ctx, { action: 'export', entity }));
}

/** The answers computed on each database (a test process opens many). */
const answers = new WeakMap<Database, VersionedCache<NationalIndicators>>();

function answersOn(database: Database): VersionedCache<NationalIndicators> {
  let cache = answers.get(database);
  if (!cache) answers.set(database, (cache = versionedCache()));
  return cache;
}

export async function getNationalIndicators(ctx: RequestContext, query: NationalQuery): Promise<NationalIndicators> {
  const year = yearOf(ctx, query.year);
  // exact: persons whose facts changed are tallied again first (usually done in the background)
  await refreshBacklog(ctx.database, ctx.today);
  const version = await nationalIndicatorVersion(ctx.database.db, year);
  const report = await answersOn(ctx.database).through(`${year}/${ctx.lang}`, version, async () => {
    const rollups = await nationalRollups(ctx.database.db, year);
    // kept only if nothing changed while the rollups were read
    const readAt = await nationalIndicatorVersion(ctx.database.db, year);
    return { version: readAt, value: nationalReport(ctx, year, rollups) };
  });
  await auditDownload(ctx, `national_indicators/${year}`);
  return report;
}

function nationalReport(
  ctx: RequestContext,
  year: number,
  rollups: Awaited<ReturnType<typeof nationalRollups>>,
): NationalIndicators {
  const table = nationalIndicators(
    rollups.map((r) => ({ cpas: { kboNumber: r.kboNumber, name: r.name }, tally: r.tally })),
    year,
  );
  return {
    year,
    indicatorSet: indicatorSetOf(year),
    rule: 'R-IND-PRIVACY',
    explanation: render(ctx.lang, msg('report.national', { count: rollups.length })),
    totals: table.totals.map((item) => ({
      ...sayItem(ctx.lang, item),
      suppressed: table.totalsSuppressed[item.key] ?? null,
    })),
    rows: table.rows.map((r) => ({ kboNumber: r.cpas.kboNumber, name: r.cpas.name, items: r.items })),
  };
}

export interface Extract {
  /** the one year asked, or null for every year */
  year: number | null;
  purpose: string;
  /** what the download is audited as (before its first byte, and as a CSV/XLSX export at its end) */
  auditEntity: string;
  explanation: string;
  batches: AsyncIterable<ExtractRow[]>;
}

export async function getStatisticalExtract(
  ctx: RequestContext,
  query: ExtractQuery,
  masterKey: string,
): Promise<Extract> {
  // one year, or every year from the first of the integration income to the current one
  const year = query.year === undefined ? null : yearOf(ctx, query.year);
  const years =
    year === null ? { from: FIRST_INDICATOR_YEAR, to: Number(ctx.today.slice(0, 4)) } : { from: year, to: year };
  const purpose = query.purpose ?? 'statistics';
  const auditEntity = `statistical_extract/${year ?? 'all'}/${purpose}`;
  await auditDownload(ctx, auditEntity);
  const query_ = repo.extractQuery(ctx.database.db, years, hmacBlocks(purposeKey(masterKey, purpose)));
  return {
    year,
    purpose,
    auditEntity,
    explanation: render(ctx.lang, msg('report.extract', { from: String(years.from), to: String(years.to), purpose })),
    // no statement timeout: the stream lasts as long as the client reads
    batches: ctx.database.stream(null, query_, { batch: 1000 }),
  };
}
