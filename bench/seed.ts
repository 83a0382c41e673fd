// npm run seed -- --beneficiaries N [--cpas KBO]: fills one CPAS with N generated beneficiaries
// and their files. npm run seed -- --scale national|large|medium|small|tiny|<fraction>: the
// national data set (~580 CPAS; ~1,000,000 PIIS and ~5,000,000 evaluations at full scale), after
// checking that the disk holds it. Both are deterministic (the same arguments give the same rows)
// and write into the configured database (DATABASE_URL, else the embedded one in DATA_DIR),
// migrated first. The single CPAS defaults to the demo CPAS of dev mode, registered when missing.
import fs from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/server.js';
import { DEMO_KBO, seedDemo } from '../src/db/demo.js';
import { seedBeneficiaries } from './seed-beneficiaries.js';
import { nationalPlan, SCALES, seedNational } from './national-seed.js';
import { openPostgresAdmin } from '../src/db/database.js';
import { todayInBrussels } from '../src/rules/calendar.js';
import { refreshRollups } from '../src/modules/reports/rollups.service.js';
import { sql } from 'kysely';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

let lastDrawn = 0;

/** The progress bar, redrawn at most five times a second (and at the end). */
function bar(done: number, total: number, started: number, what: string): string {
  const now = performance.now();
  if (done < total && now - lastDrawn < 200) return '';
  lastDrawn = now;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const elapsed = (performance.now() - started) / 1000;
  const rate = done / Math.max(0.001, elapsed);
  const left = rate > 0 ? Math.round((total - done) / rate) : 0;
  return (
    `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ` +
    `${String(Math.round((done / total) * 100)).padStart(3)}% ${done}/${total} ${what} (${rate.toFixed(0)}/s, ` +
    `~${left} s left)  `
  );
}

/**
 * Bytes the national data set takes per person on PostgreSQL, tables and indexes (measured:
 * `select pg_database_size(current_database())` over the persons of a --scale small run: ~14 kB), with a
 * margin for the write-ahead log during the run.
 */
const BYTES_PER_PERSON = 30_000;

/**
 * Where the data will be written, to check its free space: DATA_DIR, or the server's data directory when it is on this
 * machine and readable.
 */
async function dataPath(config: ReturnType<typeof loadConfig>): Promise<string | null> {
  if (!config.databaseUrl) return config.dataDir;
  const host = new URL(config.databaseUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', ''].includes(host)) return null;
  const owner = openPostgresAdmin(config.databaseAdminUrl ?? config.databaseUrl);
  try {
    const { rows } = await sql<{
      setting: string;
    }>`select setting from pg_settings where name = 'data_directory'`.execute(owner);
    return rows[0]?.setting && fs.existsSync(rows[0].setting) ? rows[0].setting : null;
  } catch {
    return null;
  } finally {
    await owner.destroy();
  }
}

/** Refuses a national seed the database's disk cannot hold (when that disk is this machine's). */
async function checkDisk(
  config: ReturnType<typeof loadConfig>,
  plan: { cpas: number; persons: number },
  scale: number,
): Promise<void> {
  const needed = plan.persons * BYTES_PER_PERSON;
  const where = await dataPath(config);
  const gib = (n: number) => `${(n / 2 ** 30).toFixed(1)} GiB`;
  if (where) {
    const stat = fs.statfsSync(where);
    const free = stat.bavail * stat.bsize;
    process.stderr.write(
      `${plan.cpas} CPAS, ${plan.persons} persons (scale ${scale}): ` +
        `about ${gib(needed)} needed, ${gib(free)} free on ${where}\n`,
    );
    if (free < needed)
      throw new Error(`not enough free disk: about ${gib(needed)} needed, ${gib(free)} free on ${where}`);
  } else {
    process.stderr.write(
      `${plan.cpas} CPAS, ${plan.persons} persons (scale ${scale}): about ${gib(needed)} needed on the database ` +
        `server (its disk cannot be checked from here)\n`,
    );
  }
}

async function main() {
  const config = loadConfig(process.env, { tools: true });
  const scaleArg = process.argv.includes('--scale') ? arg('scale', 'national') : null;
  // a bulk tool: no statement timeout (one batch of a large CPAS may take longer than a request may)
  const database = await openDatabase({ ...config, statementTimeoutMs: 0 }, pino({ level: 'warn' }));
  const owner = config.databaseUrl ? openPostgresAdmin(config.databaseAdminUrl ?? config.databaseUrl) : null;
  const analyze = owner ? async () => void (await sql`analyze`.execute(owner)) : undefined;
  try {
    const started = performance.now();
    if (scaleArg !== null) {
      const scale = SCALES[scaleArg] ?? Number(scaleArg);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 1)
        throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')} or a fraction in (0, 1]`);
      const plan = nationalPlan(scale);
      await checkDisk(config, plan, scale);
      if (database.kind === 'embedded' && scale > 0.1)
        process.stderr.write(
          'warning: the embedded database is slow at this size; PostgreSQL (DATABASE_URL) is the place for it\n',
        );
      await seedNational(database, {
        scale,
        today: todayInBrussels(),
        analyze,
        onProgress: (done, total) => process.stderr.write(bar(done, total, started, 'persons')),
      });
      process.stderr.write(
        `\nseeded ${plan.cpas} CPAS and ${plan.persons} persons (${database.kind}) in ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
      return;
    }
    const count = Number(arg('beneficiaries', '1000'));
    const kbo = arg('cpas', DEMO_KBO);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
      throw new Error('--beneficiaries must be an integer from 1 to 1,000,000');
    if (kbo === DEMO_KBO) await seedDemo(database);
    const cpas = await database.db.selectFrom('cpas').select('id').where('kbo_number', '=', kbo).executeTakeFirst();
    if (!cpas) throw new Error(`no CPAS with KBO ${kbo} is registered (POST /v1/cpas first)`);
    await seedBeneficiaries(database.db, cpas.id, count, {
      onProgress: (done) => process.stderr.write(bar(done, count, started, 'beneficiaries')),
      ...(analyze ? { analyze } : {}),
    });
    // the data at rest: indicator and subsidy tallies computed now rather than by the first reader
    await refreshRollups(database, cpas.id, todayInBrussels());
    process.stderr.write(
      `\nseeded ${count} beneficiaries into CPAS ${kbo} (${database.kind}) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await owner?.destroy();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${(error as Error).message}`);
  process.exit(1);
});
