// Units of work: how the tenant reaches a connection. A unit of work is one transaction bound to
// one CPAS with `set_config('app.cpas_id', $1, true)` — a bind parameter, local to the
// transaction — so a pooled connection never carries a tenant into the next request, whether
// this one commits, fails or is rolled back. Services ask for a unit (`unit`) or for one read
// (`read`); how the statements travel is decided here and in driver/, never above:
// - a unit's `begin` and binding are queued and travel with its first statement, the writes
//   queued with `queueWrite` with its next statement or its commit: one round trip each;
// - a read is begin read only, the binding, the select and commit in one round trip, shared on
//   PostgreSQL with the other reads of the same turn (driver/read-batch.ts);
// - inside an open unit (an import's batch) units nest as savepoints (`unitsWithin`).
import { CompiledQuery, type Kysely, sql } from 'kysely';
import { dropQueued, enqueue, send } from './driver/send.js';
import { bindTenant, timeoutFor } from './driver/settings.js';
import type { ReadBatcher } from './driver/read-batch.js';
import type { DB } from './types.js';

/** The pseudo-tenant of platform-level actions (the CPAS registry): audit and idempotency rows. */
export const PLATFORM_TENANT = '00000000-0000-0000-0000-000000000000';

export interface UnitOfWorkOptions {
  /** overrides the connection's statement timeout (STATEMENT_TIMEOUT_MS) for this unit of work */
  readonly statementTimeoutMs?: number;
}

/** A unit of work's handle: Kysely on the unit's connection, inside its transaction. */
export type Tx = Kysely<DB>;

/** What services and workers run their database work through. */
export interface Units {
  /** Runs work in one transaction bound to the CPAS: committed when it returns, rolled back when it throws. */
  unit<T>(cpasId: string, work: (tx: Tx) => Promise<T>, options?: UnitOfWorkOptions): Promise<T>;
  /** The rows of one statement read in a read-only transaction of its own, bound to the CPAS. */
  read<R>(cpasId: string, query: CompiledQuery<R>): Promise<R[]>;
}

export { bindTenant } from './driver/settings.js';

const BEGIN = CompiledQuery.raw('begin');
const BEGIN_READ_ONLY = CompiledQuery.raw('begin read only');
const COMMIT = CompiledQuery.raw('commit');

/** The first statements of every unit of work: begin, bind the tenant, set the limits. */
function beginStatements(cpasId: string, options: UnitOfWorkOptions = {}): CompiledQuery[] {
  return [BEGIN, bindTenant(cpasId), ...(options.statementTimeoutMs ? [timeoutFor(options.statementTimeoutMs)] : [])];
}

/** One read in a read-only transaction of its own, bound to its CPAS: its rows are those of statement 2. */
export function readSegment(cpasId: string, query: CompiledQuery): CompiledQuery[] {
  return [BEGIN_READ_ONLY, bindTenant(cpasId), query, COMMIT];
}

/** The connections of units of work in progress: only they may queue writes. */
const openUnits = new WeakSet<Tx>();

/** Units of work on a database's pool; reads share round trips through the batcher when there is one. */
export function poolUnits(db: Kysely<DB>, batcher?: ReadBatcher): Units {
  return {
    unit: (cpasId, work, options) => inTenant(db, cpasId, work, options),
    read: async <R>(cpasId: string, query: CompiledQuery<R>) => {
      const statements = readSegment(cpasId, query);
      if (batcher) return (await batcher.read(statements, 2)) as R[];
      return (await send(db, statements))[2]!.rows as R[];
    },
  };
}

/** Runs work in one transaction bound to the CPAS, on a connection of its own from the pool. */
export function inTenant<T>(
  db: Kysely<DB>,
  cpasId: string,
  work: (tx: Tx) => Promise<T>,
  options: UnitOfWorkOptions = {},
): Promise<T> {
  return db.connection().execute(async (tx) => {
    await enqueue(tx, beginStatements(cpasId, options));
    openUnits.add(tx);
    try {
      const result = await work(tx);
      await tx.executeQuery(COMMIT);
      return result;
    } catch (error) {
      // nothing was sent when begin is still queued: there is no transaction to roll back
      const unsent = await dropQueued(tx);
      if (unsent[0] !== BEGIN)
        await sql
          .raw('rollback')
          .execute(tx)
          .catch(() => {});
      throw error;
    } finally {
      openUnits.delete(tx);
    }
  });
}

/**
 * Queues a write whose answer the work does not read: it runs before the unit ends, in the round
 * trip of the unit's next statement or of its commit. A failure there fails the unit, as any
 * failure does.
 */
export async function queueWrite(tx: Tx, query: CompiledQuery): Promise<void> {
  if (!openUnits.has(tx)) throw new Error('queueWrite: not inside a unit of work');
  await enqueue(tx, [query]);
}

let savepoints = 0;

/**
 * Units inside a unit already open, of the same CPAS (a bulk import runs each row's unit inside
 * its batch's transaction): a savepoint instead of begin, released instead of commit, rolled back
 * to on failure — so a refused row undoes its own writes only. Reads run in the open transaction:
 * they see what it wrote.
 */
export function unitsWithin(tx: Tx, cpasId: string): Units {
  const sameTenant = (id: string) => {
    if (id !== cpasId) throw new Error('unitsWithin: a nested unit of another CPAS');
  };
  return {
    async unit(id, work) {
      sameTenant(id);
      const name = `unit_${++savepoints}`;
      const savepoint = CompiledQuery.raw(`savepoint ${name}`);
      await enqueue(tx, [savepoint]);
      try {
        const result = await work(tx);
        await sql.raw(`release savepoint ${name}`).execute(tx);
        return result;
      } catch (error) {
        // what the enclosing unit queued before the savepoint still belongs to it
        const unsent = await dropQueued(tx);
        const at = unsent.indexOf(savepoint);
        if (at >= 0) await enqueue(tx, unsent.slice(0, at));
        else {
          await sql
            .raw(`rollback to savepoint ${name}; release savepoint ${name}`)
            .execute(tx)
            .catch(() => {});
        }
        throw error;
      }
    },
    async read(id, query) {
      sameTenant(id);
      return (await tx.executeQuery(query)).rows;
    },
  };
}
