// npm run db:dump: an embedded database, populated through the API, dumped as SQL and loaded with
// psql into an empty PostgreSQL database (this machine's 15) — then the service runs on it with
// row-level security intact, the data readable, and the audit chain still verifying.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createPGlite, openEmbedded, openPostgres } from '../../src/db/database.js';
import { dumpDatabase } from '../../src/db/dump.js';
import { sealAudit } from '../../src/modules/audit/audit.sealer.js';
import { verifyAudit } from '../../src/modules/audit/audit.verify.js';
import { AUDIENCE, ISSUER, createTestKeys } from '../helpers/keys.js';
import { validKbo } from '../helpers/identifiers.js';
import { root } from '../helpers/root.js';

const serverUrl = process.env['TEST_DATABASE_URL'];
const psql = spawnSync('psql', ['--version']).status === 0;

t.test(
  'when the embedded database is dumped and loaded into PostgreSQL, then the service works on it unchanged',
  {
    skip:
      serverUrl && psql
        ? false
        : 'needs a PostgreSQL server and psql (TEST_DATABASE_URL): runs in the PostgreSQL suite',
    timeout: 120_000,
  },
  async (t) => {
    const keys = await createTestKeys();
    const env = {
      AUTH_DEV: 'false',
      AUTH_JWKS_FILE: keys.jwksFile,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      PSEUDONYM_KEY: 'k'.repeat(32),
      LOG_LEVEL: 'silent',
    };
    const pglite = await createPGlite(null);
    const embedded = await openEmbedded(pglite);
    const app = await buildApp({ config: loadConfig(env), database: embedded, logger: false, sealAudit: false });
    const admin = await keys.token({ roles: ['platform_admin'] });
    const kbo = validKbo();
    const cpas = await app.inject({
      method: 'POST',
      url: '/v1/cpas',
      headers: { authorization: `Bearer ${admin}` },
      payload: { kboNumber: kbo, name: { fr: 'A', nl: 'A', de: 'A' }, language: 'fr', nisCodes: ['21001'] },
    });
    t.equal(cpas.statusCode, 201);
    const token = await keys.token({ roles: ['social_worker'], cpas: kbo });
    const headers = { authorization: `Bearer ${token}` };
    const created = await app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers,
      payload: { niss: '94021300145', givenName: 'Zoë', familyName: "O'Brien", language: 'nl', externalRef: 'ref;--' },
    });
    const id = created.json().id;
    await app.inject({
      method: 'POST',
      url: `/v1/beneficiaries/${id}/rights`,
      headers,
      payload: {
        kind: 'ri',
        category: 'family',
        decidedOn: '2026-01-02',
        startsOn: '2026-01-01',
        monthlyAmountCents: 170_000,
      },
    });
    await app.inject({ method: 'GET', url: `/v1/beneficiaries/${id}`, headers });
    await app.close(); // flushes the access log
    await sealAudit(embedded);

    await pglite.exec('reset role');
    let sql = '';
    await dumpDatabase(
      async (text, params) => (await pglite.query(text, params)).rows as never,
      (chunk) => (sql += chunk),
    );
    await embedded.close();

    const name = `piis_dump_${randomBytes(5).toString('hex')}`;
    const maintenance = new pg.Client({ connectionString: serverUrl });
    await maintenance.connect();
    await maintenance.query(`create database ${name}`);
    await maintenance.end();
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    t.teardown(async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
    const load = spawnSync('psql', ['-v', 'ON_ERROR_STOP=1', '-q', u.toString()], { input: sql, encoding: 'utf8' });
    t.equal(load.status, 0, `psql loads the dump: ${load.stderr}`);

    const server = await openPostgres(u.toString());
    const owner = new pg.Client({ connectionString: u.toString() });
    await owner.connect();
    t.teardown(async () => {
      await owner.end();
    });
    const counts = (
      await owner.query(
        `select (select count(*) from beneficiary)::int as b, (select count(*) from right_decision)::int as r, ` +
          `(select count(*) from kysely_migration)::int as m`,
      )
    ).rows[0];
    const migrations = fs.readdirSync(path.join(root, 'migrations')).filter((f) => /^\d{14}_.*\.ts$/.test(f)).length;
    t.same(counts, { b: 1, r: 1, m: migrations }, 'every row and every migration');
    const rls = (
      await owner.query(
        `select count(*)::int as n from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and ` +
          `relrowsecurity`,
      )
    ).rows[0];
    const tenantTables = (
      await owner.query(
        `select count(*)::int as n from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'cpas_id') and c.relname <>
        'cpas_nis_code'`,
      )
    ).rows[0];
    t.equal(rls.n, tenantTables.n, `row-level security on every tenant table (${tenantTables.n})`);
    t.same(
      await server.db.selectFrom('beneficiary').selectAll().execute(),
      [],
      'no tenant bound: nothing visible to piis_app',
    );
    const report = await verifyAudit(async (text, params = []) => (await owner.query(text, params)).rows);
    t.same(report.problems, [], 'the audit chain verifies on the server');

    const onServer = await buildApp({
      config: loadConfig({ ...env, DATABASE_URL: u.toString() }),
      database: server,
      logger: false,
      sealAudit: false,
    });
    const read = await onServer.inject({ method: 'GET', url: `/v1/beneficiaries/${id}`, headers });
    t.equal(read.statusCode, 200);
    t.match(read.json(), {
      id,
      givenName: 'Zoë',
      familyName: "O'Brien",
      externalRef: 'ref;--',
      birthDate: '1994-02-13',
    });
    const rights = await onServer.inject({ method: 'GET', url: `/v1/beneficiaries/${id}/rights`, headers });
    t.match(rights.json().items, [{ kind: 'ri', monthlyAmountCents: 170000 }]);
    const write = await onServer.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers,
      payload: { niss: '85073003328', givenName: 'N', familyName: 'M', language: 'fr' },
    });
    t.equal(write.statusCode, 201, 'writes work after the move');
    await onServer.close();
    await sealAudit(server);
    t.same(
      (await verifyAudit(async (text, params = []) => (await owner.query(text, params)).rows)).problems,
      [],
      'new entries are sealed after the moved ones',
    );
    await server.close();
  },
);
