// The CPAS's retention policy (getRetentionPolicy, setRetentionPolicy).
import { sql } from 'kysely';
import { ok, type Outcome, type RequestContext } from '../../core/context.js';
import { readUnit, writeUnit } from '../../core/work.js';
import { appendAudit } from '../../core/audit-append.js';
import { DEFAULT_RETENTION_YEARS } from './retention.repository.js';
import type { RetentionPolicy, RetentionPolicyBody } from './retention.schemas.js';

type Row = { anonymise_after_years: number; updated_at: string; updated_by: string };

const toPolicy = (row: Row | undefined): RetentionPolicy =>
  row
    ? {
        anonymiseAfterYears: row.anonymise_after_years,
        isDefault: false,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      }
    : { anonymiseAfterYears: DEFAULT_RETENTION_YEARS, isDefault: true, updatedAt: null, updatedBy: null };

export async function getRetentionPolicy(ctx: RequestContext): Promise<RetentionPolicy> {
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await sql<Row>`select anonymise_after_years, updated_at, updated_by from retention_policy where cpas_id =
          ${ctx.cpasId}`.execute(tx)
      ).rows,
  );
  return toPolicy(rows[0]);
}

export async function setRetentionPolicy(
  ctx: RequestContext,
  body: RetentionPolicyBody,
): Promise<Outcome<RetentionPolicy>> {
  return writeUnit({ ...ctx, idempotency: null }, async (tx) => {
    const { rows } = await sql<Row>`
      insert into retention_policy (cpas_id, anonymise_after_years, updated_by) values (${ctx.cpasId},
        ${body.anonymiseAfterYears}, ${ctx.actor})
      on conflict (cpas_id) do update set anonymise_after_years = excluded.anonymise_after_years, updated_at = now(),
        updated_by = excluded.updated_by
      returning anonymise_after_years, updated_at, updated_by`.execute(tx);
    await appendAudit(tx, ctx, { action: 'update', entity: 'retention_policy', entityId: null });
    return ok(toPolicy(rows[0]));
  });
}
