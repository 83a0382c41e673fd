import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, json, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { EventFeedQuery, EventPageSchema } from './events.schemas.js';
import * as service from './events.service.js';
import { eventTypesTable } from '../../core/event-types.js';

export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'listEvents',
        tags: ['integration'],
        summary: "Your CPAS's change feed: every event in commit order, gap-free, at least once",
        description:
          'Page with the nextCursor of the previous answer (?after=); an empty page still returns a cursor to poll ' +
          'again with. An event is readable once every transaction that began before it has finished (normally ' +
          'within a second of its commit); no event ever appears behind a cursor already returned. Deduplicate on ' +
          'the event id.\n\nEvent types: `data.record` is the record’s public shape as of the change (as its GET ' +
          'answers it) where the type carries it, or the reason it does not.\n\n' +
          eventTypesTable(),
        querystring: EventFeedQuery,
        response: { 200: json(EventPageSchema, 'A page of events'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => service.listEvents(requestContext(request), request.query),
  );
};
