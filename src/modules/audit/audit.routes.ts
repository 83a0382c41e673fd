import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, Page, json, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { AuditEntrySchema, AuditQuery } from './audit.schemas.js';
import * as service from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: 'auditor' },
      schema: {
        operationId: 'listAuditEntries',
        tags: ['audit'],
        summary:
          "Your CPAS's audit: every write, every read of personal records and every refused request, oldest first",
        description:
          'Entries hold no personal data: actors are token subs and records are named by id. A read is readable ' +
          'within about a second of its answer. npm run audit:verify checks the hash chain that seals these entries.',
        querystring: AuditQuery,
        response: {
          200: json(Page(AuditEntrySchema, 'Audit entries'), 'A page of audit entries'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request) => service.listAuditEntries(requestContext(request), request.query),
  );
};
