// Builds the RequestContext a service receives from an authenticated Fastify request.
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../core/context.js';
import { requestLanguage } from './language.js';
import { msg } from '../i18n/catalogue.js';
import { AppError } from '../core/problem.js';
import { PLATFORM_TENANT } from '../db/tenant.js';

/** JSON with object keys sorted, so that the same body hashes the same whatever its key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestContext(request: FastifyRequest): RequestContext {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthenticated', msg('http.token-required'));
  const key = request.method === 'POST' ? request.headers['idempotency-key'] : undefined;
  const idemKey = typeof key === 'string' ? key : undefined;
  return {
    database: request.server.deps.database,
    accessLog: request.server.deps.accessLog,
    cpasId: request.tenantId ?? PLATFORM_TENANT,
    actor: principal.sub,
    requestId: request.id,
    today: request.server.deps.clock.today(),
    lang: requestLanguage(request),
    deployment: { reflectionWaiverAllowed: request.server.deps.config.reflectionWaiverAllowed },
    idempotency: idemKey
      ? {
          key: idemKey,
          requestHash: createHash('sha256')
            // the query string counts (an upload's metadata travels there); a binary body is hashed as bytes
            .update(`${request.method} ${request.url}\n${request.headers['content-type'] ?? ''}\n`)
            .update(Buffer.isBuffer(request.body) ? request.body : stableStringify(request.body ?? null))
            .digest('hex'),
        }
      : null,
  };
}
