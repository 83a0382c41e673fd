// The calls above the drivers that are not Kysely's own: several statements sent together on one
// connection, answered in order, and statements queued to travel with the next one. On
// PostgreSQL statements sent together travel in one round trip (pipeline.ts); on the embedded
// database, which has no network to cross, one after the other. Either way the first failure
// fails the call and the statements after it do not run.
import type { CompiledQuery, Kysely } from 'kysely';
import type { StatementResult } from './pipeline.js';

export type { StatementResult } from './pipeline.js';

/** A connection of one of our drivers (postgres.ts, embedded.ts). */
export interface StatementSender {
  /** sends the queued statements, then these; answers these */
  send(statements: readonly CompiledQuery[]): Promise<StatementResult[]>;
  /** statements whose answers nobody reads, sent ahead of the connection's next statement */
  queued: CompiledQuery[];
}

function onConnection<DB, T>(db: Kysely<DB>, use: (connection: StatementSender) => Promise<T>): Promise<T> {
  return db.getExecutor().provideConnection((connection) => use(connection as unknown as StatementSender));
}

/**
 * Sends the statements on the connection `db` is bound to (a unit of work's), or on one taken
 * from the pool for the call (the pool's Kysely).
 */
export function send<DB>(db: Kysely<DB>, statements: readonly CompiledQuery[]): Promise<StatementResult[]> {
  return onConnection(db, (connection) => connection.send(statements));
}

/**
 * Queues statements on the connection `db` is bound to: they go ahead of its next statement, in
 * the same round trip, and a failure among them fails that statement. Only for a connection held
 * by a unit of work (tenant.ts), which always sends a last statement.
 */
export function enqueue<DB>(db: Kysely<DB>, statements: readonly CompiledQuery[]): Promise<void> {
  return onConnection(db, async (connection) => void connection.queued.push(...statements));
}

/** Drops what is queued on the connection `db` is bound to (a unit that fails); returns it. */
export function dropQueued<DB>(db: Kysely<DB>): Promise<CompiledQuery[]> {
  return onConnection(db, async (connection) => connection.queued.splice(0));
}
