// The security adviser's view of the audit, as tests read it: every entry written so far.
import type { FastifyInstance } from 'fastify';
import { bearer } from './app.js';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  entityIds: string[];
  requestId: string;
  outcome: string;
}

/** listAuditEntries after the access log is flushed, so that every read answered so far is there. */
export async function auditEntries(
  app: FastifyInstance,
  auditorToken: string,
  query = '',
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  await app.deps.accessLog.flush();
  const res = await app.inject({
    method: 'GET',
    url: `/v1/audit?limit=500${query ? `&${query}` : ''}`,
    headers: bearer(auditorToken),
  });
  if (res.statusCode !== 200) throw new Error(`listAuditEntries: ${res.statusCode} ${res.body}`);
  return res.json();
}
