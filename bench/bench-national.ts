// The scale benches of npm run bench, on the national data set (npm run seed -- --scale …): a
// database of its own (piis_bench_national_<scale>), seeded once and reused while its seed
// version and scale match (the first run seeds it: ~15 min at national scale on 2 cores). Then,
// through the real server: GET /v1/reports/national/indicators p50, the largest CPAS's
// indicators p50 and subsidy report time, its two Rapport unique forms as XLSX with the server's
// peak RSS, and the statistical extract of every year streamed as CSV against psql \copy of the
// same query, with the server's peak RSS.
import { type ChildProcess } from 'node:child_process';
import pg from 'pg';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openPostgres, openPostgresAdmin } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { nationalKbo, nationalPlan, SCALES, seedNational } from './national-seed.js';
import { inlineParameters } from './bench-sql.js';
import { extractQuery } from '../src/modules/national/national.repository.js';
import { hmacBlocks, purposeKey } from '../src/modules/national/pseudonyms.js';
import { todayInBrussels } from '../src/rules/calendar.js';
import { refreshBacklog } from '../src/modules/reports/rollups.service.js';
import { FIRST_INDICATOR_YEAR } from '../src/rules/indicators.js';

import { dummyKysely, withDb } from './harness.js';
import { download, fetchDownload, psqlCopy, rssSampler } from './downloads.js';
const SEED_VERSION = 1;

export interface NationalFigures {
  scale: string;
  cpas: number;
  persons: number;
  piis: number;
  evaluations: number;
  seededSeconds: number | null;
  nationalP50: number;
  /** one request that computes the answer (not kept yet), median of 3 */
  nationalComputedMs: number;
  largestPersons: number;
  largestIndicatorsP50: number;
  largestSubsidyMs: number;
  /** each of the 3 downloads through node:http, then each of 3 more through fetch */
  subsidyDownloadsMs: number[];
  subsidyFetchMs: number[];
  /** median of 3 whole XLSX downloads of the largest CPAS's Rapport unique forms, on a server of their own */
  formPasMs: number;
  formPiis10Ms: number;
  formPeakRssMb: number;
  extractRows: number;
  extractSeconds: number;
  psqlSeconds: number;
  peakRssMb: number;
  idleRssMb: number;
}

async function query<R extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** The bench's national database: reused when complete at this scale and seed version, else seeded afresh. */
export async function nationalDatabase(
  serverUrl: string,
  scaleName: string,
): Promise<{ url: string; seededSeconds: number | null }> {
  const scale = SCALES[scaleName] ?? Number(scaleName);
  const name = `piis_bench_national_${scaleName.replace(/[^a-z0-9]/gi, '_')}`;
  const url = withDb(serverUrl, name);
  const expected = `piis national seed v${SEED_VERSION} scale ${scale}`;
  const [found] = await query<{ comment: string | null }>(
    serverUrl,
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [name],
  );
  const migrate = async () => {
    const owner = openPostgresAdmin(url);
    await migrateToLatest(owner);
    await owner.destroy();
  };
  if (found?.comment === expected) {
    await migrate();
    // a migration may have asked for every CPAS to be tallied again: catch up before measuring
    const started = performance.now();
    const database = await openPostgres(url, { statementTimeoutMs: 0 });
    try {
      const refreshed = await refreshBacklog(database, todayInBrussels());
      if (refreshed > 0)
        process.stderr.write(
          `rollups of ${refreshed} CPAS caught up in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
        );
    } finally {
      await database.close();
    }
    return { url, seededSeconds: null };
  }
  await query(serverUrl, `drop database if exists ${name} with (force)`);
  await query(serverUrl, `create database ${name}`);
  await migrate();
  const plan = nationalPlan(scale);
  process.stderr.write(
    `seeding the national data set (${plan.cpas} CPAS, ${plan.persons} persons) into ${name}, once\n`,
  );
  const started = performance.now();
  const database = await openPostgres(url, { statementTimeoutMs: 0 });
  const owner = openPostgresAdmin(url);
  try {
    await seedNational(database, {
      scale,
      today: todayInBrussels(),
      analyze: async () => void (await sql`analyze`.execute(owner)),
      onProgress: (done, total) => done % 10_000 < 500 && process.stderr.write(`\rseeding ${done}/${total} persons`),
    });
    await sql`analyze`.execute(owner);
  } finally {
    await owner.destroy();
    await database.close();
  }
  await query(serverUrl, `comment on database ${name} is '${expected}'`);
  process.stderr.write('\n');
  return { url, seededSeconds: (performance.now() - started) / 1000 };
}

export async function benchNational(input: {
  serverUrl: string;
  jwksFile: string;
  children: ChildProcess[];
  token: (kbo: string | null, sub: string, role: string) => Promise<string>;
  startEndpoint: (
    url: string,
    jwksFile: string,
    children: ChildProcess[],
    nodeArgs: string[],
    env: Record<string, string>,
  ) => Promise<{ ep: ChildProcess; epPort: number }>;
  stop: (child: ChildProcess) => Promise<void>;
  seconds: number;
}): Promise<NationalFigures> {
  const scaleName = process.env['BENCH_SCALE'] ?? 'national';
  const { url, seededSeconds } = await nationalDatabase(input.serverUrl, scaleName);
  const sizes = await dataSetSizes(url);
  const largestKbo = nationalKbo(0);
  const pseudonymKey = 'bench-pseudonym-key-0123456789abcdef';
  const year = Number(todayInBrussels().slice(0, 4)) - 1;
  const analyst = { authorization: `Bearer ${await input.token(null, 'bench-analyst', 'spp_analyst')}` };
  const manager = { authorization: `Bearer ${await input.token(largestKbo, 'bench-manager', 'cpas_manager')}` };
  const reports = await measureReports(input, url, pseudonymKey, { year, analyst, manager });
  const forms = await measureForms(input, url, { PSEUDONYM_KEY: pseudonymKey }, year, manager);
  const extract = await measureExtract(input, url, pseudonymKey, analyst);
  return {
    scale: scaleName,
    ...sizes,
    seededSeconds,
    ...reports,
    ...forms,
    ...extract,
  };
}

/** The data set's size: CPAS, persons, PIIS, evaluations, and the persons of the largest CPAS. */
async function dataSetSizes(url: string) {
  const [counts] = await query<{ cpas: string; persons: string; piis: string; evaluations: string }>(
    url,
    `select (select count(*) from cpas) as cpas, (select count(*) from beneficiary) as persons,
       (select count(*) from piis) as piis, (select count(*) from piis_evaluation) as evaluations`,
  );
  const [largest] = await query<{ n: string }>(
    url,
    `select count(*) as n from beneficiary b join cpas c on c.id = b.cpas_id where c.kbo_number = $1`,
    [nationalKbo(0)],
  );
  return {
    cpas: Number(counts!.cpas),
    persons: Number(counts!.persons),
    piis: Number(counts!.piis),
    evaluations: Number(counts!.evaluations),
    largestPersons: Number(largest!.n),
  };
}

type Servers = Pick<Parameters<typeof benchNational>[0], 'jwksFile' | 'children' | 'startEndpoint' | 'stop'>;

/** The national and the largest CPAS's indicators (p50), and the largest CPAS's subsidy report, on one server. */
async function measureReports(
  input: Servers & { seconds: number },
  url: string,
  pseudonymKey: string,
  { year, analyst, manager }: { year: number; analyst: Record<string, string>; manager: Record<string, string> },
) {
  const { ep, epPort } = await input.startEndpoint(url, input.jwksFile, input.children, [], {
    PSEUDONYM_KEY: pseudonymKey,
  });
  const base = `http://127.0.0.1:${epPort}`;
  const p50 = async (path: string, headers: Record<string, string>) => {
    const first = await fetch(`${base}${path}`, { headers });
    if (first.status !== 200) throw new Error(`${path}: ${first.status} ${await first.text()}`);
    await first.arrayBuffer();
    const r = await autocannon({ url: `${base}${path}`, connections: 1, duration: input.seconds, headers });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return r.latency.p50;
  };
  const nationalP50 = await p50(`/v1/reports/national/indicators?year=${year}`, analyst);
  // the answer is kept per version of the rollups and language (indicators-cache.ts): what a
  // request costs when it must compute, on the warm server, is a language not asked before
  const misses: number[] = [];
  for (const lang of ['nl', 'de', 'en']) {
    const started = performance.now();
    const res = await fetch(`${base}/v1/reports/national/indicators?year=${year}`, {
      headers: { ...analyst, 'accept-language': lang },
    });
    await res.arrayBuffer();
    misses.push(performance.now() - started);
  }
  const largestIndicatorsP50 = await p50(`/v1/reports/indicators?year=${year}`, manager);
  const subsidy: number[] = [];
  for (let i = 0; i < 3; i++) subsidy.push((await download(`${base}/v1/reports/subsidy?year=${year}`, manager)).ms);
  const viaFetch: number[] = [];
  for (let i = 0; i < 3; i++) viaFetch.push(await fetchDownload(`${base}/v1/reports/subsidy?year=${year}`, manager));
  await input.stop(ep);
  return {
    nationalP50,
    nationalComputedMs: misses.sort((a, b) => a - b)[1]!,
    largestIndicatorsP50,
    largestSubsidyMs: [...subsidy].sort((a, b) => a - b)[1]!,
    subsidyDownloadsMs: subsidy,
    subsidyFetchMs: viaFetch,
  };
}

/** The Rapport unique forms of the largest CPAS as XLSX, on a server of their own (its peak memory is theirs). */
async function measureForms(
  input: Servers,
  url: string,
  env: Record<string, string>,
  year: number,
  manager: Record<string, string>,
) {
  const forms = await input.startEndpoint(url, input.jwksFile, input.children, [], env);
  const formRss = rssSampler(forms.ep.pid!);
  const formMs = async (form: string) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++)
      times.push(
        (
          await download(
            `http://127.0.0.1:${forms.epPort}/v1/reports/rapport-unique/${form}?year=${year}&format=xlsx`,
            manager,
          )
        ).ms,
      );
    return times.sort((a, b) => a - b)[1]!;
  };
  const formPasMs = await formMs('pas');
  const formPiis10Ms = await formMs('piis10');
  const formPeakRssMb = formRss.stop();
  await input.stop(forms.ep);
  return { formPasMs, formPiis10Ms, formPeakRssMb };
}

/** The statistical extract of every year as CSV, on a server of its own, against psql \copy of the same query. */
async function measureExtract(input: Servers, url: string, pseudonymKey: string, analyst: Record<string, string>) {
  const fresh = await input.startEndpoint(url, input.jwksFile, input.children, [], { PSEUDONYM_KEY: pseudonymKey });
  const idle = rssSampler(fresh.ep.pid!).stop();
  const rss = rssSampler(fresh.ep.pid!);
  const extract = await download(`http://127.0.0.1:${fresh.epPort}/v1/reports/national/extract?format=csv`, analyst);
  const peakRssMb = rss.stop();
  await input.stop(fresh.ep);
  const to = Number(todayInBrussels().slice(0, 4));
  const statement = inlineParameters(
    extractQuery(dummyKysely(), { from: FIRST_INDICATOR_YEAR, to }, hmacBlocks(purposeKey(pseudonymKey, 'statistics'))),
  )
    .replace(/\s+/g, ' ')
    .trim();
  const psql = await psqlCopy(url, statement);
  return {
    extractRows: extract.lines - 1,
    extractSeconds: extract.ms / 1000,
    psqlSeconds: psql.ms / 1000,
    peakRssMb,
    idleRssMb: idle,
  };
}

const verdict = (ok: boolean) => (ok ? 'ok' : 'BELOW TARGET');
const each = (times: readonly number[]) => times.map((ms) => ms.toFixed(0)).join(' / ');

export function printNational(n: NationalFigures): void {
  const rate = n.extractRows / n.extractSeconds;
  const psqlRate = n.extractRows / n.psqlSeconds;
  const seeded = n.seededSeconds === null ? ' (reused)' : ` (seeded in ${n.seededSeconds.toFixed(0)} s)`;
  console.log(
    `National data set (--scale ${n.scale}): ${n.cpas} CPAS, ${n.persons} persons, ${n.piis} PIIS, ` +
      `${n.evaluations} evaluations${seeded}`,
  );
  console.log(
    `GET /v1/reports/national/indicators p50 ${n.nationalP50} ms (target ≤ 100 ms) ${verdict(n.nationalP50 <= 100)}; ` +
      `computed (not yet kept): ${n.nationalComputedMs.toFixed(0)} ms`,
  );
  console.log(
    `GET /v1/reports/indicators, largest CPAS (${n.largestPersons} persons) p50 ${n.largestIndicatorsP50} ms ` +
      `(target ≤ 100 ms) ${verdict(n.largestIndicatorsP50 <= 100)}`,
  );
  console.log(
    `GET /v1/reports/subsidy, largest CPAS, whole body: median of 3 ${n.largestSubsidyMs.toFixed(0)} ms ` +
      `(target ≤ 500 ms) ${verdict(n.largestSubsidyMs <= 500)}; each ${each(n.subsidyDownloadsMs)} ms, ` +
      `then through fetch ${each(n.subsidyFetchMs)} ms`,
  );
  const formsOk = n.formPasMs <= 2000 && n.formPiis10Ms <= 2000 && n.formPeakRssMb <= 256;
  console.log(
    'GET /v1/reports/rapport-unique/{pas,piis10} as XLSX, largest CPAS, whole body: median of 3 ' +
      `${n.formPasMs.toFixed(0)} / ${n.formPiis10Ms.toFixed(0)} ms (target ≤ 2000 ms), ` +
      `server peak RSS ${n.formPeakRssMb.toFixed(0)} MB (target ≤ 256) ${verdict(formsOk)}`,
  );
  console.log(
    `GET /v1/reports/national/extract (CSV, every year) ${n.extractRows} rows in ${n.extractSeconds.toFixed(1)} s ` +
      `= ${rate.toFixed(0)} rows/s vs psql \\copy of the same query ${n.psqlSeconds.toFixed(1)} s ` +
      `= ${psqlRate.toFixed(0)} rows/s: ${(rate / psqlRate).toFixed(2)} ` +
      `(target ≥ 0.5) ${verdict(rate / psqlRate >= 0.5)}; ` +
      `server peak RSS ${n.peakRssMb.toFixed(0)} MB (idle ${n.idleRssMb.toFixed(0)} MB; target ≤ 256) ` +
      verdict(n.peakRssMb <= 256),
  );
}
