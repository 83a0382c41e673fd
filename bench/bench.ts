// npm run bench: measures, in one run on PostgreSQL, the cost of the service's safety on its
// hottest personal read, GET /v1/beneficiaries/{id} (JWT, RLS, access audit on):
//   T_ep   req/s of the real server (autocannon)
//   T_toy  req/s of a naive Fastify + pg route reading the same row (no auth, RLS or audit)
//   T_http req/s of a bare Fastify route returning the same JSON (no database)
//   T_db   tps of pgbench running exactly the statements the endpoint sends per request: its read,
//          and its share of the access-log batches and of the sealing (bench-audit-share.ts)
// and prints cost of safety T_ep / T_toy and efficiency T_ep / (1 / (1/T_db + 1/T_http)), plus the
// start-up times of npm start on the embedded database (first start, later start). Then, on a
// second CPAS of BENCH_BENEFICIARIES (default 20,000) generated beneficiaries: GET /v1/piis/{id}
// with the same four figures, POST …/evaluations against a naive insert route (and against the
// floor: the issue's transaction alone, hand-written, see bench-targets.ts), and the latency of
// GET /v1/deadlines. Then the scale benches on the national data set (bench-national.ts; seeded
// once into its own database, BENCH_SCALE chooses the size; BENCH_ONLY=national runs them alone)
// and the import bench (bench-import.ts: 100,000 beneficiaries; BENCH_ONLY=import runs it alone;
// BENCH_ONLY=service runs all but the scale benches; BENCH_ONLY=read only the beneficiary read).
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must allow creating a
// database; BENCH_SECONDS (default 10), BENCH_WARMUP (default 10) and BENCH_CONNECTIONS (default
// 10) tune the runs;
// BENCH_PROFILE_DIR writes a CPU profile of the endpoint's server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import autocannon from 'autocannon';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { openPostgres, openPostgresAdmin } from '../src/db/database.js';
import { seedBeneficiaries } from './seed-beneficiaries.js';
import { inlineParameters, readOnlyScript } from './bench-sql.js';
import { fileQuery } from '../src/modules/piis/piis.repository.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { uuidv7 } from '../src/db/ids.js';
import { beneficiaryById } from '../src/modules/beneficiaries/beneficiaries.repository.js';
import type { DB } from '../src/db/types.js';
import { benchNational, printNational } from './bench-national.js';
import { benchImport, printImport } from './bench-import.js';
import { withAuditShare, type WeightedScript } from './bench-audit-share.js';
import { refreshRollups } from '../src/modules/reports/rollups.service.js';
import { todayInBrussels } from '../src/rules/calendar.js';

// built into build/bench/ (npm run bench builds it); the server measured is the one npm start runs
const here = fileURLToPath(new URL('.', import.meta.url));
const dist = path.resolve(here, '../../dist');
/** the node flags of `npm start` (package.json): the server is measured as it is run */
const SERVER_FLAGS = ['--max-semi-space-size=8'];
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const warmup = Number(process.env['BENCH_WARMUP'] ?? 10);
/** reads per message in the batched T_db (the mean batch under the bench's load is about 5) */
const BATCHED = 5;
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const serverUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d) => process.stderr.write(d));
  return child;
}

async function waitFor(url: string, child: ChildProcess, ms = 60_000, expect = 200): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < ms) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === expect) return performance.now() - start;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} not ready`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function run(
  url: string,
  headers: Record<string, string> = {},
  extra: Partial<autocannon.Options> = {},
): Promise<autocannon.Result> {
  // a warm-up long enough for V8 to finish compiling the hot paths (measured: the service's
  // optimizing compiler still took 16 % of its CPU in the first 10 s of evaluations, nothing after
  // 15 s), then the measured run: every server, toys included, is measured in its steady state
  await autocannon({ url, connections, duration: warmup, headers, ...extra });
  const result = await autocannon({ url, connections, duration: seconds, headers, ...extra });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

async function load(
  url: string,
  headers: Record<string, string> = {},
  extra: Partial<autocannon.Options> = {},
): Promise<number> {
  return (await run(url, headers, extra)).requests.average;
}

/** POSTs of an evaluation, each to the next of many signed PIIS (so that no one file grows large). */
function evaluationPosts(piisIds: string[], pathOf: (id: string) => string): Partial<autocannon.Options> {
  let next = 0;
  const body = JSON.stringify({
    heldOn: '2026-11-20',
    mode: 'in_person',
    objectives: [],
    commitmentsKept: { beneficiary: true, cpas: true },
  });
  return {
    method: 'POST',
    body,
    requests: [
      { method: 'POST', body, setupRequest: (req) => ({ ...req, path: pathOf(piisIds[next++ % piisIds.length]!) }) },
    ],
  };
}

/**
 * pgbench on these scripts, each picked as often as its weight says: the transactions per second
 * of the first (the others are its share of background work, see bench-audit-share.ts).
 */
function pgbench(url: string, scripts: string | WeightedScript[], scriptDir: string, vars: string[] = []): number {
  const weighted = typeof scripts === 'string' ? [{ text: scripts, weight: 1 }] : scripts;
  const files = weighted.map((s) => {
    const file = path.join(scriptDir, `script-${randomBytes(3).toString('hex')}.sql`);
    fs.writeFileSync(file, s.text);
    return `${file}@${s.weight}`;
  });
  const bench = spawnSync(
    'pgbench',
    [
      '-n',
      '-M',
      'simple',
      '-c',
      String(connections),
      '-j',
      '2',
      '-T',
      String(seconds),
      ...vars.flatMap((v) => ['-D', v]),
      ...files.flatMap((f) => ['-f', f]),
      url,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, PGOPTIONS: '-c role=piis_app -c TimeZone=UTC -c statement_timeout=10000' },
    },
  );
  // one script: "tps = …"; several: each script's own "… transactions (…% of total, tps = …)"
  const tps =
    weighted.length === 1
      ? /tps = ([0-9.]+)/.exec(bench.stdout ?? '')
      : /SQL script 1:[^]*?tps = ([0-9.]+)\)/.exec(bench.stdout ?? '');
  if (!tps || bench.status !== 0) throw new Error(`pgbench failed: ${bench.stderr || bench.stdout}`);
  return Number(tps[1]);
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Kysely that only compiles queries (to print the statements an endpoint sends). */
function dummyKysely(): Kysely<DB> {
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/**
 * A read by key as the endpoint sends it (read-batch.ts), `copies` times in one message as the
 * reads of one turn travel together: \\; keeps the statements one request in pgbench.
 */
function readOnlyMessage(cpasId: string, statement: string, copies = 1): string {
  const one = readOnlyScript(cpasId, statement).replace(/; /g, ' \\; ');
  return `${Array.from({ length: copies }, () => one).join(' \\; ')};\n`;
}

/** The endpoint's read as a pgbench script (withAuditShare adds what its access entry costs). */
function pgbenchScript(cpasId: string, copies = 1): string {
  const compiler = dummyKysely();
  // The endpoint's statement: its CPAS inlined, the id left for pgbench to substitute.
  const compiled = beneficiaryById(compiler, cpasId, ':id').compile();
  const text = compiled.sql
    .replace(/\$([0-9]+)/g, (_m, n: string) => `'${String(compiled.parameters[Number(n) - 1])}'`)
    .replace(/\s+/g, ' ')
    .trim();
  return readOnlyMessage(cpasId, text, copies);
}

/**
 * Runs one baseline of bench-targets.ts (kind and its arguments) as its own process, measures it
 * and stops it: req/s.
 */
async function baseline(
  children: ChildProcess[],
  [kind, ...args]: string[],
  options: {
    ready?: [string, number];
    path?: string;
    headers?: Record<string, string>;
    extra?: Partial<autocannon.Options>;
  } = {},
): Promise<number> {
  const port = await freePort();
  const child = startProcess([path.join(here, 'bench-targets.js'), kind!, String(port), ...args], {});
  children.push(child);
  const [readyPath, status] = options.ready ?? ['/row', 200];
  await waitFor(`http://127.0.0.1:${port}${readyPath}`, child, 60_000, status);
  const rps = await load(
    `http://127.0.0.1:${port}${options.path ?? '/row'}`,
    options.headers ?? {},
    options.extra ?? {},
  );
  await stop(child);
  return rps;
}

/** A token of the bench's own key set: a social worker of a CPAS by default. */
function benchToken(privateKey: CryptoKey, kbo: string | null, sub: string, role = 'social_worker'): Promise<string> {
  return new SignJWT({ roles: [role], ...(kbo ? { cpas: kbo } : {}) })
    .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
    .setSubject(sub)
    .setIssuer('bench')
    .setAudience('piis-api')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

/** The real server on the bench database, with the bench's key set and no practical rate limit. */
async function startEndpoint(
  url: string,
  jwksFile: string,
  children: ChildProcess[],
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<{ ep: ChildProcess; epPort: number }> {
  const epPort = await freePort();
  const ep = startProcess([...SERVER_FLAGS, ...nodeArgs, path.join(dist, 'server.js')], {
    DATABASE_URL: url,
    PORT: String(epPort),
    AUTH_DEV: 'false',
    AUTH_JWKS_FILE: jwksFile,
    AUTH_ISSUER: 'bench',
    AUTH_AUDIENCE: 'piis-api',
    PSEUDONYM_KEY: randomBytes(24).toString('hex'),
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
    ...env,
  });
  children.push(ep);
  await waitFor(`http://127.0.0.1:${epPort}/health/ready`, ep);
  return { ep, epPort };
}

/**
 * The PIIS benches on a second CPAS of generated beneficiaries (npm run seed's generator):
 * GET /v1/piis/{id} against its toy, bare-HTTP and pgbench baselines; POST evaluations against a
 * naive insert route; GET /v1/deadlines latency.
 */
async function benchPiis(input: {
  url: string;
  keyDir: string;
  privateKey: CryptoKey;
  jwksFile: string;
  children: ChildProcess[];
}) {
  const { url, keyDir, privateKey, jwksFile, children } = input;
  const beneficiaries = Number(process.env['BENCH_BENEFICIARIES'] ?? 20_000);
  const kbo = '0403019261';
  const cpasId = uuidv7();
  const registry = new pg.Client({ connectionString: url });
  await registry.connect();
  await registry.query(
    `insert into cpas (id, kbo_number, name, language, created_by) values ($1, $2, '{"fr":"Bench 2","nl":"Bench ` +
      `2","de":"Bench 2"}', 'nl', 'bench')`,
    [cpasId, kbo],
  );
  await registry.end();
  const app = await openPostgres(url);
  const seedStart = performance.now();
  const stats = openPostgresAdmin(url);
  await seedBeneficiaries(app.db, cpasId, beneficiaries, {
    onProgress: (done) => process.stderr.write(`\rseeding ${done}/${beneficiaries}`),
    analyze: async () => void (await sql`analyze`.execute(stats)),
  });
  await stats.destroy();
  process.stderr.write('\n');
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // the data at rest: its indicator and subsidy tallies computed, as the service's worker would
  await refreshRollups(app, cpasId, todayInBrussels());
  await app.close();
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  await owner.query('analyze');
  const signed = (
    await owner.query<{ id: string }>(
      `select id from piis where cpas_id = $1 and stage = 'signed' order by id limit 2000`,
      [cpasId],
    )
  ).rows.map((r) => r.id);
  await owner.end();
  const piisId = signed[0]!;
  const token = await benchToken(privateKey, kbo, 'bench-worker');
  const auth = { authorization: `Bearer ${token}` };

  const { ep, epPort } = await startEndpoint(url, jwksFile, children);
  const epUrl = `http://127.0.0.1:${epPort}/v1/piis/${piisId}`;
  const sample = await (await fetch(epUrl, { headers: auth })).text();
  const tEp = await load(epUrl, auth);
  const deadlines = await run(`http://127.0.0.1:${epPort}/v1/deadlines?limit=50`, auth, { connections: 1 });
  const json = { ...auth, 'content-type': 'application/json' };
  const tEpEval = await load(
    `http://127.0.0.1:${epPort}/`,
    json,
    evaluationPosts(signed, (id) => `/v1/piis/${id}/evaluations`),
  );
  await stop(ep);

  const tToy = await baseline(children, ['toy', url, cpasId, piisId, 'piis']);
  const tToyEval = await baseline(children, ['insert', url, cpasId], {
    ready: ['/health', 404],
    path: '/',
    headers: { 'content-type': 'application/json' },
    extra: evaluationPosts(signed, (id) => `/piis/${id}/evaluations`),
  });
  const tFloorEval = await baseline(children, ['floor', url, cpasId], {
    ready: ['/health', 404],
    path: '/',
    headers: { 'content-type': 'application/json' },
    extra: evaluationPosts(signed, (id) => `/piis/${id}/evaluations`),
  });
  const tHttp = await baseline(children, ['http', sample]);

  const compiler = dummyKysely();
  const statement = inlineParameters(fileQuery(compiler, cpasId, piisId))
    .replace(/\s+/g, ' ')
    .trim();
  const read = readOnlyMessage(cpasId, statement);
  const tDbRead = pgbench(url, read, keyDir);
  const tDb = pgbench(url, withAuditShare(compiler, cpasId, read, 'piis', piisId), keyDir);
  return {
    beneficiaries,
    seedSeconds,
    tEp,
    tToy,
    tHttp,
    tDb,
    tDbRead,
    tEpEval,
    tToyEval,
    tFloorEval,
    deadlinesP50: deadlines.latency.p50,
    deadlinesP99: deadlines.latency.p99,
  };
}

/** The PIIS benches' figures. */
function printPiis(p: Awaited<ReturnType<typeof benchPiis>>): void {
  const f = (n: number) => n.toFixed(0).padStart(7);
  const pSafety = p.tEp / p.tToy;
  const pEfficiency = p.tEp / (1 / (1 / p.tDb + 1 / p.tHttp));
  console.log(
    `GET /v1/piis/{id} on a CPAS of ${p.beneficiaries} generated beneficiaries ` +
      `(seeded in ${p.seedSeconds.toFixed(0)} s)`,
  );
  console.log(`T_ep   ${f(p.tEp)} req/s  the endpoint (JWT, RLS, access audit, every computed date)`);
  console.log(`T_toy  ${f(p.tToy)} req/s  naive Fastify + pg, the piis row by primary key`);
  console.log(`T_http ${f(p.tHttp)} req/s  bare Fastify, same JSON, no database`);
  console.log(
    `T_db   ${f(p.tDb)} tps    pgbench, the endpoint's statement (the whole file in one query) and its share of ` +
      `access-log batches and sealing`,
  );
  console.log(
    `       ${f(p.tDbRead)} tps    pgbench, the read statement alone (efficiency against it: ` +
      `${(p.tEp / (1 / (1 / p.tDbRead + 1 / p.tHttp))).toFixed(2)})`,
  );
  console.log(
    `cost of safety  T_ep / T_toy = ${pSafety.toFixed(2)} (target ≥ 0.4) ${pSafety >= 0.4 ? 'ok' : 'BELOW TARGET'}`,
  );
  console.log(
    `efficiency      T_ep / (1/(1/T_db + 1/T_http)) = ${pEfficiency.toFixed(2)} (target ≥ 0.4) ` +
      `${pEfficiency >= 0.4 ? 'ok' : 'BELOW TARGET'}`,
  );
  const evalRatio = p.tEpEval / p.tToyEval;
  console.log(
    `POST /v1/piis/{id}/evaluations ${f(p.tEpEval)} req/s vs a naive Fastify + pg insert ${f(p.tToyEval)} req/s: ` +
      `${evalRatio.toFixed(2)} (target ≥ 0.5) ${evalRatio >= 0.5 ? 'ok' : 'BELOW TARGET'}`,
  );
  console.log(
    `       the floor (the issue's transaction alone, by hand, bench-targets.ts) ${f(p.tFloorEval)} req/s: ` +
      (`${(p.tFloorEval / p.tToyEval).toFixed(2)} of the naive insert; the endpoint is ` +
        `${(p.tEpEval / p.tFloorEval).toFixed(2)} of it`),
  );
  console.log(
    `GET /v1/deadlines for ${p.beneficiaries} beneficiaries: p50 ${p.deadlinesP50} ms, p99 ${p.deadlinesP99} ms ` +
      `(target p50 ≤ 150 ms) ${p.deadlinesP50 <= 150 ? 'ok' : 'BELOW TARGET'}`,
  );
}

async function startupTimes(): Promise<{ first: number; later: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-bench-start-'));
  const port = await freePort();
  const env = { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' };
  const measure = async () => {
    const child = startProcess([...SERVER_FLAGS, path.join(dist, 'server.js')], env);
    const ms = await waitFor(`http://127.0.0.1:${port}/health/ready`, child);
    await stop(child);
    return ms;
  };
  const first = await measure();
  const later = await measure();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { first, later };
}

/** The scale benches alone (BENCH_ONLY=national): their own key set, the national database. */
async function nationalOnly(): Promise<void> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-bench-keys-'));
  const jwksFile = path.join(keyDir, 'jwks.json');
  fs.writeFileSync(
    jwksFile,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' }] }),
  );
  const children: ChildProcess[] = [];
  try {
    printNational(await national(privateKey, jwksFile, children));
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(keyDir, { recursive: true, force: true });
  }
}

function national(privateKey: CryptoKey, jwksFile: string, children: ChildProcess[]) {
  return benchNational({
    serverUrl,
    jwksFile,
    children,
    seconds,
    stop,
    startEndpoint,
    token: (kbo, sub, role) => benchToken(privateKey, kbo, sub, role),
  });
}

function imports(url: string, privateKey: CryptoKey, jwksFile: string, children: ChildProcess[]) {
  return benchImport({
    url,
    jwksFile,
    children,
    startEndpoint,
    stop,
    token: (kbo, sub, role) => benchToken(privateKey, kbo, sub, role),
  });
}

/** The import bench alone (BENCH_ONLY=import): a database and key set of its own. */
async function importOnly(): Promise<void> {
  const name = `piis_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = withDb(serverUrl, name);
  const children: ChildProcess[] = [];
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-bench-keys-'));
  const jwksFile = path.join(keyDir, 'jwks.json');
  fs.writeFileSync(
    jwksFile,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' }] }),
  );
  try {
    const migrator = openPostgresAdmin(url);
    await migrateToLatest(migrator);
    await migrator.destroy();
    printImport(await imports(url, privateKey, jwksFile, children));
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(keyDir, { recursive: true, force: true });
    await admin(`drop database if exists ${name} with (force)`);
  }
}

async function main() {
  if (process.env['BENCH_ONLY'] === 'national') return nationalOnly();
  if (process.env['BENCH_ONLY'] === 'import') return importOnly();
  const name = `piis_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = withDb(serverUrl, name);
  const children: ChildProcess[] = [];
  try {
    const migrator = openPostgresAdmin(url);
    await migrateToLatest(migrator);
    await migrator.destroy();

    // A CPAS with 10,000 beneficiaries, one of which is read.
    const seed = new pg.Client({ connectionString: url });
    await seed.connect();
    const cpasId = uuidv7();
    const kbo = '0212345668';
    await seed.query(
      `insert into cpas (id, kbo_number, name, language, created_by) values ($1, $2, ` +
        `'{"fr":"Bench","nl":"Bench","de":"Bench"}', 'fr', 'bench')`,
      [cpasId, kbo],
    );
    await seed.query(
      `insert into beneficiary (cpas_id, id, niss, given_name, family_name, birth_date, language, created_by)
       select $1, gen_random_uuid(), lpad(g::text, 9, '0') || lpad((97 - (g % 97))::text, 2, '0'), 'Given', 'Family ` +
        `' || g, null, 'fr', 'bench'
       from generate_series(100000001, 100010000) g`,
      [cpasId],
    );
    const { rows } = await seed.query<{ id: string }>(
      `select id from beneficiary where cpas_id = $1 order by id offset 5000 limit 1`,
      [cpasId],
    );
    const id = rows[0]!.id;
    await seed.query('analyze');
    await seed.end();
    const atRest = await openPostgres(url, { statementTimeoutMs: 0 });
    await refreshRollups(atRest, cpasId, todayInBrussels());
    await atRest.close();

    // Tokens from a key set of the bench's own.
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-bench-keys-'));
    const jwksFile = path.join(keyDir, 'jwks.json');
    fs.writeFileSync(
      jwksFile,
      JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' }] }),
    );
    const token = await benchToken(privateKey, kbo, 'bench-user');

    // BENCH_PROFILE_DIR: write a V8 CPU profile of the endpoint's server there (for analysis).
    const profileDir = process.env['BENCH_PROFILE_DIR'];
    const { ep, epPort } = await startEndpoint(
      url,
      jwksFile,
      children,
      profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
    );
    const epUrl = `http://127.0.0.1:${epPort}/v1/beneficiaries/${id}`;
    const sample = await (await fetch(epUrl, { headers: { authorization: `Bearer ${token}` } })).text();
    const tEp = await load(epUrl, { authorization: `Bearer ${token}` });
    await stop(ep);

    const tToy = await baseline(children, ['toy', url, cpasId, id]);
    const tHttp = await baseline(children, ['http', sample]);

    const tDbRead = pgbench(url, pgbenchScript(cpasId), keyDir, [`id=${id}`]);
    const tDb = pgbench(url, withAuditShare(dummyKysely(), cpasId, pgbenchScript(cpasId), 'beneficiary', id), keyDir, [
      `id=${id}`,
    ]);
    // as a loaded server sends them: several reads of one turn in one message
    const tDbBatched =
      BATCHED *
      pgbench(
        url,
        withAuditShare(dummyKysely(), cpasId, pgbenchScript(cpasId, BATCHED), 'beneficiary', id, BATCHED),
        keyDir,
        [`id=${id}`],
      );

    // BENCH_ONLY=read: the beneficiary read alone (a quick loop while working on the read path)
    const readOnly = process.env['BENCH_ONLY'] === 'read';
    const piisBench = readOnly ? null : await benchPiis({ url, keyDir, privateKey, jwksFile, children });
    const importBench = readOnly ? null : await imports(url, privateKey, jwksFile, children);
    // BENCH_ONLY=service: everything but the scale benches (whose data set takes half an hour to seed)
    const nationalBench =
      process.env['BENCH_ONLY'] === 'service' || readOnly ? null : await national(privateKey, jwksFile, children);
    fs.rmSync(keyDir, { recursive: true, force: true });

    const start = await startupTimes();
    const safety = tEp / tToy;
    const efficiency = tEp / (1 / (1 / tDb + 1 / tHttp));
    const f = (n: number) => n.toFixed(0).padStart(7);
    console.log(
      `GET /v1/beneficiaries/{id} on PostgreSQL, ${connections} connections, ${seconds} s per run, ` +
        `${os.cpus().length} CPU(s)`,
    );
    console.log(`T_ep   ${f(tEp)} req/s  the endpoint (JWT, RLS, access audit)`);
    console.log(`T_toy  ${f(tToy)} req/s  naive Fastify + pg, same row by primary key`);
    console.log(`T_http ${f(tHttp)} req/s  bare Fastify, same JSON, no database`);
    console.log(
      `T_db   ${f(tDb)} tps    pgbench, the endpoint's statements per request: its read and its share of access-log ` +
        `batches and sealing`,
    );
    console.log(
      `       ${f(tDbRead)} tps    pgbench, the read statement alone (efficiency against it: ` +
        `${(tEp / (1 / (1 / tDbRead + 1 / tHttp))).toFixed(2)})`,
    );
    console.log(
      `       ${f(tDbBatched)} reads/s pgbench, ${BATCHED} reads and their share per message, as a loaded server ` +
        `sends them (efficiency against it: ${(tEp / (1 / (1 / tDbBatched + 1 / tHttp))).toFixed(2)})`,
    );
    console.log(
      `cost of safety  T_ep / T_toy = ${safety.toFixed(2)} (target ≥ 0.5) ${safety >= 0.5 ? 'ok' : 'BELOW TARGET'}`,
    );
    console.log(
      `efficiency      T_ep / (1/(1/T_db + 1/T_http)) = ${efficiency.toFixed(2)} (target ≥ 0.5) ` +
        `${efficiency >= 0.5 ? 'ok' : 'BELOW TARGET'}`,
    );
    const toyEfficiency = tToy / (1 / (1 / tDbRead + 1 / tHttp));
    console.log(
      `  (for scale: the toy, which writes no access entry, scores ${toyEfficiency.toFixed(2)} against the read ` +
        `statement alone)`,
    );
    if (piisBench) printPiis(piisBench);
    if (importBench) printImport(importBench);
    if (nationalBench) printNational(nationalBench);
    console.log(
      `start-up (embedded, to /health/ready 200): first ${(start.first / 1000).toFixed(1)} s (target ≤ 10), later ` +
        `${(start.later / 1000).toFixed(1)} s (target ≤ 3)`,
    );
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await admin(`drop database if exists ${name} with (force)`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).message}`);
  process.exit(1);
});
