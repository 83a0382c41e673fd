// Long reads as bytes. A read of tens of megabytes (the largest CPAS's subsidy months: 54 MB of
// JSON) costs the server far more in node-postgres's row decoding than in PostgreSQL: every
// field becomes a JS string held until its batch is done, and the garbage collector spends half
// the time moving them (measured in docs/benchmarks.md). On PostgreSQL the rows come instead
// through COPY (query) TO STDOUT in binary format (pg-copy-streams): each field arrives as the
// bytes PostgreSQL sent, which a JSON answer passes on untouched and an export decodes one row
// at a time. The embedded database has no COPY to a client stream: there the same rows come from
// a cursor (cursor.ts) and are turned into bytes, which costs little at its sizes.
//
// COPY takes no bind parameters, and no value is ever spliced into SQL text: each parameter is
// set with set_config($n) in the stream's transaction and the statement reads it back with
// current_setting, cast to the type the query names (every parameter must be cast: `${year}::int`).
import { type CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { cursorBatches } from './cursor.js';
import type { DB } from '../types.js';

/** A row's fields in the order of the select list: each the text of its value as UTF-8 bytes, or null. */
export type RawRow = ReadonlyArray<Buffer | null>;

/** A PostgreSQL connection pool that can stream a COPY (database.ts gives it on PostgreSQL only). */
export interface CopyPool {
  connect(): Promise<pg.PoolClient>;
}

export interface RawRowsOptions {
  /** the CPAS bound for row-level security */
  cpasId: string;
  /** rows per batch on the embedded database's cursor */
  batch?: number;
}

/** The statement's rows in batches, each field as bytes; every column must be selected as text. */
export function rawRows(
  database: { readonly db: Kysely<DB>; readonly copyPool?: CopyPool },
  query: CompiledQuery,
  options: RawRowsOptions,
): AsyncIterable<RawRow[]> {
  // PostgreSQL streams bytes through COPY; the embedded database has no COPY to a client
  return database.copyPool
    ? copiedRows(database.copyPool, query, options.cpasId)
    : cursorRows(database.db, query, options);
}

async function* cursorRows(db: Kysely<DB>, query: CompiledQuery, options: RawRowsOptions): AsyncIterable<RawRow[]> {
  for await (const batch of cursorBatches<Record<string, unknown>>(db, query, {
    cpasId: options.cpasId,
    batch: options.batch ?? 2000,
    statementTimeoutMs: 0,
  })) {
    yield batch.map((row) =>
      Object.values(row).map((v) => (v === null || v === undefined ? null : Buffer.from(String(v), 'utf8'))),
    );
  }
}

const PARAMETER = /\$(\d+)(::)?/g;

/**
 * The COPY statement for a compiled query: each `$n::type` read back from the setting the stream
 * sets to its value. A parameter without a cast is a programming error (its type would be text).
 */
export function copyStatement(query: CompiledQuery): string {
  const text = query.sql.replace(PARAMETER, (_, n: string, cast: string | undefined) => {
    if (!cast) throw new Error(`copyStatement: parameter $${n} has no cast`);
    return `current_setting('piis_copy.p${n}')::`;
  });
  return `copy (${text}) to stdout (format binary)`;
}

/** set_config of the tenant, a timeout of none and each parameter, all bind parameters. */
function settingsStatement(query: CompiledQuery, cpasId: string): { text: string; values: unknown[] } {
  const values: unknown[] = [
    cpasId,
    ...query.parameters.map((value) => {
      if (value === null || value === undefined || typeof value === 'object')
        throw new Error('copyStatement: parameters are scalar values');
      return String(value);
    }),
  ];
  const settings = ["set_config('app.cpas_id', $1, true)", "set_config('statement_timeout', '0', true)"];
  query.parameters.forEach((_, i) => settings.push(`set_config('piis_copy.p${i + 1}', $${i + 2}, true)`));
  return { text: `select ${settings.join(', ')}`, values };
}

async function* copiedRows(pool: CopyPool, query: CompiledQuery, cpasId: string): AsyncIterable<RawRow[]> {
  const statement = copyStatement(query);
  const settings = settingsStatement(query, cpasId);
  const client = await pool.connect();
  let copying = false;
  let broken: Error | undefined;
  try {
    await client.query('begin read only');
    await client.query(settings.text, settings.values);
    copying = true;
    const stream = client.query(copyTo(statement));
    const parser = new BinaryCopyParser();
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const rows = parser.push(chunk);
      if (rows.length > 0) yield rows;
    }
    parser.end();
    copying = false;
    await client.query('commit');
  } catch (error) {
    broken = error as Error;
    throw error;
  } finally {
    // A COPY left before its end (the client went) still has rows on the way that the connection
    // would have to read before anything else: the connection is closed instead, which ends the
    // statement on the server. A failure before the COPY rolls the transaction back.
    if (copying) broken ??= new Error('copy-out: stream left before its end');
    else if (broken)
      await client.query('rollback').then(
        () => (broken = undefined),
        () => {},
      );
    client.release(broken);
  }
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * PostgreSQL's binary COPY format: a header (signature, flags, extension), then per row a 16-bit
 * field count and per field a 32-bit length (-1 for null) and its bytes; a count of -1 ends it.
 * Rows may straddle chunks: what is left of one is kept for the next.
 */
export class BinaryCopyParser {
  private rest: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private ended = false;

  push(chunk: Buffer): RawRow[] {
    const buffer = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    let at = 0;
    if (!this.headerRead) {
      const fixed = SIGNATURE.length + 8;
      if (buffer.length < fixed) return this.keep(buffer, 0, []);
      if (!buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('binary copy: not a PGCOPY stream');
      at = fixed + buffer.readInt32BE(SIGNATURE.length + 4);
      if (buffer.length < at) return this.keep(buffer, 0, []);
      this.headerRead = true;
    }
    const rows: RawRow[] = [];
    while (!this.ended && at + 2 <= buffer.length) {
      const count = buffer.readInt16BE(at);
      if (count === -1) {
        this.ended = true;
        at += 2;
        break;
      }
      const row = this.row(buffer, at + 2, count);
      if (!row) break;
      rows.push(row.fields);
      at = row.next;
    }
    return this.keep(buffer, at, rows);
  }

  /** Checks that the stream ended where the format says it does. */
  end(): void {
    if (!this.ended || this.rest.length > 0) throw new Error('binary copy: the stream ended inside a row');
  }

  private row(buffer: Buffer, start: number, count: number): { fields: Array<Buffer | null>; next: number } | null {
    const fields: Array<Buffer | null> = new Array(count);
    let at = start;
    for (let i = 0; i < count; i++) {
      if (at + 4 > buffer.length) return null;
      const length = buffer.readInt32BE(at);
      at += 4;
      if (length === -1) {
        fields[i] = null;
        continue;
      }
      if (at + length > buffer.length) return null;
      fields[i] = buffer.subarray(at, at + length);
      at += length;
    }
    return { fields, next: at };
  }

  private keep(buffer: Buffer, at: number, rows: RawRow[]): RawRow[] {
    // the fields of the rows returned still point into `buffer`: what is kept is copied
    this.rest = at >= buffer.length ? Buffer.alloc(0) : Buffer.from(buffer.subarray(at));
    return rows;
  }
}
