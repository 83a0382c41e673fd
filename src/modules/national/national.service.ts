// The SPP IS views (role spp_analyst, no CPAS): the national indicators — every CPAS's figures
// from its rollup and the national totals, small cells suppressed (R-IND-PRIVACY) — and the
// statistical extract, pseudonymised, streamed. Every download leaves a platform audit entry
// (who, what, which request) before the first byte goes.
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/problem.js';
import { cursorBatches } from '../../db/cursor.js';
import { inTenant } from '../../db/tenant.js';
import { appendAudit } from '../audit/audit.repository.js';
import { FIRST_INDICATOR_YEAR, indicatorSetOf } from '../../rules/indicators.js';
import { nationalIndicators } from '../../rules/national-indicators.js';
import { nationalRollups } from '../rollups/rollups.repository.js';
import { refreshBacklog } from '../rollups/rollups.service.js';
import { hmacBlocks, purposeKey } from './pseudonyms.js';
import * as repo from './national.repository.js';
import type { ExtractQuery, ExtractRow, NationalIndicators, NationalQuery } from './national.schemas.js';

/** The year asked (default the current one); a later year has no figures yet. */
function yearOf(ctx: RequestContext, year: number | undefined): number {
  const current = Number(ctx.today.slice(0, 4));
  if (year !== undefined && year > current) {
    throw new AppError('validation-failed', `year ${year} has not begun: national figures go up to ${current}`, { errors: [{ path: '/year', message: `must be at most ${current}` }] });
  }
  return year ?? current;
}

function auditDownload(ctx: RequestContext, entity: string): Promise<void> {
  return inTenant(ctx.db, ctx.cpasId, (tx) => appendAudit(tx, ctx, { action: 'export', entity }));
}

export async function getNationalIndicators(ctx: RequestContext, query: NationalQuery): Promise<NationalIndicators> {
  const year = yearOf(ctx, query.year);
  // exact: persons whose facts changed are tallied again first (usually done in the background)
  await refreshBacklog(ctx.database, ctx.today);
  const rollups = await nationalRollups(ctx.db, year);
  await auditDownload(ctx, `national_indicators/${year}`);
  const table = nationalIndicators(rollups.map((r) => ({ cpas: { kboNumber: r.kboNumber, name: r.name }, tally: r.tally })), year);
  return {
    year,
    indicatorSet: indicatorSetOf(year),
    rule: 'R-IND-PRIVACY',
    explanation: `${rollups.length} CPAS. Figures that would show a count of 1 to 4 persons are suppressed, with complementary suppression so that none can be recomputed from the national totals or the other figures`,
    totals: table.totals.map((item) => ({ ...item, suppressed: table.totalsSuppressed[item.key] ?? null })),
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

export async function getStatisticalExtract(ctx: RequestContext, query: ExtractQuery, masterKey: string): Promise<Extract> {
  // one year, or every year from the first of the integration income to the current one
  const year = query.year === undefined ? null : yearOf(ctx, query.year);
  const years = year === null ? { from: FIRST_INDICATOR_YEAR, to: Number(ctx.today.slice(0, 4)) } : { from: year, to: year };
  const purpose = query.purpose ?? 'statistics';
  const auditEntity = `statistical_extract/${year ?? 'all'}/${purpose}`;
  await auditDownload(ctx, auditEntity);
  const query_ = repo.extractQuery(ctx.db, years, hmacBlocks(purposeKey(masterKey, purpose)));
  return {
    year,
    purpose,
    auditEntity,
    explanation: `One row per PIIS and year from ${years.from} to ${years.to} (a year it was drafted in, or concluded and in force on a day of), every CPAS. Persons and PIIS are keyed pseudonyms for the purpose “${purpose}”; no name, NISS, free text or health data (R-IND-PRIVACY). A pseudonymised extract is still personal data: keep it under the GDPR.`,
    // no statement timeout: the stream lasts as long as the client reads
    batches: cursorBatches(ctx.db, query_, { batch: 1000, statementTimeoutMs: 0 }),
  };
}
