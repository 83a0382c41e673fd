// Bulk imports as vendors call them (createImport, getImport, listImportRows, listImports): the
// file is stored and acknowledged (202), then run in the background by the import worker.
import { renderStored } from '../../i18n/stored.js';
import { createHash } from 'node:crypto';
import type { Outcome, RequestContext } from '../../core/context.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { AppError } from '../../core/problem.js';
import { readUnit, writeUnit } from '../../core/work.js';
import { uuidv7 } from '../../db/ids.js';
import { appendAudit } from '../../core/audit-append.js';
import type { Import, ImportQuery, ImportRow, ImportRowsQuery } from './imports.schemas.js';
import * as repo from './imports.repository.js';
import { msg } from '../../i18n/catalogue.js';

const NO_IMPORT = () => new AppError('not-found', msg('not-found.import'));

export async function createImport(
  ctx: RequestContext,
  query: ImportQuery,
  payload: Buffer,
  mediaType: string,
): Promise<Outcome<Import>> {
  if (payload.length === 0)
    throw new AppError('validation-failed', msg('file.empty'), {
      errors: [{ path: '/body', message: msg('file.is-empty') }],
    });
  return writeUnit(ctx, async (tx) => {
    const id = uuidv7();
    await repo.insertJob(tx, {
      cpas_id: ctx.cpasId,
      id,
      kind: query.kind,
      format: mediaType === 'text/csv' ? 'csv' : 'ndjson',
      dry_run: query.dryRun ?? false,
      payload,
      payload_sha256: createHash('sha256').update(payload).digest('hex'),
      payload_bytes: payload.length,
      total_rows: null,
      lease_until: null,
      failure: null,
      created_by: ctx.actor,
      started_at: null,
      finished_at: null,
    });
    await appendAudit(tx, ctx, { action: 'create', entity: 'import', entityId: id });
    const [row] = (await tx.executeQuery(repo.jobsQuery(tx, ctx.cpasId, { id }))).rows;
    return { status: 202, body: repo.toImport(row!), headers: { location: `/v1/imports/${id}` } };
  });
}

export async function getImport(ctx: RequestContext, importId: string): Promise<Import> {
  const [row] = await readUnit(
    ctx,
    async (tx) => (await tx.executeQuery(repo.jobsQuery(tx, ctx.cpasId, { id: importId }))).rows,
  );
  if (!row) throw NO_IMPORT();
  return repo.toImport(row);
}

export async function listImports(ctx: RequestContext, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (await tx.executeQuery(repo.jobsQuery(tx, ctx.cpasId, { afterId: decodeCursor(query.cursor), limit: limit + 1 })))
        .rows,
  );
  const page = pageOf(rows, limit);
  return { items: page.items.map(repo.toImport), nextCursor: page.nextCursor };
}

export async function listImportRows(ctx: RequestContext, importId: string, query: ImportRowsQuery) {
  await getImport(ctx, importId);
  const limit = query.limit ?? 50;
  const afterRow = query.cursor ? Number(decodeRowCursor(query.cursor)) : 0;
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await tx.executeQuery(
          repo.verdictsQuery(tx, ctx.cpasId, importId, { verdict: query.verdict, afterRow, limit: limit + 1 }),
        )
      ).rows,
  );
  const items: ImportRow[] = rows.slice(0, limit).map((r) => ({
    row: r.row_number,
    externalRef: r.external_ref,
    verdict: r.verdict,
    recordId: r.record_id,
    code: r.code,
    rule: r.rule,
    detail: r.detail === null ? null : renderStored(ctx.lang, r.detail),
  }));
  return {
    items,
    nextCursor:
      rows.length > limit ? Buffer.from(JSON.stringify({ r: items.at(-1)!.row })).toString('base64url') : null,
  };
}

function decodeRowCursor(cursor: string): number {
  try {
    const r = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { r?: unknown }).r;
    if (typeof r === 'number' && Number.isInteger(r) && r >= 0) return r;
  } catch {
    // fall through
  }
  throw new AppError('invalid-cursor', msg('cursor.invalid'));
}
