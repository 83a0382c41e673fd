// Units of work as services use them. writeUnit wraps a change with its idempotency record in the
// same transaction; readPersonal and readUnit read, and log the access through the access log.
import { type CompiledQuery, sql } from 'kysely';
import { queueWrite, type Tx } from '../db/tenant.js';
import type { RequestContext, Outcome } from './context.js';
import { AppError } from './problem.js';
import { msg } from '../i18n/catalogue.js';

const IDEMPOTENCY_TTL = '24 hours';

export class Replay {
  constructor(readonly outcome: Outcome) {}
}

/**
 * Runs a change in one transaction bound to the caller's CPAS. With an Idempotency-Key the key is
 * claimed by a transaction-scoped advisory lock (a concurrent duplicate gets 409 in flight), a
 * stored answer is replayed, and the new answer is stored in the same transaction as the change —
 * so a change and its key commit or vanish together.
 */
export async function writeUnit<B>(ctx: RequestContext, work: (tx: Tx) => Promise<Outcome<B>>): Promise<Outcome<B>> {
  const idem = ctx.idempotency;
  const result = await ctx.database.unit(ctx.cpasId, async (tx) => {
    if (!idem) return work(tx);
    const lockKey = JSON.stringify([ctx.cpasId, ctx.actor, idem.key]);
    const { rows } = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtextextended(${lockKey}, 7)) as locked`.execute(tx);
    if (!rows[0]?.locked) {
      throw new AppError('idempotency-key-in-flight', msg('conflict.idempotency-in-flight'));
    }
    const previous = await tx
      .selectFrom('idempotency_key')
      .select(['request_hash', 'status_code', 'response', 'expires_at'])
      .where('cpas_id', '=', ctx.cpasId)
      .where('principal', '=', ctx.actor)
      .where('key', '=', idem.key)
      .executeTakeFirst();
    if (previous && Date.parse(previous.expires_at) > Date.now()) {
      if (previous.request_hash !== idem.requestHash) {
        throw new AppError('idempotency-key-reused', msg('conflict.idempotency-reused'));
      }
      return new Replay({
        status: previous.status_code,
        body: previous.response.body,
        headers: previous.response.headers,
      });
    }
    if (previous) {
      await tx
        .deleteFrom('idempotency_key')
        .where('cpas_id', '=', ctx.cpasId)
        .where('principal', '=', ctx.actor)
        .where('key', '=', idem.key)
        .execute();
    }
    const outcome = await work(tx);
    const stored = tx
      .insertInto('idempotency_key')
      .values({
        cpas_id: ctx.cpasId,
        principal: ctx.actor,
        key: idem.key,
        request_hash: idem.requestHash,
        status_code: outcome.status,
        response: JSON.stringify({ headers: outcome.headers, body: outcome.body }),
        expires_at: sql<string>`now() + ${IDEMPOTENCY_TTL}::interval` as unknown as string,
      })
      .compile();
    await queueWrite(tx, stored);
    return outcome;
  });
  if (result instanceof Replay) {
    return { ...(result.outcome as Outcome<B>), headers: { ...result.outcome.headers, 'idempotent-replayed': 'true' } };
  }
  return result;
}

/**
 * A read of personal records: one statement in a read-only transaction of its own (Units.read),
 * and one access-log entry naming every record returned, committed before the rows are given.
 */
export async function readPersonal<R extends { id: string }>(
  ctx: RequestContext,
  entity: string,
  query: CompiledQuery<R>,
): Promise<R[]> {
  const rows = await ctx.database.read(ctx.cpasId, query);
  await recordAccess(ctx, entity, rows);
  return rows;
}

/** The GDPR access entry of a read: who read which records, in which request. */
export function recordAccess(ctx: RequestContext, entity: string, rows: ReadonlyArray<{ id: string }>): Promise<void> {
  return ctx.accessLog.record({
    cpasId: ctx.cpasId,
    actor: ctx.actor,
    entity,
    entityIds: rows.map((r) => r.id),
    requestId: ctx.requestId,
  });
}

/**
 * The access entry of a download (CSV, XLSX, PDF, a stored file): an export naming the records it
 * carried, with what was sent as outcome (`csv; rows=120`, `pdf; version=2; lang=nl; bytes=48211`).
 */
export function recordExport(
  ctx: RequestContext,
  entity: string,
  ids: readonly string[],
  outcome: string,
): Promise<void> {
  return ctx.accessLog.record({
    cpasId: ctx.cpasId,
    actor: ctx.actor,
    entity,
    entityIds: [...ids],
    requestId: ctx.requestId,
    action: 'export',
    outcome,
  });
}

/** A read in one transaction bound to the caller's CPAS (no writes: access entries go through recordAccess). */
export function readUnit<T>(ctx: RequestContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.database.unit(ctx.cpasId, work);
}
