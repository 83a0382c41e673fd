import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, Page, json, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { DeadlineListQuery, DeadlineSchema } from './deadlines.schemas.js';
import * as service from './deadlines.service.js';

export const deadlineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/deadlines',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'listDeadlines',
        tags: ['deadlines'],
        summary: 'The legal deadlines of your CPAS, by due date, each with its rule and explanation',
        description:
          'Kinds: piis-conclusion (R-OBLIG-DEADLINE), reflection-end (R-REFLECT), hearing-pending (R-HEARING), ' +
          'evaluation (R-EVAL-FREQ), interview (R-EVAL-INTERVIEW), piis-end (R-DURATION), subsidy-extension ' +
          '(R-SUB-SECOND), sanction-appeal (R-SANCTION-APPEAL).',
        querystring: DeadlineListQuery,
        response: {
          200: json(Page(DeadlineSchema, 'Deadlines'), 'A page of deadlines'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request) => service.listDeadlines(requestContext(request), request.query),
  );
};
