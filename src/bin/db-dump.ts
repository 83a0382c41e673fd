// npm run db:dump > piis.sql: the embedded database (DATA_DIR) as SQL for PostgreSQL 15 or later.
// Stop the service first: the embedded database is used by one process at a time.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { createPGlite } from '../db/database.js';
import { dumpDatabase } from '../db/dump.js';

// `npm run db:dump | head` closes the pipe early: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function main() {
  const config = loadConfig(process.env, { tools: true });
  if (config.databaseUrl)
    throw new Error('DATABASE_URL is set: db:dump exports the embedded database (use pg_dump for a server)');
  const dir = path.join(config.dataDir, 'pgdata');
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`no embedded database in ${dir}`);
  const pglite = await createPGlite(dir);
  try {
    await pglite.exec(`set timezone = 'UTC'`);
    await dumpDatabase(
      async (text, params) => (await pglite.query(text, params)).rows as never,
      (chunk) => process.stdout.write(chunk),
    );
  } finally {
    await pglite.close();
  }
}

main().catch((error: unknown) => {
  console.error(`db:dump failed: ${(error as Error).message}`);
  process.exit(1);
});
