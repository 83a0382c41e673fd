// One database per test file. On PostgreSQL (TEST_DATABASE_URL) it is cloned from the migrated
// template the test runner prepared; on the embedded database it is loaded from the runner's
// dumped template. No data is shared between files.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPGlite, openEmbedded, openPostgres, type Database } from '../../src/db/database.js';

export const onPostgres = !!process.env['TEST_DATABASE_URL'];

export interface TestDatabase {
  database: Database;
  /** runs SQL as the owner of the tables (tests that inspect or tamper with what the app cannot) */
  owner<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** the connection string of this file's own database (PostgreSQL only) */
  url: string | null;
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(
  options: { poolSize?: number; statementTimeoutMs?: number } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (serverUrl) {
    const template = process.env['PIIS_TEST_TEMPLATE'];
    if (!template) throw new Error('PIIS_TEST_TEMPLATE is not set: run the tests with npm test');
    const name = `piis_t_${randomBytes(6).toString('hex')}`;
    const maintenance = new pg.Client({ connectionString: serverUrl });
    await maintenance.connect();
    await maintenance.query(`create database ${name} template ${template}`);
    await maintenance.end();
    const url = withDatabase(serverUrl, name);
    const database = await openPostgres(url, {
      poolSize: options.poolSize ?? 10,
      statementTimeoutMs: options.statementTimeoutMs,
    });
    const adminPool = new pg.Pool({ connectionString: url, max: 2, options: '-c TimeZone=UTC' });
    // The drop below ends with (force): a connection still closing then receives "terminating
    // connection" (seen on Node 24, whose sockets close later); it is being torn down anyway.
    const ignore = () => {};
    adminPool.on('error', ignore);
    adminPool.on('connect', (client) => client.on('error', ignore));
    return {
      database,
      url,
      async owner<R>(text: string, params: unknown[] = []) {
        return (await adminPool.query(text, params)).rows as R[];
      },
      async close() {
        await database.close();
        await adminPool.end().catch(ignore);
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const templateFile = process.env['PIIS_TEST_PGLITE_TEMPLATE'];
  if (!templateFile) throw new Error('PIIS_TEST_PGLITE_TEMPLATE is not set: run the tests with npm test');
  const pglite = await createPGlite(null, new Blob([fs.readFileSync(templateFile)]));
  const database = await openEmbedded(pglite, { migrate: false, statementTimeoutMs: options.statementTimeoutMs });
  return {
    database,
    url: null,
    // One connection, switched to piis_app: reset the role for the owner's statement, then
    // switch back. Tests call this when no request is in flight.
    async owner<R>(text: string, params: unknown[] = []) {
      await pglite.exec('reset role');
      try {
        return (await pglite.query<R>(text, params)).rows;
      } finally {
        await pglite.exec('set role piis_app');
      }
    },
    async close() {
      await database.close();
    },
  };
}
