import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { ExternalRef, Instant, Int, ListQuery, Text, Uuid } from '../../http/schemas.js';
import { EVENT_PATTERN } from './delivery-policy.js';

const EventPatterns = Type.Array(
  Type.String({
    minLength: 1,
    maxLength: 100,
    pattern: EVENT_PATTERN,
    description: 'An event type (piis.signed), every type of a kind (piis.*) or every event (*)',
  }),
  { minItems: 1, maxItems: 50, uniqueItems: true, description: 'Which events to deliver' },
);

export const WebhookBody = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: 2000,
      description:
        'Where to POST: a public https URL (loopback and private addresses only where the deployment allows them)',
    }),
    events: EventPatterns,
    secret: Type.Optional(
      Type.String({
        minLength: 38,
        maxLength: 100,
        pattern: '^whsec_[A-Za-z0-9+/]+={0,2}$',
        description: 'Signing secret: whsec_ + base64 of 24–64 random bytes; generated when omitted',
      }),
    ),
    description: Type.Optional(Text('What the subscription is for')),
    externalRef: Type.Optional(ExternalRef),
  },
  { additionalProperties: false },
);
export type WebhookBody = Static<typeof WebhookBody>;

const webhookFields = {
  id: Uuid('Id of the subscription'),
  url: Type.String({ maxLength: 2000, description: 'Where deliveries go' }),
  events: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50, description: 'Which events are delivered' }),
  description: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], {
    description: 'What the subscription is for',
  }),
  status: Type.Union([Type.Literal('enabled'), Type.Literal('disabled')], {
    description:
      'enabled, or disabled after a message failed every attempt for more than 24 h (create a new subscription, then ' +
      'catch up from the event feed)',
  }),
  statusReason: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], { description: 'Why it was disabled' }),
  createdAt: Instant('When it was created'),
  externalRef: Type.Union([ExternalRef, Type.Null()]),
};

export const WebhookSchema = named('Webhook', Type.Object(webhookFields, { additionalProperties: false }));
export type Webhook = Static<typeof WebhookSchema>;

export const CreatedWebhookSchema = named(
  'CreatedWebhook',
  Type.Object(
    {
      ...webhookFields,
      secret: Type.String({ maxLength: 100, description: 'The signing secret, shown in full only in this answer' }),
    },
    { additionalProperties: false },
  ),
);

export const WebhookParams = Type.Object(
  { webhookId: Uuid('Id of the subscription') },
  { additionalProperties: false },
);

export const WebhookListQuery = Type.Object(
  { ...ListQuery, externalRef: Type.Optional(ExternalRef) },
  { additionalProperties: false },
);
export type WebhookListQuery = Static<typeof WebhookListQuery>;

const Outcome = Type.Union(
  [
    Type.Literal('delivered'),
    Type.Literal('http-error'),
    Type.Literal('timeout'),
    Type.Literal('network-error'),
    Type.Literal('refused'),
  ],
  {
    description:
      'delivered (2xx), http-error (any other status), timeout, network-error, or refused (the target is not allowed)',
  },
);

export const DeliverySchema = named(
  'WebhookDelivery',
  Type.Object(
    {
      id: Uuid('Id of the attempt'),
      messageId: Uuid('The webhook-id header: the same on every attempt of one event'),
      eventId: Uuid('The event delivered'),
      eventType: Type.String({ maxLength: 100, description: 'Its type' }),
      attempt: Int(1, 100, 'Which attempt of this message (1 = the first)'),
      attemptedAt: Instant('When it left'),
      durationMs: Int(0, 3_600_000, 'How long until the answer, the error or the timeout'),
      outcome: Outcome,
      statusCode: Type.Union([Int(100, 599, 'HTTP status answered'), Type.Null()]),
      error: Type.Union([Type.String({ maxLength: 300 }), Type.Null()], {
        description: 'What went wrong (technical, short)',
      }),
      nextAttemptAt: Type.Union([Instant('When the next attempt is planned'), Type.Null()], {
        description: 'null when delivered or when no attempt is left',
      }),
    },
    { additionalProperties: false },
  ),
);
export type Delivery = Static<typeof DeliverySchema>;

export const DeliveryListQuery = Type.Object(
  { ...ListQuery, eventId: Type.Optional(Uuid('Only the attempts of this event')), outcome: Type.Optional(Outcome) },
  { additionalProperties: false },
);
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;
