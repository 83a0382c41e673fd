import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, IdempotencyHeader, Page, json, problems, type RoutesApp } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import {
  CreatedWebhookSchema,
  DeliveryListQuery,
  DeliverySchema,
  WebhookBody,
  WebhookListQuery,
  WebhookParams,
  WebhookSchema,
} from './webhooks.schemas.js';
import * as service from './webhooks.service.js';

const DELIVERY_NOTES =
  'Each delivery is a POST of {type, timestamp, data: <the event as in the feed>} with the Standard Webhooks headers ' +
  'webhook-id (the same on every attempt of one event), webhook-timestamp and webhook-signature (v1,<base64 ' +
  'HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" under ' +
  "the secret's bytes). " +
  'Any 2xx answer within 5 s is a success; otherwise the message is tried again within 10 s, then with exponential ' +
  'backoff and jitter for about 27 h (ten attempts), ' +
  'after which the subscription is disabled (event webhook.disabled). Order is not guaranteed: deduplicate on ' +
  'webhook-id or the event id; the feed is the record. ' +
  'The event types, their data and which carry the record: listEvents.';

function createWebhookRoute(app: RoutesApp): void {
  app.post(
    '/webhooks',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'createWebhook',
        tags: ['integration'],
        summary: 'Subscribe a URL to events of your CPAS; the answer holds the signing secret, shown only here',
        description: DELIVERY_NOTES,
        headers: IdempotencyHeader,
        body: WebhookBody,
        response: {
          201: json(CreatedWebhookSchema, 'The subscription, with its secret'),
          ...problems(400, ...AUTH_ERRORS, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.createWebhook(requestContext(request), request.body, app.deps.config.webhookAllowPrivateNetworks),
      ),
  );
}

function listWebhooksRoute(app: RoutesApp): void {
  app.get(
    '/webhooks',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'listWebhooks',
        tags: ['integration'],
        summary: 'List the webhook subscriptions of your CPAS (secrets are never shown again)',
        querystring: WebhookListQuery,
        response: {
          200: json(Page(WebhookSchema, 'Subscriptions'), 'A page of subscriptions'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request) => service.listWebhooks(requestContext(request), request.query),
  );
}

function getWebhookRoute(app: RoutesApp): void {
  app.get(
    '/webhooks/:webhookId',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'getWebhook',
        tags: ['integration'],
        summary: 'One webhook subscription, with its status',
        params: WebhookParams,
        response: { 200: json(WebhookSchema, 'The subscription'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.getWebhook(requestContext(request), request.params.webhookId)),
  );
}

function deleteWebhookRoute(app: RoutesApp): void {
  app.delete(
    '/webhooks/:webhookId',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'deleteWebhook',
        tags: ['integration'],
        summary: 'End a subscription: its pending deliveries are cancelled; its attempts stay on record',
        params: WebhookParams,
        response: { 204: { description: 'Deleted', type: 'null' }, ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.deleteWebhook(requestContext(request), request.params.webhookId)),
  );
}

function listWebhookDeliveriesRoute(app: RoutesApp): void {
  app.get(
    '/webhooks/:webhookId/deliveries',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'listWebhookDeliveries',
        tags: ['integration'],
        summary:
          'Every delivery attempt of a subscription, oldest first, with its outcome and the next attempt planned',
        params: WebhookParams,
        querystring: DeliveryListQuery,
        response: {
          200: json(Page(DeliverySchema, 'Attempts'), 'A page of attempts'),
          ...problems(400, ...AUTH_ERRORS, 404),
        },
      },
    },
    async (request) => service.listDeliveries(requestContext(request), request.params.webhookId, request.query),
  );
}

export const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  createWebhookRoute(app);
  listWebhooksRoute(app);
  getWebhookRoute(app);
  deleteWebhookRoute(app);
  listWebhookDeliveriesRoute(app);
};
