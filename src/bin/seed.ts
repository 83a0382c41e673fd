// npm run seed -- --beneficiaries N [--cpas KBO]: fills a CPAS with N generated beneficiaries and
// their files (deterministic: the same N gives the same rows). Uses the configured database
// (DATABASE_URL, else the embedded one in DATA_DIR), migrated first. The CPAS defaults to the
// demo CPAS of dev mode, registered when missing.
import pino from 'pino';
import { loadConfig } from '../config.js';
import { openDatabase } from '../server.js';
import { DEMO_KBO, seedDemo } from '../db/demo.js';
import { seedBeneficiaries } from '../db/seed.js';
import { openPostgresAdmin } from '../db/database.js';
import { sql } from 'kysely';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function bar(done: number, total: number, started: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = done / Math.max(0.001, (performance.now() - started) / 1000);
  return `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round((done / total) * 100)).padStart(3)}% ${done}/${total} beneficiaries (${rate.toFixed(0)}/s)`;
}

async function main() {
  const count = Number(arg('beneficiaries', '1000'));
  const kbo = arg('cpas', DEMO_KBO);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new Error('--beneficiaries must be an integer from 1 to 1,000,000');
  const config = loadConfig(process.env, { tools: true });
  const database = await openDatabase(config, pino({ level: 'warn' }));
  try {
    if (kbo === DEMO_KBO) await seedDemo(database);
    const cpas = await database.db.selectFrom('cpas').select('id').where('kbo_number', '=', kbo).executeTakeFirst();
    if (!cpas) throw new Error(`no CPAS with KBO ${kbo} is registered (POST /v1/cpas first)`);
    const started = performance.now();
    const owner = config.databaseUrl ? openPostgresAdmin(config.databaseAdminUrl ?? config.databaseUrl) : null;
    try {
      await seedBeneficiaries(database.db, cpas.id, count, {
        onProgress: (done) => process.stderr.write(bar(done, count, started)),
        ...(owner ? { analyze: async () => void (await sql`analyze`.execute(owner)) } : {}),
      });
    } finally {
      await owner?.destroy();
    }
    process.stderr.write(`\nseeded ${count} beneficiaries into CPAS ${kbo} (${database.kind}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${(error as Error).message}`);
  process.exit(1);
});
