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
// floor: the transaction alone, hand-written, see bench-targets.ts), and the latency of
// GET /v1/deadlines. Then the scale benches on the national data set (bench-national.ts; seeded
// once into its own database, BENCH_SCALE chooses the size; BENCH_ONLY=national runs them alone)
// and the import bench (bench-import.ts: 100,000 beneficiaries; BENCH_ONLY=import runs it alone;
// BENCH_ONLY=service runs all but the scale benches; BENCH_ONLY=read only the beneficiary read).
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must allow creating a
// database; BENCH_SECONDS (default 10), BENCH_WARMUP (default 10) and BENCH_CONNECTIONS (default
// 10) tune the runs;
// BENCH_PROFILE_DIR writes a CPU profile of the endpoint's server.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { openPostgresAdmin } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { benchNational, printNational } from './bench-national.js';
import { benchImport, printImport } from './bench-import.js';
import {
  dist,
  SERVER_FLAGS,
  seconds,
  serverUrl,
  withDb,
  admin,
  startProcess,
  waitFor,
  stop,
  freePort,
  benchToken,
  startEndpoint,
  benchKeys,
} from './harness.js';
import { benchPiis, printPiis } from './bench-piis.js';
import { benchRead, printRead } from './bench-read.js';

/** Start-up of npm start on the embedded database, to /health/ready: the first (it migrates) and a later one. */
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
  const { privateKey, keyDir, jwksFile } = await benchKeys();
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
  const { privateKey, keyDir, jwksFile } = await benchKeys();
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
    const keys = await benchKeys();
    const { privateKey, keyDir, jwksFile } = keys;
    const read = await benchRead(url, keys, children);
    // BENCH_ONLY=read: the beneficiary read alone (a quick loop while working on the read path)
    const readOnly = process.env['BENCH_ONLY'] === 'read';
    const piisBench = readOnly ? null : await benchPiis({ url, keyDir, privateKey, jwksFile, children });
    const importBench = readOnly ? null : await imports(url, privateKey, jwksFile, children);
    // BENCH_ONLY=service: everything but the scale benches (whose data set takes half an hour to seed)
    const nationalBench =
      process.env['BENCH_ONLY'] === 'service' || readOnly ? null : await national(privateKey, jwksFile, children);
    fs.rmSync(keyDir, { recursive: true, force: true });

    const start = await startupTimes();
    printRead(read);
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
