// The background side of the indicator and subsidy rollups: every few seconds, recompute the
// persons whose facts changed, in every CPAS that has some, so that readers rarely find marks waiting.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/database.js';
import { runEvery } from '../../core/every.js';
import { refreshBacklog } from './rollups.service.js';

export function startRollupWorker(
  database: Database,
  today: () => string,
  log: FastifyBaseLogger,
  everyMs = 2_000,
): { stop(): Promise<void> } {
  return runEvery(
    everyMs,
    async () => void (await refreshBacklog(database, today())),
    (error) => log.warn({ err: { message: error.message } }, 'indicator rollup refresh failed; retrying'),
  );
}
