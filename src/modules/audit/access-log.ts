// GDPR access logging — and the log of refused requests — that costs a read almost nothing: each read hands its entry (who, which
// records, when, which request) to this buffer and answers at once; every 100 ms the buffer is
// written as one multi-row insert per CPAS, in a transaction bound to that CPAS. Reads never
// wait for each other or for a write. An entry is readable within ~100 ms of the response; a
// crash of the process can lose at most the last interval's entries (SIGTERM flushes them).
// When the database is slow and the buffer passes its cap, reads wait for a flush (back-pressure)
// rather than entries being dropped.
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../../db/types.js';
import { inTenant } from '../../db/tenant.js';
import { uuidv7 } from '../../db/ids.js';

export interface AccessEntry {
  cpasId: string;
  actor: string;
  entity: string;
  entityIds: string[];
  requestId: string;
  /**
   * a read of records (the default); a download (CSV, XLSX, PDF, a stored file) with what was sent
   * as outcome; or a request refused with the problem code as outcome
   */
  action?: 'read' | 'export' | 'refused';
  outcome?: string;
}

export interface Pending {
  id: string;
  at: string;
  entry: AccessEntry;
}

/** The statement that writes a batch of one CPAS's entries (also what npm run bench replays). */
export function accessInsert(db: Kysely<DB>, cpasId: string, entries: readonly Pending[]) {
  return db
    .insertInto('audit_entry')
    .values(
      entries.map((p) => ({
        cpas_id: cpasId,
        id: p.id,
        at: p.at,
        actor: p.entry.actor,
        action: p.entry.action ?? 'read',
        entity: p.entry.entity,
        entity_id: p.entry.entityIds.length === 1 ? p.entry.entityIds[0]! : null,
        entity_ids: p.entry.entityIds.length > 1 ? p.entry.entityIds : null,
        request_id: p.entry.requestId,
        outcome: p.entry.outcome ?? 'ok',
      })),
    )
    .onConflict((oc) => oc.columns(['cpas_id', 'id']).doNothing());
}

export interface AccessLog {
  /** Records a read of these records; resolves at once unless the buffer is over its cap. */
  record(entry: AccessEntry): Promise<void>;
  /** Writes everything recorded so far; rejects when the database still refuses it after a few attempts. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

const FLUSH_ATTEMPTS = 3;

export function createAccessLog(
  db: Kysely<DB>,
  log: FastifyBaseLogger | null,
  options: { intervalMs?: number; maxPending?: number } = {},
): AccessLog {
  const intervalMs = options.intervalMs ?? 100;
  const maxPending = options.maxPending ?? 50_000;
  let buffer: Pending[] = [];
  let flushing: Promise<boolean> | null = null;

  /** Writes a batch, one transaction per CPAS; a CPAS whose insert failed keeps its entries for the next attempt. */
  async function writeBatch(batch: Pending[]): Promise<boolean> {
    const byCpas = new Map<string, Pending[]>();
    for (const p of batch) {
      const list = byCpas.get(p.entry.cpasId) ?? [];
      list.push(p);
      byCpas.set(p.entry.cpasId, list);
    }
    let written = true;
    for (const [cpasId, entries] of byCpas) {
      try {
        await inTenant(db, cpasId, async (tx) => {
          for (let i = 0; i < entries.length; i += 1000) {
            await accessInsert(tx, cpasId, entries.slice(i, i + 1000)).execute();
          }
        });
      } catch (error) {
        // ids are fixed, so a retry never duplicates
        buffer = entries.concat(buffer);
        written = false;
        log?.warn(
          { err: { message: (error as Error).message }, pending: buffer.length },
          'access log flush failed; retrying',
        );
      }
    }
    return written;
  }

  /** One pass: everything buffered now (after any pass in flight) is tried once; true when all was written. */
  function flushOnce(): Promise<boolean> {
    // Wait for the pass in flight, then look again: another caller waiting on the same pass may
    // have started the next one with our entries in it, and those are written only when it ends.
    if (flushing) return flushing.then(() => flushOnce());
    if (buffer.length === 0) return Promise.resolve(true);
    const batch = buffer;
    buffer = [];
    flushing = writeBatch(batch).finally(() => {
      flushing = null;
    });
    return flushing;
  }

  /** Resolves only once every entry recorded so far is written; a few retries, then a rejection. */
  async function flush(): Promise<void> {
    for (let attempt = 1; !(await flushOnce()); attempt += 1) {
      if (attempt === FLUSH_ATTEMPTS)
        throw new Error(`access log: ${buffer.length} entries not written after ${attempt} attempts`);
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }

  const timer = setInterval(() => void flushOnce(), intervalMs);
  timer.unref();

  return {
    async record(entry) {
      // a read that returned nothing read nothing; a download or a refusal is recorded with or without a record
      if (entry.entityIds.length === 0 && (entry.action ?? 'read') === 'read') return;
      buffer.push({ id: uuidv7(), at: new Date().toISOString(), entry });
      if (buffer.length > maxPending) await flushOnce();
    },
    flush,
    async stop() {
      clearInterval(timer);
      // at shutdown a failure is said loudly: these entries are lost with the process
      await flush().catch((error: Error) =>
        log?.error({ err: { message: error.message }, lost: buffer.length }, 'access log entries lost at shutdown'),
      );
    },
  };
}
