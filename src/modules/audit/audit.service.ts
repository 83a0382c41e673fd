// The CPAS security adviser's view of the audit (listAuditEntries): writes, reads of personal
// records and refused requests of their own CPAS, filtered by record, actor, period and action.
// Reading the audit is itself an access (entity audit_entry).
import type { RequestContext } from '../../core/context.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { AppError } from '../../core/problem.js';
import { readUnit, recordAccess } from '../../core/work.js';
import type { AuditEntry, AuditQuery } from './audit.schemas.js';
import { auditEntriesQuery, type AuditRow } from './audit.repository.js';
import { msg } from '../../i18n/catalogue.js';

export async function listAuditEntries(ctx: RequestContext, query: AuditQuery) {
  if (query.from && query.to && startOf(query.from) > startOf(query.to)) {
    throw new AppError('validation-failed', msg('date.period-reversed'), {
      errors: [{ path: 'to', message: msg('date.is-before', { field: 'from' }) }],
    });
  }
  const limit = query.limit ?? 50;
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await tx.executeQuery(
          auditEntriesQuery(tx, ctx.cpasId, { ...query, afterId: decodeCursor(query.cursor), limit: limit + 1 }),
        )
      ).rows,
  );
  const page = pageOf(rows, limit);
  await recordAccess(ctx, 'audit_entry', page.items);
  return { items: page.items.map(toEntry), nextCursor: page.nextCursor };
}

/**
 * Comparable start of a bound (a civil date is its day's start; the zone does not change the order of two bounds by
 * more than a day).
 */
function startOf(v: string): number {
  return Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    entityIds: row.entity_ids ?? [],
    requestId: row.request_id,
    outcome: row.outcome,
  };
}
