// Opens the database the service runs on: a pg Pool when DATABASE_URL is set, otherwise the
// embedded PGlite database under DATA_DIR. Either way every connection used for requests runs as
// the role piis_app (row-level security applies) in UTC, and values come back identically typed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from './driver/embedded.js';
import { PostgresPipelineDialect } from './driver/postgres.js';
import { createReadBatcher } from './driver/read-batch.js';
import { send } from './driver/send.js';
import type { DB } from './types.js';
import { poolUnits, type Units } from './tenant.js';
import { toIntArray } from './int-array.js';
import { migrateToLatest } from './migrate.js';
import { rawRows, type CopyPool, type RawRow } from './driver/copy-out.js';
import { cursorBatches } from './driver/cursor.js';

export type { RawRow } from './driver/copy-out.js';

/** Long reads, streamed in batches: memory holds one batch whatever the size of the result. */
export interface Streams {
  /**
   * The rows through a cursor in a read-only transaction of their own, the CPAS bound (null: none,
   * only the owner functions answer), without a statement timeout: it lasts as long as the reader.
   */
  stream<R>(cpasId: string | null, query: CompiledQuery<R>, options?: { batch?: number }): AsyncIterable<R[]>;
  /** The rows with each field as bytes (copy-out.ts: COPY on PostgreSQL, a cursor on the embedded database). */
  streamBytes(cpasId: string, query: CompiledQuery, options?: { batch?: number }): AsyncIterable<RawRow[]>;
}

function streamsOn(db: Kysely<DB>, copyPool?: CopyPool): Streams {
  return {
    stream: (cpasId, query, options = {}) =>
      cursorBatches(db, query, { ...(cpasId ? { cpasId } : {}), batch: options.batch, statementTimeoutMs: 0 }),
    streamBytes: (cpasId, query, options = {}) =>
      rawRows({ db, ...(copyPool ? { copyPool } : {}) }, query, { cpasId, ...options }),
  };
}

export interface Database extends Units, Streams {
  readonly kind: 'postgres' | 'embedded';
  /** builds queries; runs those of no tenant (the registry, the owner functions) */
  readonly db: Kysely<DB>;
  /** true when the database answers a trivial query */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

// One set of parsers for both drivers (architecture: "set pg type parsers once").
// int8 and numeric → number (cents and counts stay far below 2^53); date → 'YYYY-MM-DD' as
// stored; timestamptz → RFC 3339 UTC string.
const toNumber = (v: string) => Number(v);
// PostgreSQL prints '2026-03-02 10:00:00.123456+00' (offset maybe +05:30): normalise it to
// what Date parses, keeping milliseconds.
const INSTANT = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?(?::?\d{2})?)$/;
// The common case, an instant in UTC (the connection's time zone, or json's rendering of it):
// rewritten by slicing, without a Date — every instant of every row goes through here.
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|\+00(?::?00)?)$/;
export function toIsoInstant(v: string): string {
  if (UTC_INSTANT.test(v)) {
    const zone = v.endsWith('Z') ? 1 : v.endsWith('00:00') ? 6 : v.endsWith('0000') ? 5 : 3;
    const fraction = v[19] === '.' ? `${v.slice(20, v.length - zone)}00`.slice(0, 3) : '000';
    return `${v.slice(0, 10)}T${v.slice(11, 19)}.${fraction}Z`;
  }
  const m = INSTANT.exec(v);
  if (!m) return v; // 'infinity' and the like pass through unchanged
  const fraction = (m[3] ?? '.000').slice(0, 4).padEnd(4, '0');
  let offset = m[4]!;
  if (offset !== 'Z') {
    const digits = offset.slice(1).replace(/:/g, '');
    offset = `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
  }
  return new Date(`${m[1]}T${m[2]}${fraction}${offset}`).toISOString();
}
const identity = (v: string) => v;
export const typeParsers: Record<number, (v: string) => unknown> = {
  20: toNumber, // int8
  1700: toNumber, // numeric
  1082: identity, // date
  1114: (v) => toIsoInstant(v + 'Z'), // timestamp without zone: UTC by the session setting
  1184: toIsoInstant, // timestamptz
  1007: toIntArray, // int4[]
};
for (const [oid, parse] of Object.entries(typeParsers)) {
  pg.types.setTypeParser(Number(oid), parse);
}

const APP_ROLE = 'piis_app';
const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

export async function openPostgres(
  url: string,
  options: { poolSize?: number; statementTimeoutMs?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Every connection runs as piis_app from its first statement (a startup parameter, the same
    // as SET ROLE): row-level security applies even when the login role owns the tables.
    // A statement running longer is cancelled (the request answers 504 and writes nothing).
    options:
      `-c role=${APP_ROLE} -c TimeZone=UTC -c ` +
      `statement_timeout=${Math.floor(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)}`,
    // waiting longer than this for a free connection answers 503 (the database is overloaded)
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // A broken idle connection must not crash the process; the pool replaces it. A connection that
  // breaks while being closed (the database dropped or restarted meanwhile) is ignored too.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresPipelineDialect(pool) });
  const batcher = createReadBatcher((statements) => send(db, statements), {
    statementError: (error) => error instanceof pg.DatabaseError,
  });
  return {
    kind: 'postgres',
    db,
    ...poolUnits(db, batcher),
    ...streamsOn(db, pool),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Owner connection for migrations and admin tools (no SET ROLE). */
export function openPostgresAdmin(url: string): Kysely<any> {
  const pool = new pg.Pool({ connectionString: url, max: 2, options: '-c TimeZone=UTC' });
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
}

/** The migrated embedded database built during npm install (dist/, never committed). */
export const embeddedTemplatePath = fileURLToPath(new URL('../pglite-template.tar.gz', import.meta.url));

/**
 * Opens (creating if needed) the embedded database in dataDir. A new data directory starts from
 * the install-time template when there is one: much faster than initialising it.
 */
export async function openEmbeddedDirectory(dataDir: string): Promise<PGlite> {
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const template =
    fresh && fs.existsSync(embeddedTemplatePath) ? new Blob([fs.readFileSync(embeddedTemplatePath)]) : undefined;
  return createPGlite(dataDir, template);
}

export async function createPGlite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: typeParsers,
  });
}

/**
 * The embedded database: migrations run as its superuser, then the single connection switches to
 * piis_app for good (PGlite's superuser would otherwise bypass row-level security).
 */
export async function openEmbedded(
  pglite: PGlite,
  options: { migrate?: boolean; statementTimeoutMs?: number } = {},
): Promise<Database> {
  await pglite.exec(`set timezone = 'UTC'`);
  if (options.migrate !== false) {
    await migrateToLatest(new Kysely<any>({ dialect: new PGliteDialect(pglite) }));
  }
  await pglite.exec(
    `set role ${APP_ROLE}; set statement_timeout = ` +
      `${Math.floor(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)}`,
  );
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'embedded',
    db,
    ...poolUnits(db),
    ...streamsOn(db),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
