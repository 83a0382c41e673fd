// What a service needs to know about the request it serves, free of HTTP: the database, the
// tenant, the actor, the request id, today's civil date and the caller's language — plus, for a
// POST, its idempotency key. Routes build it with requestContext(request).
import type { Database } from '../db/database.js';
import type { AccessLog } from './access-log.js';
import type { Lang } from './problem.js';

export interface RequestContext {
  /** units of work and reads (an import's rows get units nested in its batch's) */
  readonly database: Database;
  /** where reads of personal records leave their GDPR access entries */
  readonly accessLog: AccessLog;
  /** the tenant bound to every unit of work (PLATFORM_TENANT for registry actions) */
  readonly cpasId: string;
  /** the token's sub: the actor recorded on everything this request does */
  readonly actor: string;
  readonly requestId: string;
  /** today in Europe/Brussels, YYYY-MM-DD: facts may not be dated after it */
  readonly today: string;
  readonly lang: Lang;
  /** rule parameters this deployment sets (REFLECTION_WAIVER_ALLOWED → R-REFLECT) */
  readonly deployment: { readonly reflectionWaiverAllowed: boolean };
  readonly idempotency: { key: string; requestHash: string } | null;
}

/** What a write answers, stored as is for idempotent replays. */
export interface Outcome<B = unknown> {
  status: number;
  body: B;
  headers: Record<string, string>;
}

export function created<B>(body: B, location: string, etag: string): Outcome<B> {
  return { status: 201, body, headers: { location, etag } };
}

export function ok<B>(body: B, etag?: string): Outcome<B> {
  return { status: 200, body, headers: etag ? { etag } : {} };
}
