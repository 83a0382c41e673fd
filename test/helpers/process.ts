// The built server as a process (npm start's entry point), for the tests that speak to it over
// real sockets: a free port, an empty database of its own on PostgreSQL (or a data directory for
// the embedded one), and a wait until it is ready.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { AUDIENCE, ISSUER, type TestKeys } from './keys.js';
import { validKbo } from './identifiers.js';
import { root } from './root.js';

export { root };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function waitReady(base: string, child: ChildProcess, ms = 60_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.status === 200) return Date.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server not ready in time');
}

/**
 * Where a server process keeps its data: a fresh data directory and, on PostgreSQL, an empty
 * database it migrates at start. `query` reads it as the owner; `remove` drops both.
 */
export async function serverStorage(): Promise<{
  dataDir: string;
  databaseUrl: string | null;
  remove(): Promise<void>;
}> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-proc-'));
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl)
    return { dataDir, databaseUrl: null, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  const name = `piis_proc_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: u.toString(),
    async remove() {
      const d = new pg.Client({ connectionString: serverUrl });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function startProcess(env: Record<string, string>): { child: ChildProcess; log: () => string } {
  const child = spawn(process.execPath, [path.join(root, 'dist/server.js')], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return { child, log: () => log };
}

/** The environment of a server process with real keys, on its own port and storage. */
export function serverEnv(
  keys: TestKeys,
  storage: { dataDir: string; databaseUrl: string | null },
  port: number,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    PORT: String(port),
    DATA_DIR: storage.dataDir,
    ...(storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : {}),
    AUTH_DEV: 'false',
    AUTH_JWKS_FILE: keys.jwksFile,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    PSEUDONYM_KEY: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  };
}

/** Registers a new CPAS through the platform admin and returns an integration token for it. */
export async function registeredCpasToken(base: string, keys: TestKeys): Promise<string> {
  const admin = await keys.token({ roles: ['platform_admin'] });
  const kbo = validKbo();
  const res = await fetch(`${base}/v1/cpas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      kboNumber: kbo,
      name: { fr: 'CPAS', nl: 'OCMW', de: 'ÖSHZ' },
      language: 'fr',
      nisCodes: [],
    }),
  });
  if (res.status !== 201) throw new Error(`registerCpas: ${res.status} ${await res.text()}`);
  return keys.token({ sub: 'vendor', roles: ['integration'], cpas: kbo });
}

/** The acknowledged writes that a restarted server cannot find. */
export async function missingAfterRestart(base: string, token: string, ids: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const id of ids) {
    const res = await fetch(`${base}/v1/beneficiaries/${id}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) missing.push(`${id}: ${res.status}`);
  }
  return missing;
}

/** The request ids of the access entries of reads, as the CPAS's auditor lists them. */
export async function readEntryRequestIds(base: string, keys: TestKeys, kbo: string): Promise<Set<string>> {
  const auditor = await keys.token({ sub: 'adviser', roles: ['cpas_auditor'], cpas: kbo });
  const seen = new Set<string>();
  for (let cursor: string | null = null; ;) {
    const res = await fetch(`${base}/v1/audit?action=read&limit=500${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    if (res.status !== 200) throw new Error(`listAuditEntries: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: Array<{ requestId: string }>; nextCursor: string | null };
    for (const item of page.items) seen.add(item.requestId);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
}
