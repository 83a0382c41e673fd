import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, json, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import { RetentionPolicyBody, RetentionPolicySchema } from './retention.schemas.js';
import * as service from './retention.service.js';

export const retentionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/retention-policy',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'getRetentionPolicy',
        tags: ['cpas'],
        summary: "Your CPAS's retention policy: closed files are anonymised this many years after their last activity",
        response: { 200: json(RetentionPolicySchema, 'The policy'), ...problems(...AUTH_ERRORS) },
      },
    },
    async (request) => service.getRetentionPolicy(requestContext(request)),
  );
  app.put(
    '/retention-policy',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'setRetentionPolicy',
        tags: ['cpas'],
        summary:
          "Set your CPAS's retention period (1–100 years; audit entries hold no personal data and are always kept)",
        body: RetentionPolicyBody,
        response: { 200: json(RetentionPolicySchema, 'The policy'), ...problems(400, ...AUTH_ERRORS, 413, 415) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.setRetentionPolicy(requestContext(request), request.body)),
  );
};
