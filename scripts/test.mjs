#!/usr/bin/env node
// npm test: builds, prepares a migrated template database, runs the tap suite on it and ends
// with the lines "N passed, M failed, K skipped" and "N passed, M failed". On PostgreSQL when
// TEST_DATABASE_URL is set (each test file clones the template), otherwise on the embedded
// PGlite database (each file loads a dumped template). Extra arguments are test files or tap
// options.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

// CI builds and generates the clients once, before its three suites (PIIS_TEST_PREBUILT=1)
const prebuilt = process.env.PIIS_TEST_PREBUILT === '1';
const build = prebuilt ? { status: 0 } : spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The e2e client and the vendor quickstart's client are generated from the committed document,
// as a vendor would generate theirs.
const generated = (prebuilt ? [] : ['test/e2e/generated/api.d.ts', 'docs/quickstart/api.d.ts']).map((out) =>
  spawnSync('npx', ['openapi-typescript', 'openapi/openapi.json', '-o', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  }),
);
if (generated.some((g) => g.status !== 0)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The tests run as JavaScript compiled here without type checking (npm run lint checks the
// types): a test process that loaded TypeScript through a loader spent seconds compiling the
// source tree before its first assertion, once per file and suite. Emptied first, so that no
// test removed from test/ lingers.
fs.rmSync(path.join(root, 'build/tests'), { recursive: true, force: true });
const compiled = spawnSync('npx', ['tsc', '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
if (compiled.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const { migrateToLatest } = await import(path.join(root, 'dist/db/migrate.js'));
// a message rendered without one of its values fails the test that renders it (src/i18n/catalogue.ts)
const env = { ...process.env, PIIS_STRICT_MESSAGES: '1' };
const serverUrl = process.env.TEST_DATABASE_URL;
let cleanup = async () => {};

if (serverUrl) {
  const pg = (await import('pg')).default;
  const { openPostgresAdmin } = await import(path.join(root, 'dist/db/database.js'));
  const template = `piis_tpl_${process.pid}_${Date.now().toString(36)}`;
  const u = new URL(serverUrl);
  console.log(
    `# running the suite on PostgreSQL at ${u.host} with Node ${process.version} (template database ${template})`,
  );
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`create database ${template}`);
  await client.end();
  u.pathname = `/${template}`;
  const admin = openPostgresAdmin(u.toString());
  await migrateToLatest(admin);
  await admin.destroy();
  env.PIIS_TEST_TEMPLATE = template;
  cleanup = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${template} with (force)`);
    await c.end();
  };
} else {
  console.log(
    `# running the suite on the embedded PGlite database with Node ${process.version} (set TEST_DATABASE_URL for ` +
      `PostgreSQL)`,
  );
  const { PGlite } = await import('@electric-sql/pglite');
  const { Kysely } = await import('kysely');
  const { PGliteDialect } = await import(path.join(root, 'dist/db/driver/embedded.js'));
  const pglite = await PGlite.create();
  await migrateToLatest(new Kysely({ dialect: new PGliteDialect(pglite) }));
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'piis-tpl-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  env.PIIS_TEST_PGLITE_TEMPLATE = file;
  cleanup = async () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('-'));
const options = args.filter((a) => a.startsWith('-'));
const walk = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const allTests = walk('test')
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
// test/x.test.ts runs as build/tests/test/x.test.js
const compiledOf = (file) => path.join('build/tests', file.replace(/\.ts$/, '.js'));
const tapArgs = [
  'tap',
  '--disable-coverage',
  '--reporter=tap',
  ...options,
  ...(files.length ? files : allTests).map(compiledOf),
];
const child = spawn('npx', tapArgs, { env, stdio: ['ignore', 'pipe', 'inherit'] });
let output = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  output += chunk;
});
const code = await new Promise((resolve) => child.on('close', resolve));
await cleanup();

// Count assertions (subtest lines carry "# time=", assertions do not); a file that failed
// without a failing assertion (a crash, a timeout) counts as one failure. A test skipped (or left
// to do) is counted apart, never as passed: tap prints it "ok N - name # SKIP reason".
let passed = 0;
let failed = 0;
let skipped = 0;
const blocks = output.split(/^(?=# Subtest: )/m);
for (const block of blocks) {
  const fileResult = /^(not ok|ok) \d+ - (\S+)/m.exec(block);
  if (!fileResult) continue;
  const results = block.split('\n').filter((l) => /^\s+(not )?ok \d+ - /.test(l));
  const skips = results.filter((l) => /# (SKIP|TODO)\b/i.test(l));
  const lines = results.filter((l) => !/# time=/.test(l) && !/# (SKIP|TODO)\b/i.test(l));
  const f = lines.filter((l) => /^\s+not ok /.test(l)).length;
  passed += lines.length - f;
  failed += f;
  skipped += skips.length;
  if (fileResult[1] === 'not ok' && f === 0) failed += 1;
}
if (code !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
// the last line as CI reads it
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && code === 0 ? 0 : 1);
