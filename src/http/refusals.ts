// Refused requests in the audit (listAuditEntries, action "refused"): every 4xx answered to a
// caller whose token was valid — no right (403), another CPAS's record or an unknown route (404),
// bad input (400), a state or rule refusal (409, 422), a stale or missing ETag (412, 428)… —
// is recorded for the caller's CPAS (callers without one, under the platform tenant) with the
// operation, the record named in the path and the problem code as outcome. Unauthenticated
// calls (401) have no actor and rate-limited ones (429) would let a flood fill the audit: neither
// is recorded. Entries travel through the access log's buffer: the answer never waits for them.
import type { FastifyInstance } from 'fastify';
import { PLATFORM_TENANT } from '../db/tenant.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerRefusalAudit(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const principal = request.principal;
    if (!principal || status < 400 || status >= 500 || status === 401 || status === 429) return;
    const cpasId =
      request.tenantId ??
      (principal.kbo
        ? ((await app.deps.cpasDirectory.resolve(principal.kbo).catch(() => null))?.id ?? null)
        : PLATFORM_TENANT);
    if (!cpasId) return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const named = Object.values(params).find((v): v is string => typeof v === 'string' && UUID.test(v));
    const schema = request.routeOptions.schema as { operationId?: string } | undefined;
    await app.deps.accessLog.record({
      cpasId,
      actor: principal.sub,
      action: 'refused',
      entity: schema?.operationId ?? 'unknown-route',
      entityIds: named ? [named] : [],
      requestId: request.id,
      outcome: request.problemCode ?? String(status),
    });
  });
}
