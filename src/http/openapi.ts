// OpenAPI 3.1 generated from the route schemas (@fastify/swagger), served at /openapi.json, with
// the interactive docs at /docs. `npm run openapi` writes the same document to openapi/.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from '../config.js';
import { RateLimitHeaders } from './schemas.js';

export async function registerOpenApi(app: FastifyInstance, _config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PIIS backend for Belgian CPAS',
        version: '0.1.0',
        description:
          'REST service running the PIIS (GPMI) lifecycle by the law, computing subsidy eligibility and indicators. ' +
          'Rule ids (R-…) refer to the rulebook. Errors are RFC 9457 problems (application/problem+json).',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
        contact: { name: 'PIIS backend maintainers' },
      },
      servers: [{ url: '/', description: 'This deployment' }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token (RS256, PS256, ES256 or EdDSA)' },
        },
      },
      security: [{ bearer: [] }],
      tags: [
        { name: 'meta', description: 'Health, metrics, codes and rules' },
        { name: 'cpas', description: 'The CPAS registry' },
        { name: 'beneficiaries', description: 'Beneficiaries and their facts: right decisions, situations, exemptions' },
      ],
    },
    // Every 2xx and 4xx answer of a rate-limited route carries the RateLimit headers.
    transform: ({ schema, url, route }) => {
      const s = { ...(schema ?? {}) } as Record<string, unknown> & { response?: Record<string, Record<string, unknown>> };
      if (s.response && (route.config as { access?: string } | undefined)?.access !== undefined) {
        const response: Record<string, Record<string, unknown>> = {};
        for (const [status, r] of Object.entries(s.response)) {
          const headers = { ...((r['headers'] as object) ?? {}), ...RateLimitHeaders };
          response[status] = status === '429' ? { ...r, headers: { ...headers, 'retry-after': { schema: { type: 'integer' }, description: 'Seconds to wait' } } } : { ...r, headers };
        }
        s.response = response;
      }
      return { schema: s as never, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, uiConfig: { docExpansion: 'list', deepLinking: true } });
}
