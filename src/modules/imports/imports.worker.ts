// Imports run in the background of the server process: every tick, each CPAS with an import
// waiting (or one whose runner died: its lease ran out) gets it claimed and run, a few at a time.
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { runEvery } from '../../core/every.js';
import { runJob, type ProcessorDeps } from './imports.processor.js';
import { claimJob } from './imports.repository.js';

export interface ImportWorker {
  /** one look for work (tests drive it) */
  tick(): Promise<void>;
  /** waits for the imports running */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startImportWorker(
  deps: ProcessorDeps,
  log: FastifyBaseLogger,
  options: { tickMs: number; maxConcurrent: number },
): ImportWorker {
  const running = new Set<Promise<void>>();
  async function tick(): Promise<void> {
    if (running.size >= options.maxConcurrent) return;
    const { rows } = await sql<{ cpas_id: string }>`select cpas_id from piis_import_tenants()`.execute(
      deps.database.db,
    );
    for (const { cpas_id: cpasId } of rows) {
      if (running.size >= options.maxConcurrent) return;
      const job = await deps.database.unit(cpasId, (tx) => claimJob(tx, cpasId, deps.leaseMs));
      if (!job) continue;
      const run = runJob(deps, job).catch((error: Error) =>
        log.warn(
          { err: { message: error.message }, importId: job.id },
          'import interrupted; it resumes when its lease runs out',
        ),
      );
      running.add(run);
      void run.finally(() => running.delete(run));
    }
  }
  const task = runEvery(options.tickMs, tick, (error) =>
    log.warn({ err: { message: error.message } }, 'import worker tick failed; retrying'),
  );
  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  return {
    tick,
    idle,
    async stop() {
      await task.stop();
      await idle();
    },
  };
}
