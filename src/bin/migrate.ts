// npm run migrate: applies pending migrations; exits non-zero on failure.
import path from 'node:path';
import { loadConfig } from '../config.js';
import { createPGlite, openPostgresAdmin } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { Kysely } from 'kysely';
import { PGliteDialect } from '../db/driver/embedded.js';

async function main() {
  const config = loadConfig(process.env, { tools: true });
  const db = config.databaseUrl
    ? openPostgresAdmin(config.databaseAdminUrl ?? config.databaseUrl)
    : new Kysely<any>({ dialect: new PGliteDialect(await createPGlite(path.join(config.dataDir, 'pgdata'))) });
  try {
    const results = await migrateToLatest(db);
    console.log(
      results.length === 0
        ? 'database is up to date'
        : results.map((r) => `${r.status}: ${r.migrationName}`).join('\n'),
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${(error as Error).message}`);
  process.exit(1);
});
