// Plain functions over subscriptions, messages and attempts. Every query names its CPAS besides
// row-level security.
import { type CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { WebhookAttemptTable, WebhookOutcome, WebhookSubscriptionTable } from '../../db/types.js';
import type { FeedPosition } from '../events/index.js';

export type SubscriptionRow = Selectable<WebhookSubscriptionTable>;

export async function insertSubscription(tx: Tx, row: Insertable<WebhookSubscriptionTable>): Promise<void> {
  await tx.insertInto('webhook_subscription').values(row).execute();
}

/** The position of the feed's horizon now: a new subscription takes the events from there on. */
export async function currentHorizon(tx: Tx): Promise<string> {
  const { rows } = await sql<{
    horizon: string;
  }>`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`.execute(tx);
  return rows[0]!.horizon;
}

export function subscriptionsQuery(
  tx: Tx,
  cpasId: string,
  filter: { id?: string; externalRef?: string; afterId?: string | null; limit?: number },
): CompiledQuery<SubscriptionRow> {
  let q = tx
    .selectFrom('webhook_subscription')
    .selectAll()
    .where('cpas_id', '=', cpasId)
    .where('status', '<>', 'deleted');
  if (filter.id) q = q.where('id', '=', filter.id);
  if (filter.externalRef) q = q.where('external_ref', '=', filter.externalRef);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  q = q.orderBy('id');
  if (filter.limit) q = q.limit(filter.limit);
  return q.compile();
}

/** Marks a subscription deleted or disabled and cancels its pending messages; false when there was none to change. */
export async function endSubscription(
  tx: Tx,
  cpasId: string,
  id: string,
  status: 'deleted' | 'disabled',
  reason: string,
): Promise<boolean> {
  const changed = await tx
    .updateTable('webhook_subscription')
    .set({ status, status_reason: reason, status_changed_at: sql<string>`now()` as unknown as string })
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .where('status', status === 'deleted' ? '<>' : '=', status === 'deleted' ? 'deleted' : 'enabled')
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) return false;
  await tx
    .updateTable('webhook_message')
    .set({ status: 'cancelled', next_attempt_at: null, finished_at: sql<string>`now()` as unknown as string })
    .where('cpas_id', '=', cpasId)
    .where('webhook_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  return true;
}

/** The enabled subscriptions of the CPAS, locked for fan-out (another process skips them). */
export function lockEnabledSubscriptions(tx: Tx, cpasId: string) {
  return tx
    .selectFrom('webhook_subscription')
    .select(['id', 'events', 'cursor_tx', 'cursor_id'])
    .where('cpas_id', '=', cpasId)
    .where('status', '=', 'enabled')
    .orderBy('id')
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function insertMessages(
  tx: Tx,
  rows: Array<{
    cpas_id: string;
    id: string;
    webhook_id: string;
    event_id: string;
    event_type: string;
    payload: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('webhook_message')
    .values(rows.map((r) => ({ ...r, next_attempt_at: sql<string>`now()` as unknown as string })))
    .onConflict((oc) => oc.columns(['cpas_id', 'webhook_id', 'event_id']).doNothing())
    .execute();
}

export async function moveCursor(tx: Tx, cpasId: string, id: string, to: FeedPosition): Promise<void> {
  await tx
    .updateTable('webhook_subscription')
    .set({ cursor_tx: to.tx, cursor_id: to.id })
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .execute();
}

export interface Claim {
  id: string;
  webhook_id: string;
  event_id: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Takes up to `limit` due messages of enabled subscriptions: counts the attempt and leases the
 * message until `leaseMs` from now, so that no other sender takes it meanwhile and a sender that
 * dies mid-attempt only delays it. The ids are picked once (an array), then updated.
 */
export async function claimDue(tx: Tx, cpasId: string, limit: number, leaseMs: number): Promise<Claim[]> {
  const { rows } = await sql<Claim>`
    update webhook_message m
    set attempts = m.attempts + 1,
        first_attempt_at = coalesce(m.first_attempt_at, now()),
        next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
    from webhook_subscription s
    where m.cpas_id = ${cpasId}
      and m.id = any(array(
        select d.id from webhook_message d
        where d.cpas_id = ${cpasId} and d.status = 'pending' and d.next_attempt_at <= now()
        order by d.next_attempt_at
        limit ${limit}
        for update skip locked))
      and s.cpas_id = m.cpas_id and s.id = m.webhook_id and s.status = 'enabled'
    returning m.id, m.webhook_id, m.event_id, m.payload, m.attempts, s.url, s.secret`.execute(tx);
  return rows;
}

export async function insertAttempt(tx: Tx, row: Insertable<WebhookAttemptTable>): Promise<void> {
  await tx.insertInto('webhook_attempt').values(row).execute();
}

/** After an attempt: delivered, due again after a wait, or failed for good. */
export async function settleMessage(
  tx: Tx,
  cpasId: string,
  id: string,
  next: { status: 'delivered' | 'failed' } | { retryInMs: number },
): Promise<void> {
  const q = tx
    .updateTable('webhook_message')
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .where('status', '=', 'pending');
  if ('retryInMs' in next) {
    await q
      .set({
        next_attempt_at: sql<string>`now() + make_interval(secs => ${next.retryInMs / 1000})` as unknown as string,
      })
      .execute();
  } else {
    await q
      .set({ status: next.status, next_attempt_at: null, finished_at: sql<string>`now()` as unknown as string })
      .execute();
  }
}

export type AttemptRow = Selectable<WebhookAttemptTable> & { event_id: string; event_type: string };

export function attemptsQuery(
  tx: Tx,
  cpasId: string,
  webhookId: string,
  filter: { eventId?: string; outcome?: WebhookOutcome; afterId?: string | null; limit: number },
): CompiledQuery<AttemptRow> {
  let q = tx
    .selectFrom('webhook_attempt as a')
    .innerJoin('webhook_message as m', (j) => j.onRef('m.cpas_id', '=', 'a.cpas_id').onRef('m.id', '=', 'a.message_id'))
    .selectAll('a')
    .select(['m.event_id', 'm.event_type'])
    .where('a.cpas_id', '=', cpasId)
    .where('a.webhook_id', '=', webhookId);
  if (filter.eventId) q = q.where('m.event_id', '=', filter.eventId);
  if (filter.outcome) q = q.where('a.outcome', '=', filter.outcome);
  if (filter.afterId) q = q.where('a.id', '>', filter.afterId);
  return q.orderBy('a.id').limit(filter.limit).compile();
}
