// Plain functions over import jobs and their row verdicts.
import { type CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { ImportJobTable, ImportRowTable, ImportVerdict } from '../../db/types.js';
import type { Import } from './imports.schemas.js';

export type JobRow = Omit<Selectable<ImportJobTable>, 'payload'>;
const JOB_COLUMNS = [
  'cpas_id',
  'id',
  'kind',
  'format',
  'dry_run',
  'status',
  'payload_sha256',
  'payload_bytes',
  'total_rows',
  'next_row',
  'created',
  'updated',
  'unchanged',
  'rejected',
  'lease_until',
  'failure',
  'created_at',
  'created_by',
  'started_at',
  'finished_at',
] as const;

export async function insertJob(tx: Tx, row: Insertable<ImportJobTable>): Promise<void> {
  await tx.insertInto('import_job').values(row).execute();
}

export function jobsQuery(
  tx: Tx,
  cpasId: string,
  filter: { id?: string; afterId?: string | null; limit?: number },
): CompiledQuery<JobRow> {
  let q = tx.selectFrom('import_job').select(JOB_COLUMNS).where('cpas_id', '=', cpasId);
  if (filter.id) q = q.where('id', '=', filter.id);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  q = q.orderBy('id');
  if (filter.limit) q = q.limit(filter.limit);
  return q.compile();
}

/** Takes the next job of the CPAS that is queued or whose runner's lease ran out, with its file. */
export async function claimJob(
  tx: Tx,
  cpasId: string,
  leaseMs: number,
): Promise<(JobRow & { payload: Buffer | null }) | undefined> {
  const { rows } = await sql<JobRow & { payload: Buffer | null }>`
    update import_job j
    set status = 'running', lease_until = now() + make_interval(secs => ${leaseMs / 1000}), started_at =
      coalesce(j.started_at, now())
    where j.cpas_id = ${cpasId}
      and j.id = (select x.id from import_job x
                  where x.cpas_id = ${cpasId} and (x.status = 'queued' or (x.status = 'running' and (x.lease_until is
                    null or x.lease_until < now())))
                  order by x.id limit 1 for update skip locked)
    returning j.*`.execute(tx);
  return rows[0];
}

export async function insertVerdicts(tx: Tx, rows: Insertable<ImportRowTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('import_row')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** Moves the job past a batch: its counts, the next row, a fresh lease. */
export async function advanceJob(
  tx: Tx,
  cpasId: string,
  id: string,
  batch: { nextRow: number; totalRows: number; counts: Record<ImportVerdict, number>; leaseMs: number },
): Promise<void> {
  await sql`
    update import_job set next_row = ${batch.nextRow}, total_rows = ${batch.totalRows},
      created = created + ${batch.counts.created}, updated = updated + ${batch.counts.updated},
      unchanged = unchanged + ${batch.counts.unchanged}, rejected = rejected + ${batch.counts.rejected},
      lease_until = now() + make_interval(secs => ${batch.leaseMs / 1000})
    where cpas_id = ${cpasId} and id = ${id}`.execute(tx);
}

/** The end of a job: completed (or failed, with why); the file is dropped, its hash stays. */
export async function finishJob(
  tx: Tx,
  cpasId: string,
  id: string,
  outcome: { status: 'completed' | 'failed'; totalRows: number | null; failure?: string },
): Promise<void> {
  await sql`
    update import_job set status = ${outcome.status}, total_rows = coalesce(${outcome.totalRows}::integer,
      total_rows), failure = ${outcome.failure ?? null},
      payload = null, lease_until = null, finished_at = now()
    where cpas_id = ${cpasId} and id = ${id}`.execute(tx);
}

export function verdictsQuery(
  tx: Tx,
  cpasId: string,
  importId: string,
  filter: { verdict?: ImportVerdict; afterRow: number; limit: number },
): CompiledQuery<Selectable<ImportRowTable>> {
  let q = tx
    .selectFrom('import_row')
    .selectAll()
    .where('cpas_id', '=', cpasId)
    .where('import_id', '=', importId)
    .where('row_number', '>', filter.afterRow);
  if (filter.verdict) q = q.where('verdict', '=', filter.verdict);
  return q.orderBy('row_number').limit(filter.limit).compile();
}

/** A job row as its GET answers it. */
export function toImport(row: JobRow): Import {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    dryRun: row.dry_run,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.created + row.updated + row.unchanged + row.rejected,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    fileSha256: row.payload_sha256,
    fileBytes: row.payload_bytes,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    failure: row.failure,
  };
}
