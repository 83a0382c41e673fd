#!/usr/bin/env node
// npm run db:types: generates src/db/schema.generated.ts — every table and column as the
// migrations leave them — with kysely-codegen, from a PostgreSQL database migrated afresh for the
// purpose and dropped after; the file is kept as the tool writes it (Prettier and ESLint leave it
// alone). `--check` (CI) fails when the committed file differs from what the
// migrations give. src/db/types.ts, the table types the code uses, is checked against it at
// compile time (src/db/schema-check.ts). Needs a build (npm run build) and PostgreSQL at PGURL
// (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const serverUrl = process.env.PGURL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const check = process.argv.includes('--check');
const outFile = 'src/db/schema.generated.ts';
// instants come back as RFC 3339 strings, int8 as numbers; a JSON value as JavaScript has it
// (SQL NULL stays apart: a nullable column adds `| null`)
const TYPES_AS_READ = {
  timestamptz: 'string',
  timestamp: 'string',
  int8: 'number',
  json: 'string | number | boolean | object',
  jsonb: 'string | number | boolean | object',
};

const { migrateToLatest } = await import(path.join(root, 'dist/db/migrate.js'));
const { openPostgresAdmin } = await import(path.join(root, 'dist/db/database.js'));

async function onServer(statement) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const name = `piis_types_${process.pid}_${Date.now().toString(36)}`;
const url = new URL(serverUrl);
url.pathname = `/${name}`;
await onServer(`create database ${name}`);
let status = 1;
try {
  const admin = openPostgresAdmin(url.toString());
  await migrateToLatest(admin);
  await admin.destroy();
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/kysely-codegen'),
    [
      '--dialect=postgres',
      `--url=${url}`,
      `--out-file=${outFile}`,
      '--default-schema=public',
      // the migrations' own bookkeeping is not the service's
      '--exclude-pattern=public.kysely_*',
      // the types values take as the service reads them (src/db/database.ts sets the parsers)
      '--date-parser=string',
      '--numeric-parser=number',
      `--type-mapping=${JSON.stringify(TYPES_AS_READ)}`,
      '--type-only-imports',
      ...(check ? ['--verify'] : []),
    ],
    { cwd: root, stdio: 'inherit' },
  );
  status = run.status ?? 1;
} finally {
  await onServer(`drop database if exists ${name} with (force)`);
}
if (status !== 0 && check) console.error(`${outFile} is not what the migrations give: run npm run db:types`);
process.exit(status);
