// The PIIS benches (part of npm run bench): GET /v1/piis/{id}, POST …/evaluations, GET /v1/deadlines.
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openPostgres, openPostgresAdmin } from '../src/db/database.js';
import { seedBeneficiaries } from './seed-beneficiaries.js';
import { inlineParameters } from './bench-sql.js';
import { fileQuery } from '../src/modules/piis/piis.repository.js';
import { uuidv7 } from '../src/db/ids.js';
import { withAuditShare } from './bench-audit-share.js';
import { refreshRollups } from '../src/modules/reports/rollups.service.js';
import { todayInBrussels } from '../src/rules/calendar.js';
import {
  stop,
  run,
  load,
  pgbench,
  dummyKysely,
  readOnlyMessage,
  baseline,
  benchToken,
  startEndpoint,
} from './harness.js';

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
 * The PIIS benches on a second CPAS of generated beneficiaries (npm run seed's generator):
 * GET /v1/piis/{id} against its toy, bare-HTTP and pgbench baselines; POST evaluations against a
 * naive insert route; GET /v1/deadlines latency.
 */
export async function benchPiis(input: {
  url: string;
  keyDir: string;
  privateKey: CryptoKey;
  jwksFile: string;
  children: ChildProcess[];
}) {
  const { url, keyDir, privateKey, jwksFile, children } = input;
  const beneficiaries = Number(process.env['BENCH_BENEFICIARIES'] ?? 20_000);
  const { kbo, cpasId, signed, seedSeconds } = await seedPiisCpas(url, beneficiaries);
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

  const { tToy, tToyEval, tFloorEval, tHttp } = await naiveBaselines(children, url, cpasId, signed, sample);

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

/** The naive read and insert routes, the floor's transaction by hand, and bare HTTP with the same answer. */
async function naiveBaselines(children: ChildProcess[], url: string, cpasId: string, signed: string[], sample: string) {
  const tToy = await baseline(children, ['toy', url, cpasId, signed[0]!, 'piis']);
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
  return { tToy, tToyEval, tFloorEval, tHttp };
}

/** The second CPAS: generated beneficiaries with their PIIS, its tallies computed; the ids of 2,000 signed PIIS. */
async function seedPiisCpas(url: string, beneficiaries: number) {
  const kbo = '0403019261';
  const cpasId = uuidv7();
  const registry = new pg.Client({ connectionString: url });
  await registry.connect();
  await registry.query(
    `insert into cpas (id, kbo_number, name, language, created_by)
     values ($1, $2, '{"fr":"Bench 2","nl":"Bench 2","de":"Bench 2"}', 'nl', 'bench')`,
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
  return { kbo, cpasId, signed, seedSeconds };
}

/** The PIIS benches' figures. */
export function printPiis(p: Awaited<ReturnType<typeof benchPiis>>): void {
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
      `${(p.tFloorEval / p.tToyEval).toFixed(2)} of the naive insert; the endpoint is ` +
      `${(p.tEpEval / p.tFloorEval).toFixed(2)} of it`,
  );
  console.log(
    `GET /v1/deadlines for ${p.beneficiaries} beneficiaries: p50 ${p.deadlinesP50} ms, p99 ${p.deadlinesP99} ms ` +
      `(target p50 ≤ 150 ms) ${p.deadlinesP50 <= 150 ? 'ok' : 'BELOW TARGET'}`,
  );
}
