// GDPR access logging — and the log of refused requests. A read of personal records is answered
// only once its access entry is committed: a crash cannot leave a read answered without its
// entry, and these are records of vulnerable people. To keep that cheap the entries are
// group-committed: the entries recorded while a write is in flight (or in the same turn of the
// event loop) are written together, as one multi-row insert per CPAS in a transaction bound to
// that CPAS, so under load one commit serves many reads — a read waits at most for the write in
// flight and its own. An insert that fails is tried again a few times; if it still fails, the
// reads waiting for it fail with its error (they are not answered without their entries).
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../db/types.js';
import { inTenant } from '../db/tenant.js';
import { uuidv7 } from '../db/ids.js';

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
  /** Records a read of these records: resolves once the entry is committed, rejects if it cannot be. */
  record(entry: AccessEntry): Promise<void>;
  /** Resolves once every entry recorded so far is settled (committed or refused). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

interface Waiting {
  readonly pending: Pending;
  resolve(): void;
  reject(error: unknown): void;
}

const ATTEMPTS = 3;
const ROWS_PER_INSERT = 1000;

export function createAccessLog(db: Kysely<DB>, log: FastifyBaseLogger | null): AccessLog {
  let waiting: Waiting[] = [];
  let writing: Promise<void> | null = null;
  let scheduled = false;

  /** One CPAS's entries in one transaction, tried a few times (ids are fixed: a retry never duplicates). */
  async function writeCpas(cpasId: string, entries: Waiting[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await inTenant(db, cpasId, async (tx) => {
          for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
            const slice = entries.slice(i, i + ROWS_PER_INSERT).map((w) => w.pending);
            await accessInsert(tx, cpasId, slice).execute();
          }
        });
        for (const w of entries) w.resolve();
        return;
      } catch (error) {
        if (attempt < ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
          continue;
        }
        log?.error(
          { err: { message: (error as Error).message }, entries: entries.length },
          'access entries not written: their reads fail',
        );
        for (const w of entries) w.reject(error);
        return;
      }
    }
  }

  /** Writes what is waiting, one transaction per CPAS at once; what arrives meanwhile goes next. */
  function writeWaiting(): void {
    scheduled = false;
    const batch = waiting;
    waiting = [];
    const byCpas = new Map<string, Waiting[]>();
    for (const w of batch) {
      const list = byCpas.get(w.pending.entry.cpasId);
      if (list) list.push(w);
      else byCpas.set(w.pending.entry.cpasId, [w]);
    }
    writing = Promise.all([...byCpas].map(([cpasId, entries]) => writeCpas(cpasId, entries))).then(() => {
      writing = null;
      if (waiting.length > 0) schedule();
    });
  }

  function schedule(): void {
    if (writing || scheduled) return;
    scheduled = true;
    // after the poll phase: the entries of every request answered in this turn join the write
    setImmediate(writeWaiting);
  }

  async function flush(): Promise<void> {
    while (writing || scheduled || waiting.length > 0) {
      if (!writing && !scheduled) schedule();
      await (writing ?? new Promise((resolve) => setImmediate(resolve)));
    }
  }

  return {
    record(entry) {
      // a read that returned nothing read nothing; a download or a refusal is recorded with or without a record
      if (entry.entityIds.length === 0 && (entry.action ?? 'read') === 'read') return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ pending: { id: uuidv7(), at: new Date().toISOString(), entry }, resolve, reject });
        schedule();
      });
    },
    flush,
    stop: flush,
  };
}
