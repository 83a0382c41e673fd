// Webhook subscriptions as vendors manage them (createWebhook, listWebhooks, getWebhook,
// deleteWebhook) and the attempts they read (listWebhookDeliveries). Deliveries themselves are
// the dispatcher's.
import { created, ok, type Outcome, type RequestContext } from '../../core/context.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { AppError } from '../../core/problem.js';
import { readUnit, writeUnit } from '../../core/work.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import { appendChange } from '../../core/audit-append.js';
import { belowHorizon } from '../events/index.js';
import { generateSecret, secretKey } from './signature.js';
import { webhookUrlProblem } from './url-policy.js';
import type { Delivery, DeliveryListQuery, Webhook, WebhookBody, WebhookListQuery } from './webhooks.schemas.js';
import * as repo from './webhooks.repository.js';
import { msg } from '../../i18n/catalogue.js';

const NO_WEBHOOK = () => new AppError('not-found', msg('not-found.webhook'));
const etag = (row: repo.SubscriptionRow) => `"${row.status}"`;

export async function createWebhook(
  ctx: RequestContext,
  body: WebhookBody,
  allowPrivateNetworks: boolean,
): Promise<Outcome> {
  const urlProblem = webhookUrlProblem(body.url, allowPrivateNetworks);
  if (urlProblem)
    throw new AppError('validation-failed', msg('check.webhook-url', { problem: urlProblem }), {
      errors: [{ path: '/url', message: urlProblem }],
    });
  if (body.secret !== undefined && !secretKey(body.secret)) {
    throw new AppError('validation-failed', msg('check.webhook-secret'), {
      errors: [{ path: '/secret', message: msg('check.webhook-secret-short') }],
    });
  }
  const secret = body.secret ?? generateSecret();
  return writeUnit(ctx, async (tx) => {
    const id = uuidv7();
    const start = belowHorizon(await repo.currentHorizon(tx));
    await repo.insertSubscription(tx, {
      cpas_id: ctx.cpasId,
      id,
      url: body.url,
      events: body.events,
      description: body.description ?? null,
      secret,
      status_reason: null,
      status_changed_at: null,
      cursor_tx: start.tx,
      cursor_id: start.id,
      created_by: ctx.actor,
      external_ref: body.externalRef ?? null,
    });
    const [row] = (await tx.executeQuery(repo.subscriptionsQuery(tx, ctx.cpasId, { id }))).rows;
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'webhook',
      entityId: id,
      event: { type: 'webhook.created', data: { id, events: body.events, record: toWebhook(row!) } },
    });
    return created({ ...toWebhook(row!), secret }, `/v1/webhooks/${id}`, etag(row!));
  }).catch((error) => {
    if (uniqueViolation(error) !== null)
      throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'webhook' }));
    throw error;
  });
}

export async function listWebhooks(ctx: RequestContext, query: WebhookListQuery) {
  const limit = query.limit ?? 50;
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await tx.executeQuery(
          repo.subscriptionsQuery(tx, ctx.cpasId, {
            externalRef: query.externalRef,
            afterId: decodeCursor(query.cursor),
            limit: limit + 1,
          }),
        )
      ).rows,
  );
  const page = pageOf(rows, limit);
  return { items: page.items.map(toWebhook), nextCursor: page.nextCursor };
}

export async function getWebhook(ctx: RequestContext, webhookId: string): Promise<Outcome<Webhook>> {
  const row = await findWebhook(ctx, webhookId);
  return ok(toWebhook(row), etag(row));
}

export async function deleteWebhook(ctx: RequestContext, webhookId: string): Promise<Outcome<undefined>> {
  return writeUnit(ctx, async (tx) => {
    if (!(await repo.endSubscription(tx, ctx.cpasId, webhookId, 'deleted', `deleted by ${ctx.actor}`)))
      throw NO_WEBHOOK();
    await appendChange(tx, ctx, {
      action: 'update',
      entity: 'webhook',
      entityId: webhookId,
      event: { type: 'webhook.deleted', data: { id: webhookId } },
    });
    return { status: 204, body: undefined, headers: {} };
  });
}

export async function listDeliveries(ctx: RequestContext, webhookId: string, query: DeliveryListQuery) {
  await findWebhook(ctx, webhookId);
  const limit = query.limit ?? 50;
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await tx.executeQuery(
          repo.attemptsQuery(tx, ctx.cpasId, webhookId, {
            eventId: query.eventId,
            outcome: query.outcome,
            afterId: decodeCursor(query.cursor),
            limit: limit + 1,
          }),
        )
      ).rows,
  );
  const page = pageOf(rows, limit);
  return { items: page.items.map(toDelivery), nextCursor: page.nextCursor };
}

async function findWebhook(ctx: RequestContext, webhookId: string): Promise<repo.SubscriptionRow> {
  const [row] = await readUnit(
    ctx,
    async (tx) => (await tx.executeQuery(repo.subscriptionsQuery(tx, ctx.cpasId, { id: webhookId }))).rows,
  );
  if (!row) throw NO_WEBHOOK();
  return row;
}

function toWebhook(row: repo.SubscriptionRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    status: row.status === 'disabled' ? 'disabled' : 'enabled',
    statusReason: row.status === 'disabled' ? row.status_reason : null,
    createdAt: row.created_at,
    externalRef: row.external_ref,
  };
}

function toDelivery(row: repo.AttemptRow): Delivery {
  return {
    id: row.id,
    messageId: row.message_id,
    eventId: row.event_id,
    eventType: row.event_type,
    attempt: row.attempt,
    attemptedAt: row.attempted_at,
    durationMs: row.duration_ms,
    outcome: row.outcome,
    statusCode: row.status_code,
    error: row.error,
    nextAttemptAt: row.next_attempt_at,
  };
}
