// The owner's connection for maintenance commands (audit:verify, purge): DATABASE_ADMIN_URL or
// DATABASE_URL on PostgreSQL, the embedded database's directory otherwise (service stopped).
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { createPGlite } from './database.js';

export type OwnerQuery = <R>(text: string, params?: unknown[]) => Promise<R[]>;

export async function openOwner(config: Config): Promise<{ query: OwnerQuery; close(): Promise<void> }> {
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseAdminUrl ?? config.databaseUrl });
    await client.connect();
    return {
      query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
      close: () => client.end(),
    };
  }
  const pglite = await createPGlite(path.join(config.dataDir, 'pgdata'));
  return {
    query: async <R>(text: string, params: unknown[] = []) => (await pglite.query<R>(text, params)).rows,
    close: () => pglite.close(),
  };
}
