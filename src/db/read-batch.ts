// Reads by key that arrive in the same turn of the event loop travel to PostgreSQL as one
// message. On a loaded server a turn brings several requests at once; sending their reads
// together costs one write and one wake-up of the database instead of one per read — on the
// machines measured, each of those costs as much as the read itself.
//
// Tenancy is kept read by read: each read runs in a read-only transaction of its own, which
// binds its CPAS with `set local` and ends with commit, so no binding reaches the next read of
// the message. The answer is checked statement by statement (begin, set, the read, commit, for
// every read) before any read is given rows; a message whose answer does not line up, or that
// fails, is sent again read by read, so a failing read fails alone and the others answer as if
// they had travelled alone. Only reads by key go this way (a few rows each): a slow search would
// make the reads of its message wait for it.
import { readOnlySegment } from './tenant.js';

/** One statement's answer: its command tag (BEGIN, SET, SELECT…) and rows. */
export interface StatementResult {
  command: string;
  rows: Record<string, unknown>[];
}

/** Sends one message of statements on a connection of its own; a failure leaves the connection clean. */
export type Exchange = (text: string) => Promise<StatementResult[]>;

interface Pending {
  cpasId: string;
  statement: string;
  resolve(rows: Record<string, unknown>[]): void;
  reject(error: unknown): void;
}

const segment = (p: Pending) => readOnlySegment(p.cpasId, p.statement);

/** Every read answered in its place: begin, set, the read, commit. */
function linedUp(results: StatementResult[], reads: number): boolean {
  if (results.length !== reads * 4) return false;
  for (let i = 0; i < reads; i++) {
    if (
      results[4 * i]!.command !== 'BEGIN' ||
      results[4 * i + 1]!.command !== 'SET' ||
      results[4 * i + 3]!.command !== 'COMMIT'
    )
      return false;
  }
  return true;
}

export interface ReadBatcher {
  /** The rows of one read statement, run with this CPAS bound. */
  read(cpasId: string, statement: string): Promise<Record<string, unknown>[]>;
}

export interface ReadBatchOptions {
  /** reads per message (default 16) */
  readonly maxBatch?: number;
  /**
   * Whether a failure came from a statement (the database answered with an error): only then are
   * the reads sent again one by one. A failure to reach the database fails every read at once.
   */
  readonly statementError?: (error: unknown) => boolean;
}

export function createReadBatcher(exchange: Exchange, options: ReadBatchOptions = {}): ReadBatcher {
  const maxBatch = options.maxBatch ?? 16;
  const statementError = options.statementError ?? (() => true);
  let pending: Pending[] = [];

  async function send(batch: Pending[]): Promise<void> {
    let results: StatementResult[] | null = null;
    try {
      results = await exchange(batch.map(segment).join(';\n'));
    } catch (error) {
      if (batch.length === 1 || !statementError(error)) return batch.forEach((p) => p.reject(error));
    }
    const answered = results;
    if (answered && linedUp(answered, batch.length)) {
      batch.forEach((p, i) => p.resolve(answered[4 * i + 2]!.rows));
      return;
    }
    if (batch.length === 1) return batch[0]!.reject(new Error('read-batch: the answer does not line up with the read'));
    // read by read: each answers or fails by itself
    await Promise.all(batch.map((p) => send([p])));
  }

  function flush(): void {
    const all = pending;
    pending = [];
    for (let i = 0; i < all.length; i += maxBatch) void send(all.slice(i, i + maxBatch));
  }

  return {
    read(cpasId, statement) {
      return new Promise((resolve, reject) => {
        // after the poll phase: every request this turn read from its socket is in the batch
        if (pending.length === 0) setImmediate(flush);
        pending.push({ cpasId, statement, resolve, reject });
      });
    },
  };
}
