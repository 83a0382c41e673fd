// Runs during npm install (prepare): a migrated embedded database, dumped as a tarball next to the
// build, so that the first npm start copies it instead of initialising PostgreSQL from scratch
// (initdb in WebAssembly takes seconds; loading the dump takes about one).
import fs from 'node:fs';
import { Kysely } from 'kysely';
import { createPGlite, embeddedTemplatePath } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { PGliteDialect } from '../db/driver/embedded.js';

async function main() {
  const started = performance.now();
  const pglite = await createPGlite(null);
  await migrateToLatest(new Kysely<any>({ dialect: new PGliteDialect(pglite) }));
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  fs.writeFileSync(embeddedTemplatePath, Buffer.from(await dump.arrayBuffer()));
  console.log(
    `embedded database template written (${Math.round(dump.size / 1024)} KiB, ` +
      `${Math.round(performance.now() - started)} ms)`,
  );
}

main().catch((error: unknown) => {
  console.error(`build-template failed: ${(error as Error).message}`);
  process.exit(1);
});
