// Applies the migrations of migrations/ (compiled to dist/migrations in production). They are
// Kysely<any> modules that never import src/, so they stay valid however the code evolves.
import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, type MigrationResult, Migrator, sql } from 'kysely';

// Built: dist/db → dist/migrations (compiled). From source (tests): src/db → migrations/.
const builtDir = fileURLToPath(new URL('../migrations/', import.meta.url));
const migrationsDir = existsSync(builtDir) ? builtDir : fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^\d{14}_[a-z0-9_]+\.(ts|js)$/;

class DirectoryMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(migrationsDir))
      .filter((f) => MIGRATION_FILE.test(f) && !f.endsWith('.d.ts'))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(path.join(migrationsDir, file)).href)) as Migration;
      migrations[file.replace(/\.(ts|js)$/, '')] = mod;
    }
    return migrations;
  }
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResult[],
  ) {
    super(message);
  }
}

/** Names of the migration files not yet recorded as applied (one cheap query at start-up). */
async function pendingMigrationNames(db: Kysely<any>): Promise<string[]> {
  const files = (await fs.readdir(migrationsDir))
    .filter((f) => MIGRATION_FILE.test(f) && !f.endsWith('.d.ts'))
    .map((f) => f.replace(/\.(ts|js)$/, ''));
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return files.filter((f) => !applied.has(f));
  } catch {
    return files; // no migration table yet
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResult[]> {
  // Kysely's migrator takes its lock and checks its tables (hundreds of ms on the embedded
  // database): skip it when nothing is pending.
  if ((await pendingMigrationNames(db)).length === 0) return [];
  const migrator = new Migrator({ db, provider: new DirectoryMigrationProvider() });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    throw new MigrationError(
      `${failed ? `migration ${failed.migrationName}` : 'migrating'} failed: ` +
        `${error instanceof Error ? error.message : String(error)}`,
      results,
    );
  }
  return results;
}
