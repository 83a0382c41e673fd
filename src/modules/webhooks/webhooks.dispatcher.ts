// Deliveries, in the server process. Every tick, for each CPAS with enabled subscriptions, bound
// to that CPAS: (1) fan-out — the feed after each subscription's position becomes one message per
// matching event, and the position moves on, in one transaction; (2) the due messages are claimed
// (attempt counted, leased) in a short transaction and sent without holding one — a slow receiver
// never keeps a transaction open, so it never holds back the feed's horizon; (3) each answer is
// recorded with the next attempt planned, or the message failed for good and the subscription
// disabled. The feed's order and gap-freeness carry over: nothing is fanned out before every
// older transaction has finished, so no event is missed.
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { runEvery } from '../../core/every.js';
import { uuidv7 } from '../../db/ids.js';
import { appendChange } from '../../core/audit-append.js';
import { feedQuery, pageFromRows } from '../events/index.js';
import { matchesAny, RETRY_DELAYS_MS, retryDelayMs } from './delivery-policy.js';
import { postWebhook, type AttemptResult } from './sender.js';
import { signatureHeader } from './signature.js';
import * as repo from './webhooks.repository.js';

export interface DispatcherOptions {
  /** how often to look for work (ms) */
  tickMs: number;
  /** how long a receiver has to answer (ms) */
  timeoutMs: number;
  /** the waits after each failed attempt */
  retryDelaysMs: readonly number[];
  allowPrivateNetworks: boolean;
  /** deliveries in flight at once, over every CPAS */
  maxInFlight: number;
  /** events fanned out per subscription and tick */
  fanOutBatch: number;
  random: () => number;
}

export const DEFAULT_DISPATCHER: Omit<DispatcherOptions, 'allowPrivateNetworks'> = {
  tickMs: 500,
  timeoutMs: 5_000,
  retryDelaysMs: RETRY_DELAYS_MS,
  maxInFlight: 50,
  fanOutBatch: 500,
  random: Math.random,
};

const WORKER = { actor: 'system:webhook-dispatcher', requestId: 'webhook-dispatcher' };

export interface Dispatcher {
  /** one round of fan-out and sending (tests drive it directly) */
  tick(): Promise<void>;
  /** waits for the deliveries in flight */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** What each step of a tick works with. */
interface Steps {
  database: Database;
  log: FastifyBaseLogger;
  options: DispatcherOptions;
}

/** (1) The feed after each enabled subscription's position, as messages; the position moves on. */
async function fanOut({ database, options }: Steps, cpasId: string): Promise<void> {
  await database.unit(cpasId, async (tx) => {
    for (const sub of await repo.lockEnabledSubscriptions(tx, cpasId)) {
      const after = { tx: sub.cursor_tx, id: sub.cursor_id };
      const { rows } = await tx.executeQuery(feedQuery(tx, cpasId, after, options.fanOutBatch + 1));
      const page = pageFromRows(rows, after, options.fanOutBatch);
      const messages = page.events
        .filter((e) => matchesAny(sub.events, e.type))
        .map(({ position: _, ...event }) => ({
          cpas_id: cpasId,
          id: uuidv7(),
          webhook_id: sub.id,
          event_id: event.id,
          event_type: event.type,
          // Standard Webhooks' payload shape; fixed now so that every attempt sends the same bytes
          payload: JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: event }),
        }));
      await repo.insertMessages(tx, messages);
      await repo.moveCursor(tx, cpasId, sub.id, page.next);
    }
  });
}

/** (2) One claimed message sent, signed, without a transaction open; then its answer recorded. */
async function deliver(steps: Steps, cpasId: string, claim: repo.Claim): Promise<void> {
  const timestamp = Math.floor(Date.now() / 1000);
  const attemptedAt = new Date().toISOString();
  const result = await postWebhook(
    claim.url,
    {
      'webhook-id': claim.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(claim.secret, claim.id, timestamp, claim.payload),
    },
    claim.payload,
    { timeoutMs: steps.options.timeoutMs, allowPrivateNetworks: steps.options.allowPrivateNetworks },
  );
  await record(steps, cpasId, claim, attemptedAt, result);
}

/** (3) The attempt recorded, the next planned — or the message failed for good and its subscription disabled. */
async function record(
  { database, log, options }: Steps,
  cpasId: string,
  claim: repo.Claim,
  attemptedAt: string,
  result: AttemptResult,
): Promise<void> {
  const delay =
    result.outcome === 'delivered' ? null : retryDelayMs(options.retryDelaysMs, claim.attempts, options.random);
  await database.unit(cpasId, async (tx) => {
    await repo.insertAttempt(tx, {
      cpas_id: cpasId,
      id: uuidv7(),
      webhook_id: claim.webhook_id,
      message_id: claim.id,
      attempt: claim.attempts,
      attempted_at: attemptedAt,
      duration_ms: result.durationMs,
      outcome: result.outcome,
      status_code: result.statusCode,
      error: result.error,
      next_attempt_at: delay === null ? null : new Date(Date.now() + delay).toISOString(),
    });
    if (result.outcome === 'delivered') return repo.settleMessage(tx, cpasId, claim.id, { status: 'delivered' });
    if (delay !== null) return repo.settleMessage(tx, cpasId, claim.id, { retryInMs: delay });
    await repo.settleMessage(tx, cpasId, claim.id, { status: 'failed' });
    const reason =
      `event ${claim.event_id} failed all ${claim.attempts} attempts (last: ` + `${result.error ?? result.outcome})`;
    if (await repo.endSubscription(tx, cpasId, claim.webhook_id, 'disabled', reason)) {
      await appendChange(
        tx,
        { cpasId, ...WORKER },
        {
          action: 'update',
          entity: 'webhook',
          entityId: claim.webhook_id,
          event: {
            type: 'webhook.disabled',
            data: { id: claim.webhook_id, eventId: claim.event_id, attempts: claim.attempts },
          },
        },
      );
      log.warn({ cpasId, webhookId: claim.webhook_id }, 'webhook subscription disabled after repeated failure');
    }
  });
}

export function createDispatcher(database: Database, log: FastifyBaseLogger, options: DispatcherOptions): Dispatcher {
  const steps: Steps = { database, log, options };
  const inFlight = new Set<Promise<void>>();

  async function tick(): Promise<void> {
    const { rows } = await sql<{ cpas_id: string }>`select cpas_id from piis_webhook_tenants()`.execute(database.db);
    for (const { cpas_id: cpasId } of rows) {
      await fanOut(steps, cpasId);
      const room = options.maxInFlight - inFlight.size;
      if (room <= 0) continue;
      // the lease outlasts the attempt, so that no other sender takes the message meanwhile
      const claims = await database.unit(cpasId, (tx) => repo.claimDue(tx, cpasId, room, options.timeoutMs + 10_000));
      for (const claim of claims) {
        const delivery = deliver(steps, cpasId, claim).catch((error: Error) =>
          log.warn({ err: { message: error.message } }, 'webhook delivery could not be recorded; it will be retried'),
        );
        inFlight.add(delivery);
        void delivery.finally(() => inFlight.delete(delivery));
      }
    }
  }

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return { tick, idle, stop: idle };
}

export function startWebhookDispatcher(
  database: Database,
  log: FastifyBaseLogger,
  options: DispatcherOptions,
): { stop(): Promise<void>; dispatcher: Dispatcher } {
  const dispatcher = createDispatcher(database, log, options);
  const task = runEvery(
    options.tickMs,
    () => dispatcher.tick(),
    (error) => log.warn({ err: { message: error.message } }, 'webhook dispatch failed; retrying'),
  );
  return {
    dispatcher,
    async stop() {
      await task.stop();
      await dispatcher.idle();
    },
  };
}
