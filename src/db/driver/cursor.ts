// Streams the rows of a long read in batches through a server-side cursor (DECLARE … FETCH), on
// one connection held for the stream, in a read-only transaction: the server's memory holds one
// batch whatever the size of the result, and the reader pulls the next batch only when the
// client has taken the last (back-pressure). Works on PostgreSQL and on the embedded database
// (whose single connection the stream holds until it ends). Stopping early (a client that goes)
// rolls the transaction back and gives the connection back.
import { type CompiledQuery, CompiledQuery as Compiled, type Kysely, sql } from 'kysely';
import type { DB } from '../types.js';
import { send } from './send.js';
import { bindTenant, timeoutFor } from './settings.js';

export interface CursorOptions {
  /** rows per FETCH */
  batch?: number;
  /** statement timeout inside the stream's transaction, ms (0: none) */
  statementTimeoutMs?: number;
  /** the CPAS bound for row-level security (none: only the narrow owner functions answer) */
  cpasId?: string;
}

export function cursorBatches<R>(
  db: Kysely<DB>,
  query: CompiledQuery<R>,
  options: CursorOptions = {},
): AsyncIterable<R[]> {
  const batch = Math.max(1, Math.floor(options.batch ?? 5000));
  const timeout = Math.max(0, Math.floor(options.statementTimeoutMs ?? 0));
  return {
    async *[Symbol.asyncIterator]() {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let handOver!: (conn: Kysely<DB>) => void;
      const connection = new Promise<Kysely<DB>>((resolve) => (handOver = resolve));
      const held = db.connection().execute(async (conn) => {
        handOver(conn);
        await released;
      });
      // a failure to get a connection surfaces through `held`
      const conn = await Promise.race([
        connection,
        held.then(() => Promise.reject(new Error('cursor: no connection'))),
      ]);
      let open = false;
      try {
        // the query's values stay bind parameters: DECLARE takes them as its query would
        await send(conn, [
          Compiled.raw('begin read only'),
          timeoutFor(timeout),
          ...(options.cpasId ? [bindTenant(options.cpasId)] : []),
          Compiled.raw(`declare piis_stream no scroll cursor for ${query.sql}`, [...query.parameters]),
        ]);
        open = true;
        for (;;) {
          const { rows } = await sql.raw<R>(`fetch ${batch} from piis_stream`).execute(conn);
          if (rows.length === 0) break;
          yield rows;
          if (rows.length < batch) break;
        }
        open = false;
        await sql.raw('commit').execute(conn);
      } finally {
        if (open)
          await sql
            .raw('rollback')
            .execute(conn)
            .catch(() => {});
        release();
        await held.catch(() => {});
      }
    },
  };
}
