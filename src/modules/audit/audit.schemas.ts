import { Type, type Static } from 'typebox';
import { named } from '../../http/openapi-components.js';
import { CivilDate, Instant, ListQuery, Uuid } from '../../http/schemas.js';

const Action = Type.Union(
  [
    Type.Literal('read'),
    Type.Literal('create'),
    Type.Literal('update'),
    Type.Literal('transition'),
    Type.Literal('void'),
    Type.Literal('export'),
    Type.Literal('refused'),
  ],
  {
    description:
      'read (an access to personal records), create, update, transition, void, export, or refused (a request ' +
      'answered with a 4xx)',
  },
);

const Moment = (what: string) =>
  Type.Union([Instant(what), CivilDate(`${what}; a civil date stands for its whole day in Europe/Brussels`)], {
    description: what,
  });

export const AuditQuery = Type.Object(
  {
    ...ListQuery,
    entityId: Type.Optional(Uuid('Only entries naming this record (alone, or among the records of a list read)')),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "Only this actor (a token's sub)" })),
    action: Type.Optional(Action),
    from: Type.Optional(Moment('Entries at or after this instant (or from the start of this day)')),
    to: Type.Optional(Moment('Entries before this instant (or up to the end of this day)')),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntrySchema = named(
  'AuditEntry',
  Type.Object(
    {
      id: Uuid('Id of the entry'),
      at: Instant('When it happened'),
      actor: Type.String({ maxLength: 200, description: "The token's sub (system:… for the service's own tasks)" }),
      action: Action,
      entity: Type.String({
        maxLength: 100,
        description:
          'Kind of record (e.g. beneficiary, piis); for a refused request, the operation (e.g. getPiis) or ' +
          'unknown-route',
      }),
      entityId: Type.Union([Uuid('The record concerned'), Type.Null()], {
        description: 'The record concerned; null for a list read (see entityIds) or a request naming none',
      }),
      entityIds: Type.Array(Uuid('A record'), {
        maxItems: 500,
        description: 'Every record a list read returned (empty otherwise)',
      }),
      requestId: Type.String({
        maxLength: 100,
        description: 'The request, as in the logs and the x-request-id header',
      }),
      outcome: Type.String({
        maxLength: 100,
        description:
          'ok, or the problem code of a refused request (e.g. forbidden, not-found, reflection-period-not-elapsed)',
      }),
    },
    { additionalProperties: false },
  ),
);
export type AuditEntry = Static<typeof AuditEntrySchema>;
