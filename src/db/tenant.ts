// The unit of work: one transaction bound to one CPAS. `begin` and the tenant binding travel in
// one round trip (driver/send.ts); the binding is `set_config('app.cpas_id', $1, true)`, local to
// the transaction, so a pooled connection never carries a tenant into the next request, whether
// this one commits, fails or is rolled back. Every value, the tenant's id included, is a bind
// parameter.
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { send } from './driver/send.js';
import { bindTenant, timeoutFor } from './driver/settings.js';
import type { DB } from './types.js';

/** The pseudo-tenant of platform-level actions (the CPAS registry): audit and idempotency rows. */
export const PLATFORM_TENANT = '00000000-0000-0000-0000-000000000000';

export interface UnitOfWorkOptions {
  /** overrides the connection's statement timeout (STATEMENT_TIMEOUT_MS) for this unit of work */
  readonly statementTimeoutMs?: number;
}

export type Tx = Kysely<DB>;

export { bindTenant } from './driver/settings.js';

const BEGIN = CompiledQuery.raw('begin');
const BEGIN_READ_ONLY = CompiledQuery.raw('begin read only');
const COMMIT = CompiledQuery.raw('commit');

/** The first statements of every unit of work: begin, bind the tenant, set the limits. */
export function beginStatements(cpasId: string, options: UnitOfWorkOptions = {}): CompiledQuery[] {
  return [BEGIN, bindTenant(cpasId), ...(options.statementTimeoutMs ? [timeoutFor(options.statementTimeoutMs)] : [])];
}

/** One read in a read-only transaction of its own, bound to its CPAS: its rows are those of statement 2. */
export function readSegment(cpasId: string, query: CompiledQuery): CompiledQuery[] {
  return [BEGIN_READ_ONLY, bindTenant(cpasId), query, COMMIT];
}

/** A read of one statement in one round trip (begin, binding, the read, commit): the rows it returns. */
export async function readInTenant<R>(database: Database, cpasId: string, query: CompiledQuery<R>): Promise<R[]> {
  return (await send(database.db, readSegment(cpasId, query)))[2]!.rows as R[];
}

/**
 * A read of a few records by key: like readInTenant, but on PostgreSQL it may travel with the
 * other reads by key of the same turn in one round trip, each in a read-only transaction of its
 * own (driver/read-batch.ts).
 */
export async function readByKeyInTenant<R>(database: Database, cpasId: string, query: CompiledQuery<R>): Promise<R[]> {
  if (!database.readByKey) return readInTenant(database, cpasId, query);
  return (await database.readByKey(readSegment(cpasId, query), 2)) as R[];
}

/** What a unit of work holds besides its connection. */
export interface Session {
  /** the rows of the statement sent with `begin` (options.first), none without one */
  readonly firstRows: Record<string, unknown>[];
  /**
   * Queues a write whose result nobody reads: it travels with the commit, in one message. A
   * failure there rolls the whole unit back, as any failure does.
   */
  defer(query: CompiledQuery): void;
}

/**
 * Runs work in one transaction bound to the CPAS. `first`, a statement sent with `begin` in the
 * same round trip (e.g. the read that locks what the work changes), and the deferred writes,
 * sent with `commit`, spare the round trips a unit of work would otherwise spend on them.
 */
export async function inTenant<T>(
  db: Kysely<DB>,
  cpasId: string,
  work: (tx: Tx, session: Session) => Promise<T>,
  options: UnitOfWorkOptions & { first?: CompiledQuery } = {},
): Promise<T> {
  if (openUnits.has(db)) return nestedUnit(db, cpasId, work, options);
  const begin = beginStatements(cpasId, options);
  return db.connection().execute(async (conn) => {
    const deferred: CompiledQuery[] = [];
    let result: T;
    try {
      const opened = await send(conn, options.first ? [...begin, options.first] : begin);
      openUnits.add(conn);
      result = await work(conn, {
        firstRows: options.first ? opened[opened.length - 1]!.rows : [],
        defer: (query) => void deferred.push(query),
      });
      await send(conn, [...deferred, COMMIT]);
    } catch (error) {
      await sql
        .raw('rollback')
        .execute(conn)
        .catch(() => {});
      throw error;
    } finally {
      openUnits.delete(conn);
    }
    return result;
  });
}

/** The connections of units of work in progress: a unit started on one of them nests. */
const openUnits = new WeakSet<Kysely<DB>>();
let savepoints = 0;

/**
 * A unit of work inside a transaction already open (a bulk import runs each row's unit inside its
 * batch's transaction): a savepoint instead of begin, released instead of commit, rolled back to
 * on failure — so a refused row undoes its own writes only. The tenant is bound again (a
 * unit may only nest in a unit of the same CPAS: the batch's binding would otherwise apply).
 */
async function nestedUnit<T>(
  tx: Tx,
  cpasId: string,
  work: (tx: Tx, session: Session) => Promise<T>,
  options: { first?: CompiledQuery },
): Promise<T> {
  const name = `unit_${++savepoints}`;
  await sql.raw(`savepoint ${name}`).execute(tx);
  try {
    await tx.executeQuery(bindTenant(cpasId));
    const firstRows = options.first ? ((await tx.executeQuery(options.first)).rows as Record<string, unknown>[]) : [];
    const deferred: CompiledQuery[] = [];
    const result = await work(tx, { firstRows, defer: (query) => void deferred.push(query) });
    for (const query of deferred) await tx.executeQuery(query);
    await sql.raw(`release savepoint ${name}`).execute(tx);
    return result;
  } catch (error) {
    await sql
      .raw(`rollback to savepoint ${name}; release savepoint ${name}`)
      .execute(tx)
      .catch(() => {});
    throw error;
  }
}
