// Seals the audit hash chain shortly after commit (piis_seal_audit(), a narrow owner function),
// and writes each checkpoint to the log so that a copy lives outside the database.
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { runEvery } from '../../core/every.js';

export async function sealAudit(database: Database): Promise<{ cpasId: string; position: number; hash: string }[]> {
  const { rows } = await sql<{
    cpas_id: string;
    chain_position: number;
    chain_hash: string;
  }>`select * from piis_seal_audit()`.execute(database.db);
  return rows.map((r) => ({ cpasId: r.cpas_id, position: r.chain_position, hash: r.chain_hash }));
}

/** Removes idempotency keys older than 24 h (all CPAS, through the narrow owner function). */
export async function purgeIdempotencyKeys(database: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`select piis_purge_idempotency_keys() as n`.execute(database.db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The background housekeeping of a server process: seals the audit every second, purges expired idempotency keys every
 * minute.
 */
export function startAuditSealer(
  database: Database,
  log: FastifyBaseLogger,
  everyMs = 1_000,
): { stop(): Promise<void> } {
  let ticks = 0;
  const task = runEvery(
    everyMs,
    async () => {
      const purge = ++ticks % 60 === 0;
      const checkpoints = await sealAudit(database);
      if (purge) await purgeIdempotencyKeys(database);
      for (const c of checkpoints) log.info({ auditCheckpoint: c }, 'audit checkpoint');
    },
    (error) => log.warn({ err: { message: error.message } }, 'audit sealing failed; retrying'),
  );
  return {
    async stop() {
      await task.stop();
      // seal what the last requests wrote before the process goes
      await sealAudit(database).catch(() => {});
    },
  };
}
