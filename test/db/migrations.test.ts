// Migrations: several databases of one cluster migrate at the same time (the piis_app role is
// created once, safely), a second run applies nothing, and a failing migration is an error.
import t from 'tap';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type Kysely, sql } from 'kysely';
import * as lz4Migration from '../../migrations/20261209000000_subsidy_tally_lz4.js';
import { openPostgresAdmin } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { root } from '../helpers/root.js';

const serverUrl = process.env['TEST_DATABASE_URL'];

t.test(
  'when four databases migrate at once, then all succeed and a second run applies nothing',
  { skip: serverUrl ? false : 'needs a PostgreSQL cluster with several databases (runs in the PostgreSQL suite)' },
  async (t) => {
    const names = Array.from({ length: 4 }, () => `piis_mig_${randomBytes(5).toString('hex')}`);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const n of names) await admin.query(`create database ${n}`);
    t.teardown(async () => {
      for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
      await admin.end();
    });
    const urlOf = (n: string) => {
      const u = new URL(serverUrl!);
      u.pathname = `/${n}`;
      return u.toString();
    };
    const results = await Promise.all(
      names.map(async (n) => {
        const db = openPostgresAdmin(urlOf(n));
        try {
          return await migrateToLatest(db);
        } finally {
          await db.destroy();
        }
      }),
    );
    const files = fs.readdirSync(path.join(root, 'migrations')).filter((f) => /^\d{14}_.*\.ts$/.test(f));
    for (const r of results)
      t.same(
        r.map((m) => m.status),
        files.map(() => 'Success'),
        `each of the ${files.length} migrations applied`,
      );
    const db = openPostgresAdmin(urlOf(names[0]!));
    t.same(await migrateToLatest(db), [], 'nothing pending the second time');
    // PostgreSQL built with lz4 (Debian's is) stores the rendered file with it; PGlite keeps pglz
    const { rows } = await sql<{
      c: string;
    }>`select attcompression as c from pg_attribute where attrelid = 'piis'::regclass and attname = 'file_doc'`.execute(
      db,
    );
    t.equal(rows[0]?.c, 'l', 'the PIIS row keeps its rendered file compressed with lz4');
    const stored = await storedMonthsThroughLz4Migration(db);
    t.same(stored.before, { items: 'pglz', said: 'pglz' }, 'stored months written with pglz first');
    t.same(stored.after, { items: 'lz4', said: 'lz4' }, 'the stored months are rewritten with lz4');
    t.equal(stored.read, stored.written, 'and read back the same');
    await db.destroy();
  },
);

/** Months stored with pglz, then the lz4 migration run again: how they are stored before and after. */
async function storedMonthsThroughLz4Migration(db: Kysely<any>) {
  const written = JSON.stringify(
    Array.from({ length: 12 }, (_, i) => ({ month: i + 1, explanation: 'x '.repeat(200) })),
  );
  await sql`alter table subsidy_tally alter column items set compression pglz, alter column said set compression
    pglz`.execute(db);
  // the row alone: the foreign key to its person is not what is tested
  await sql`set session_replication_role = replica`.execute(db);
  await sql`insert into subsidy_tally values (gen_random_uuid(), 2025, gen_random_uuid(), ${written}, 12,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ${written}, 'fr')`.execute(db);
  await sql`set session_replication_role = default`.execute(db);
  const compression = async () =>
    (
      await sql<{
        items: string;
        said: string;
      }>`select pg_column_compression(items) as items, pg_column_compression(said) as said from subsidy_tally`.execute(
        db,
      )
    ).rows[0];
  const before = await compression();
  await lz4Migration.up(db);
  const after = await compression();
  const { rows } = await sql<{ said: string }>`select said from subsidy_tally`.execute(db);
  return { before, after, written, read: rows[0]?.said };
}

t.test('when the database cannot be reached, then migrating fails with an error', async (t) => {
  const db = openPostgresAdmin('postgres://nobody@127.0.0.1:1/nothing');
  await t.rejects(migrateToLatest(db), /migrating failed|ECONNREFUSED/);
  await db.destroy();
});
