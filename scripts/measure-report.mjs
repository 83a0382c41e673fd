// Not part of CI: one report of the national data set (npm run seed -- --scale national, or
// BENCH_ONLY=national npm run bench once) downloaded N times from a server of its own, the way
// npm run bench measures it, with more to look at: each download's time, time to first byte and
// size, the server's peak RSS, and with PROFILE_DIR a V8 CPU profile of the server. NODE_FLAGS
// adds Node flags to the server's (after npm start's, so that they win).
// Usage (after npm run build and npm run build:bench):
//   node scripts/measure-report.mjs piis10|pas|subsidy|indicators|national|extract [N]
// Environment: DATABASE_URL (default the bench's national database), NODE_FLAGS, PROFILE_DIR.
/* global fetch, setInterval, clearInterval */

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** A GET counted as it arrives: its status, time, time to first byte and size. */
function get(url, headers) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        let first = 0;
        res.on('data', (chunk) => {
          if (!first) first = performance.now() - started;
          bytes += chunk.length;
        });
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started, first, bytes }));
      })
      .on('error', reject);
  });
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { nationalKbo } = await import(path.join(root, 'build/bench/national-seed.js'));
const what = process.argv[2] ?? 'piis10';
const times = Number(process.argv[3] ?? 3);
const database = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/piis_bench_national_national';
const year = new Date().getUTCFullYear() - 1;
const paths = {
  piis10: `/v1/reports/rapport-unique/piis10?year=${year}&format=xlsx`,
  pas: `/v1/reports/rapport-unique/pas?year=${year}&format=xlsx`,
  subsidy: `/v1/reports/subsidy?year=${year}`,
  indicators: `/v1/reports/indicators?year=${year}`,
  national: `/v1/reports/national/indicators?year=${year}`,
  extract: '/v1/reports/national/extract?format=csv',
};
if (!paths[what]) throw new Error(`unknown report ${what}: one of ${Object.keys(paths).join(', ')}`);
const analyst = what === 'national' || what === 'extract';

// a key set of its own, as the bench does
const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-measure-'));
const jwks = path.join(keyDir, 'jwks.json');
fs.writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'measure', alg: 'ES256' }] }));
const token = await new SignJWT({
  roles: [analyst ? 'spp_analyst' : 'cpas_manager'],
  ...(analyst ? {} : { cpas: nationalKbo(0) }),
})
  .setProtectedHeader({ alg: 'ES256', kid: 'measure' })
  .setSubject('measure-report')
  .setIssuer('measure')
  .setAudience('piis-api')
  .setIssuedAt()
  .setExpirationTime('1h')
  .sign(privateKey);

const port = await new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const profile = process.env.PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROFILE_DIR] : [];
const flags = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);
const server = spawn('node', ['--max-semi-space-size=8', ...flags, ...profile, path.join(root, 'dist/server.js')], {
  env: {
    ...process.env,
    DATABASE_URL: database,
    PORT: String(port),
    AUTH_DEV: 'false',
    AUTH_JWKS_FILE: jwks,
    AUTH_ISSUER: 'measure',
    AUTH_AUDIENCE: 'piis-api',
    PSEUDONYM_KEY: 'measure-pseudonym-key-0123456789abcdef',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
try {
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null);
    if (ready?.ok) break;
    if (server.exitCode !== null) throw new Error('the server stopped');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let peak = 0;
  const sample = () => {
    const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    peak = Math.max(peak, Number(rss?.[1] ?? 0) / 1024);
  };
  const timer = setInterval(sample, 20);
  for (let i = 0; i < times; i++) {
    // node:http, as npm run bench downloads: undici's fetch costs half the server's CPU, or more
    const { status, ms, first, bytes } = await get(`http://127.0.0.1:${port}${paths[what]}`, {
      authorization: `Bearer ${token}`,
    });
    console.log(
      `${what} ${status}: ${ms.toFixed(0)} ms, first byte ${first.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB`,
    );
  }
  clearInterval(timer);
  sample();
  console.log(`server peak RSS ${peak.toFixed(0)} MB`);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(keyDir, { recursive: true, force: true });
}
