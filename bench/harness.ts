// What the benches share: the database and servers they start, the load they put, the tokens
// they sign, pgbench, and the settings read from the environment (bench.ts says which).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import autocannon from 'autocannon';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { readOnlyScript } from './bench-sql.js';
import { beneficiaryById } from '../src/modules/beneficiaries/beneficiaries.repository.js';
import type { DB } from '../src/db/types.js';
import { type WeightedScript } from './bench-audit-share.js';

// built into build/bench/ (npm run bench builds it); the server measured is the one npm start runs
const here = fileURLToPath(new URL('.', import.meta.url));
export const dist = path.resolve(here, '../../dist');
/** the node flags of `npm start` (package.json): the server is measured as it is run */
export const SERVER_FLAGS = ['--max-semi-space-size=8'];
export const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
export const warmup = Number(process.env['BENCH_WARMUP'] ?? 10);
/** reads per message in the batched T_db (the mean batch under the bench's load is about 5) */
export const BATCHED = 5;
export const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
export const serverUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export async function admin(sql: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d) => process.stderr.write(d));
  return child;
}

export async function waitFor(url: string, child: ChildProcess, ms = 60_000, expect = 200): Promise<number> {
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

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function run(
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

export async function load(
  url: string,
  headers: Record<string, string> = {},
  extra: Partial<autocannon.Options> = {},
): Promise<number> {
  return (await run(url, headers, extra)).requests.average;
}

/**
 * pgbench on these scripts, each picked as often as its weight says: the transactions per second
 * of the first (the others are its share of background work, see bench-audit-share.ts).
 */
export function pgbench(
  url: string,
  scripts: string | WeightedScript[],
  scriptDir: string,
  vars: string[] = [],
): number {
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

export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Kysely that only compiles queries (to print the statements an endpoint sends). */
export function dummyKysely(): Kysely<DB> {
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
export function readOnlyMessage(cpasId: string, statement: string, copies = 1): string {
  const one = readOnlyScript(cpasId, statement).replace(/; /g, ' \\; ');
  return `${Array.from({ length: copies }, () => one).join(' \\; ')};\n`;
}

/** The endpoint's read as a pgbench script (withAuditShare adds what its access entry costs). */
export function pgbenchScript(cpasId: string, copies = 1): string {
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
export async function baseline(
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
export function benchToken(
  privateKey: CryptoKey,
  kbo: string | null,
  sub: string,
  role = 'social_worker',
): Promise<string> {
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
export async function startEndpoint(
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

/** A key set of the bench's own: the private key that signs its tokens, the JWKS file the servers trust. */
export async function benchKeys(): Promise<{ privateKey: CryptoKey; keyDir: string; jwksFile: string }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-bench-keys-'));
  const jwksFile = path.join(keyDir, 'jwks.json');
  fs.writeFileSync(
    jwksFile,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256' }] }),
  );
  return { privateKey, keyDir, jwksFile };
}
