// Liveness, readiness and metrics: no token. Readiness answers 503 while the database is
// unreachable (and again by itself when it returns) and while the process drains on SIGTERM.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../core/problem.js';
import { json, problems } from '../../http/schemas.js';
import { msg } from '../../i18n/catalogue.js';

const Status = Type.Object(
  { status: Type.String({ maxLength: 20, description: 'ok / ready' }) },
  { additionalProperties: false },
);

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health/live',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getLiveness',
        tags: ['meta'],
        summary: 'The process is running',
        security: [],
        response: { 200: json(Status, 'Alive'), ...problems() },
      },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/health/ready',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getReadiness',
        tags: ['meta'],
        summary: 'The service can serve requests (database reachable, not shutting down)',
        security: [],
        response: { 200: json(Status, 'Ready'), ...problems() },
      },
    },
    async () => {
      if (app.deps.shuttingDown) throw new AppError('unavailable', msg('health.shutting-down'));
      if (!(await app.deps.database.ping())) throw new AppError('unavailable', msg('health.database'));
      return { status: 'ready' };
    },
  );
  app.get(
    '/metrics',
    {
      config: { access: 'public', produces: ['text/plain'] },
      schema: {
        operationId: 'getMetrics',
        tags: ['meta'],
        summary: 'Prometheus metrics',
        security: [],
        response: {
          200: {
            description: 'Prometheus text exposition format',
            content: { 'text/plain': { schema: Type.String({ maxLength: 10_000_000 }) } },
          },
          ...problems(),
        },
      },
    },
    async (_request, reply) => {
      reply.type(app.metrics.contentType);
      return app.metrics.metrics();
    },
  );
};
