// The background side of the indicator rollups: every few seconds, recompute the persons whose
// facts changed, in every CPAS that has some, so that readers rarely find marks waiting.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { refreshBacklog } from './rollups.service.js';

export function startRollupWorker(database: Database, today: () => string, log: FastifyBaseLogger, everyMs = 2_000): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = refreshBacklog(database, today())
      .then(() => undefined)
      .catch((error: unknown) => log.warn({ err: { message: (error as Error).message } }, 'indicator rollup refresh failed; retrying'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
