// The beneficiary read (part of npm run bench): GET /v1/beneficiaries/{id} against its baselines.
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { openPostgres } from '../src/db/database.js';
import { uuidv7 } from '../src/db/ids.js';
import { withAuditShare, type WeightedScript } from './bench-audit-share.js';
import { refreshRollups } from '../src/modules/reports/rollups.service.js';
import { todayInBrussels } from '../src/rules/calendar.js';
import {
  seconds,
  BATCHED,
  connections,
  stop,
  load,
  pgbench,
  dummyKysely,
  pgbenchScript,
  baseline,
  benchToken,
  startEndpoint,
} from './harness.js';

/** A CPAS with 10,000 beneficiaries and the id of the one the read bench reads. */
export async function seedReadCpas(url: string): Promise<{ cpasId: string; kbo: string; id: string }> {
  const seed = new pg.Client({ connectionString: url });
  await seed.connect();
  const cpasId = uuidv7();
  const kbo = '0212345668';
  await seed.query(
    `insert into cpas (id, kbo_number, name, language, created_by)
     values ($1, $2, '{"fr":"Bench","nl":"Bench","de":"Bench"}', 'fr', 'bench')`,
    [cpasId, kbo],
  );
  await seed.query(
    `insert into beneficiary (cpas_id, id, niss, given_name, family_name, birth_date, language, created_by)
     select $1, gen_random_uuid(), lpad(g::text, 9, '0') || lpad((97 - (g % 97))::text, 2, '0'), 'Given',
       'Family ' || g, null, 'fr', 'bench'
     from generate_series(100000001, 100010000) g`,
    [cpasId],
  );
  const { rows } = await seed.query<{ id: string }>(
    `select id from beneficiary where cpas_id = $1 order by id offset 5000 limit 1`,
    [cpasId],
  );
  await seed.query('analyze');
  await seed.end();
  const atRest = await openPostgres(url, { statementTimeoutMs: 0 });
  await refreshRollups(atRest, cpasId, todayInBrussels());
  await atRest.close();
  return { cpasId, kbo, id: rows[0]!.id };
}

export interface ReadFigures {
  tEp: number;
  tToy: number;
  tHttp: number;
  tDb: number;
  tDbRead: number;
  tDbBatched: number;
}

/** GET /v1/beneficiaries/{id} against the naive server, bare HTTP and pgbench of its statements. */
export async function benchRead(
  url: string,
  keys: { privateKey: CryptoKey; keyDir: string; jwksFile: string },
  children: ChildProcess[],
): Promise<ReadFigures> {
  const { cpasId, kbo, id } = await seedReadCpas(url);
  const token = await benchToken(keys.privateKey, kbo, 'bench-user');
  // BENCH_PROFILE_DIR: write a V8 CPU profile of the endpoint's server there (for analysis).
  const profileDir = process.env['BENCH_PROFILE_DIR'];
  const { ep, epPort } = await startEndpoint(
    url,
    keys.jwksFile,
    children,
    profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
  );
  const epUrl = `http://127.0.0.1:${epPort}/v1/beneficiaries/${id}`;
  const sample = await (await fetch(epUrl, { headers: { authorization: `Bearer ${token}` } })).text();
  const tEp = await load(epUrl, { authorization: `Bearer ${token}` });
  await stop(ep);

  const tToy = await baseline(children, ['toy', url, cpasId, id]);
  const tHttp = await baseline(children, ['http', sample]);
  const bench = (script: string | WeightedScript[]) => pgbench(url, script, keys.keyDir, [`id=${id}`]);
  const tDbRead = bench(pgbenchScript(cpasId));
  const tDb = bench(withAuditShare(dummyKysely(), cpasId, pgbenchScript(cpasId), 'beneficiary', id));
  // as a loaded server sends them: several reads of one turn in one message
  const batched = withAuditShare(dummyKysely(), cpasId, pgbenchScript(cpasId, BATCHED), 'beneficiary', id, BATCHED);
  const tDbBatched = BATCHED * bench(batched);
  return { tEp, tToy, tHttp, tDb, tDbRead, tDbBatched };
}

export function printRead({ tEp, tToy, tHttp, tDb, tDbRead, tDbBatched }: ReadFigures): void {
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
}
