// The unit of work: one transaction bound to one CPAS. `begin` and the tenant binding travel in
// one round trip; `set local` dies with the transaction, so a pooled connection never carries a
// tenant into the next request, whether this one commits, fails or is rolled back.
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { inlineParameters } from './one-round-trip.js';
import { messageQuery } from './prepared.js';
import type { DB } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The pseudo-tenant of platform-level actions (the CPAS registry): audit and idempotency rows. */
export const PLATFORM_TENANT = '00000000-0000-0000-0000-000000000000';

export interface UnitOfWorkOptions {
  /** overrides the connection's statement timeout (STATEMENT_TIMEOUT_MS) for this unit of work */
  readonly statementTimeoutMs?: number;
}

export type Tx = Kysely<DB>;

/** The first round trip of every unit of work: begin, bind the tenant, set the limits. */
export function beginStatement(cpasId: string, options: UnitOfWorkOptions = {}): string {
  // The id is inlined into the statement (parameters would force a second round trip): accept
  // nothing but a canonical UUID.
  if (!UUID.test(cpasId)) throw new Error('inTenant: tenant id is not a UUID');
  return (
    `begin; set local app.cpas_id = '${cpasId}'` +
    (options.statementTimeoutMs
      ? `; set local statement_timeout = ${Math.max(1, Math.floor(options.statementTimeoutMs))}`
      : '')
  );
}

/**
 * A read of one statement in one round trip (see one-round-trip.ts): the rows it returns.
 * Statements sent in one simple-protocol message run as one implicit transaction, so the tenant
 * bound with `set local` holds for the statement and vanishes with it — no begin or
 * commit needed, and a failure rolls back by itself.
 */
export async function readInTenant<R>(database: Database, cpasId: string, query: CompiledQuery<R>): Promise<R[]> {
  const results = await database.simpleQuery(`${bindStatement(cpasId)}; ${inlineParameters(query)}`);
  return (results[1] ?? []) as R[];
}

/**
 * A read of a few records by key: like readInTenant, but on PostgreSQL it may travel with the
 * other reads by key of the same turn in one message, each in a read-only transaction of its own
 * (read-batch.ts).
 */
export async function readByKeyInTenant<R>(database: Database, cpasId: string, query: CompiledQuery<R>): Promise<R[]> {
  if (!UUID.test(cpasId)) throw new Error('readByKeyInTenant: tenant id is not a UUID');
  const statement = inlineParameters(query);
  if (database.readByKey) return (await database.readByKey(cpasId, statement)) as R[];
  // alone, in the same read-only transaction a batch would give it
  return ((await database.simpleQuery(readOnlySegment(cpasId, statement)))[2] ?? []) as R[];
}

/** One read in a read-only transaction of its own, bound to its CPAS (begin, set, the read, commit). */
export function readOnlySegment(cpasId: string, statement: string): string {
  return `begin read only; ${bindStatement(cpasId)}; ${statement}; commit`;
}

/**
 * Binds the tenant for the rest of the current transaction — also the implicit one of a message
 * of several statements, which `set local` counts as a transaction block. A command rather than a
 * select: it answers no row, so the read's message carries one result set, not two.
 */
export function bindStatement(cpasId: string): string {
  if (!UUID.test(cpasId)) throw new Error('bindStatement: tenant id is not a UUID');
  return `set local app.cpas_id = '${cpasId}'`;
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
  const begin = beginStatement(cpasId, options);
  return db.connection().execute(async (conn) => {
    const deferred: CompiledQuery[] = [];
    let result: T;
    try {
      // the messages are rendered by the driver for this connection: statements it has prepared
      // run by name, the others with their values inlined (prepared.ts)
      const opened = await conn.executeQuery(messageQuery(options.first ? [begin, options.first] : [begin]));
      openUnits.add(conn);
      result = await work(conn, {
        firstRows: options.first ? opened.rows : [],
        defer: (query) => void deferred.push(query),
      });
      await conn.executeQuery(messageQuery([...deferred, 'commit']));
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
  await sql.raw(`savepoint ${name}; ${bindStatement(cpasId)}`).execute(tx);
  try {
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
