import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { Instant, Int, Uuid } from '../../http/schemas.js';

export const EventSchema = named(
  'Event',
  Type.Object(
    {
      id: Uuid('Stable id of the event: the same on every page and every webhook delivery (deduplicate on it)'),
      type: Type.String({
        maxLength: 100,
        description: 'What happened, e.g. piis.signed, beneficiary.created (every type: listEvents)',
      }),
      occurredAt: Instant('When the change was made'),
      entity: Type.String({ maxLength: 100, description: 'Kind of record the event is about, e.g. piis, beneficiary' }),
      entityId: Type.Union([Uuid('Id of that record'), Type.Null()]),
      actor: Type.String({ maxLength: 200, description: "The token's sub that made the change" }),
      data: Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Ids, dates and codes of the change; `record`, the record’s public shape as of the change, for the types ' +
          'that carry it (the table of event types in listEvents says which, and why not for the others)',
      }),
    },
    { additionalProperties: false },
  ),
);
export type Event = Static<typeof EventSchema>;

export const EventFeedQuery = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'The nextCursor of the previous page; omitted: from the first event',
      }),
    ),
    cursor: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'Same as after (for clients that page every list with ?cursor=)',
      }),
    ),
    limit: Type.Optional(Int(1, 500, 'Page size (1–500, default 50)', { default: 50 })),
  },
  { additionalProperties: false },
);
export type EventFeedQuery = Static<typeof EventFeedQuery>;

export const EventPageSchema = named(
  'EventPage',
  Type.Object(
    {
      items: Type.Array(EventSchema, { maxItems: 500, description: 'Events in commit order' }),
      nextCursor: Type.String({
        maxLength: 500,
        description: 'Where to resume: always present; an empty page returns a cursor to poll again with',
      }),
    },
    { additionalProperties: false },
  ),
);
