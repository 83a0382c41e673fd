// The unit of work: one transaction bound to one CPAS. `begin` and the tenant binding travel in
// one round trip; `set local` dies with the transaction, so a pooled connection never carries a
// tenant into the next request, whether this one commits, fails or is rolled back.
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { inlineParameters } from './one-round-trip.js';
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
    (options.statementTimeoutMs ? `; set local statement_timeout = ${Math.max(1, Math.floor(options.statementTimeoutMs))}` : '')
  );
}

/**
 * A read of one statement in one round trip (see one-round-trip.ts): the rows it returns.
 * Statements sent in one simple-protocol message run as one implicit transaction, so the tenant
 * bound with set_config(…, true) holds for the statement and vanishes with it — no begin or
 * commit needed, and a failure rolls back by itself.
 */
export async function readInTenant<R>(database: Database, cpasId: string, query: CompiledQuery<R>): Promise<R[]> {
  const results = await database.simpleQuery(`${bindStatement(cpasId)}; ${inlineParameters(query)}`);
  return (results[1] ?? []) as R[];
}

/** Binds the tenant for the rest of the current (possibly implicit) transaction. */
export function bindStatement(cpasId: string): string {
  if (!UUID.test(cpasId)) throw new Error('bindStatement: tenant id is not a UUID');
  return `select set_config('app.cpas_id', '${cpasId}', true)`;
}

export async function inTenant<T>(
  db: Kysely<DB>,
  cpasId: string,
  work: (tx: Tx) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  const begin = beginStatement(cpasId, options);
  return db.connection().execute(async (conn) => {
    await sql.raw(begin).execute(conn);
    let result: T;
    try {
      result = await work(conn);
    } catch (error) {
      await sql.raw('rollback').execute(conn).catch(() => {});
      throw error;
    }
    await sql.raw('commit').execute(conn);
    return result;
  });
}
