// One-statement reads (tenant.ts, Units.read) that arrive in the same turn of the event loop
// travel to PostgreSQL together, in one round trip (pipeline.ts). On a loaded server a turn brings
// several requests at once; sending their reads together costs one write and one wake-up of the
// database instead of one per read — on the machines measured, each of those costs as much as the
// read itself.
//
// Tenancy is kept read by read: each read runs in a read-only transaction of its own, which binds
// its CPAS for that transaction only (tenant.ts, readSegment) and ends with commit, so no binding
// reaches the next read. When a read fails, the server skips the rest up to the Sync: the reads
// before it have their rows, it fails with its own error, and the reads after it are sent again.
// A slow read makes the reads after it in its batch wait for it: what comes this way is a record,
// a file or a page (lists are paged); long reads stream through a cursor (cursor.ts, copy-out.ts).
import type { CompiledQuery } from 'kysely';
import type { PipelineError, StatementResult } from './pipeline.js';

/** Sends the statements on one connection in one round trip; a failure leaves the connection clean. */
export type Exchange = (statements: readonly CompiledQuery[]) => Promise<StatementResult[]>;

interface Pending {
  readonly statements: readonly CompiledQuery[];
  /** the statement of `statements` whose rows are the read's */
  readonly rowsAt: number;
  resolve(rows: Record<string, unknown>[]): void;
  reject(error: unknown): void;
}

export interface ReadBatcher {
  /** The rows of statement `rowsAt` of one read's statements (its transaction). */
  read(statements: readonly CompiledQuery[], rowsAt: number): Promise<Record<string, unknown>[]>;
}

export interface ReadBatchOptions {
  /** reads per round trip (default 16) */
  readonly maxBatch?: number;
  /**
   * Whether a failure came from a statement (the database answered with an error): only then do
   * the reads after it go again. A failure to reach the database fails every read at once.
   */
  readonly statementError?: (error: unknown) => boolean;
}

export function createReadBatcher(exchange: Exchange, options: ReadBatchOptions = {}): ReadBatcher {
  const maxBatch = options.maxBatch ?? 16;
  const statementError = options.statementError ?? (() => true);
  let pending: Pending[] = [];

  async function send(batch: Pending[]): Promise<void> {
    let results: StatementResult[];
    let failure: PipelineError | undefined;
    try {
      results = await exchange(batch.flatMap((p) => p.statements));
    } catch (error) {
      failure = error as PipelineError;
      if (!statementError(error)) return batch.forEach((p) => p.reject(error));
      results = failure.completed ?? [];
    }
    let start = 0;
    for (let i = 0; i < batch.length; i++) {
      const read = batch[i]!;
      const end = start + read.statements.length;
      if (results.length < end) {
        // this read failed (the reads before it were answered): the reads after it go again
        read.reject(failure ?? new Error('read-batch: fewer answers than statements'));
        if (i + 1 < batch.length) await send(batch.slice(i + 1));
        return;
      }
      read.resolve(results[start + read.rowsAt]!.rows);
      start = end;
    }
  }

  function flush(): void {
    const all = pending;
    pending = [];
    for (let i = 0; i < all.length; i += maxBatch) void send(all.slice(i, i + maxBatch));
  }

  return {
    read(statements, rowsAt) {
      return new Promise((resolve, reject) => {
        // after the poll phase: every request this turn read from its socket is in the batch
        if (pending.length === 0) setImmediate(flush);
        pending.push({ statements, rowsAt, resolve, reject });
      });
    },
  };
}
