// The one call above the drivers that is not Kysely's own: several statements sent together on
// one connection, answered in order. On PostgreSQL they travel in one round trip (pipeline.ts);
// on the embedded database, which has no network to cross, one after the other. Either way the
// first failure fails the call and the statements after it do not run.
import type { CompiledQuery, Kysely } from 'kysely';
import type { StatementResult } from './pipeline.js';

export type { StatementResult } from './pipeline.js';

/** A connection of one of our drivers (postgres.ts, embedded.ts). */
export interface StatementSender {
  send(statements: readonly CompiledQuery[]): Promise<StatementResult[]>;
}

/**
 * Sends the statements on the connection `db` is bound to (a unit of work's), or on one taken
 * from the pool for the call (the pool's Kysely).
 */
export function send<DB>(db: Kysely<DB>, statements: readonly CompiledQuery[]): Promise<StatementResult[]> {
  return db
    .getExecutor()
    .provideConnection((connection) => (connection as unknown as StatementSender).send(statements));
}
