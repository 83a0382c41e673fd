// npm run openapi: writes the OpenAPI document generated from the route schemas to
// openapi/openapi.json (committed; CI fails when it drifts). --check compares instead of writing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';

const target = fileURLToPath(new URL('../../openapi/openapi.json', import.meta.url));

async function main() {
  const config = loadConfig({
    AUTH_DEV: 'true',
    DATA_DIR: fs.mkdtempSync(path.join(process.env['TMPDIR'] ?? '/tmp', 'piis-openapi-')),
    LOG_LEVEL: 'silent',
  });
  // The document depends on the routes only: no database is opened.
  const offline = {
    kind: 'embedded',
    db: null as never,
    unit: () => Promise.reject(new Error('no database')),
    read: () => Promise.reject(new Error('no database')),
    stream: () => ({ [Symbol.asyncIterator]: () => Promise.reject(new Error('no database')) as never }),
    streamBytes: () => ({ [Symbol.asyncIterator]: () => Promise.reject(new Error('no database')) as never }),
    ping: async () => false,
    close: async () => {},
  } satisfies Database;
  const app = await buildApp({ config, database: offline, sealAudit: false });
  await app.ready();
  const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
  await app.close();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== doc) {
      console.error('openapi/openapi.json is out of date: run npm run openapi and commit it');
      process.exit(1);
    }
    console.log('openapi/openapi.json is up to date');
    return;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, doc);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

main().catch((error: unknown) => {
  console.error(`openapi: ${(error as Error).message}`);
  process.exit(1);
});
