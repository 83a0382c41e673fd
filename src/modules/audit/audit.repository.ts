// The audit entries as the CPAS's security adviser reads them (GET /v1/audit). They are written
// by src/core/audit-append.ts, in the transaction of the change they describe.
import { type CompiledQuery, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { uuidv7Floor } from '../../db/ids.js';
import type { AuditEntryTable } from '../../db/types.js';

export type AuditRow = Pick<
  Selectable<AuditEntryTable>,
  'id' | 'at' | 'actor' | 'action' | 'entity' | 'entity_id' | 'entity_ids' | 'request_id' | 'outcome'
>;

/**
 * The auditor's page of entries. A bound given as a civil date stands for that day in Brussels.
 * Ids are time-ordered, so a period also bounds the primary key (with ten minutes of slack for
 * entries written later than their id was drawn) and the scan stays in the period.
 */
export function auditEntriesQuery(
  tx: Tx,
  cpasId: string,
  filter: {
    entityId?: string;
    actor?: string;
    action?: string;
    from?: string;
    to?: string;
    afterId: string | null;
    limit: number;
  },
): CompiledQuery<AuditRow> {
  const SLACK_MS = 10 * 60_000;
  const instant = (v: string, endOfDay: boolean) =>
    v.length === 10
      ? sql`((${v}::date + ${endOfDay ? 1 : 0}::integer)::timestamp at time zone 'Europe/Brussels')`
      : sql`${v}::timestamptz`;
  const ms = (v: string, endOfDay: boolean) =>
    Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v) + (endOfDay && v.length === 10 ? 86_400_000 : 0);
  return sql<AuditRow>`
    select id, at, actor, action, entity, entity_id, entity_ids, request_id, outcome
    from audit_entry
    where cpas_id = ${cpasId}
      ${
        filter.entityId
          ? sql`and (entity_id = ${filter.entityId}::uuid or entity_ids @> array[${filter.entityId}::uuid])`
          : sql``
      }
      ${filter.actor ? sql`and actor = ${filter.actor}` : sql``}
      ${filter.action ? sql`and action = ${filter.action}` : sql``}
      ${
        filter.from
          ? sql`and at >= ${instant(filter.from, false)} and id >=
        ${uuidv7Floor(ms(filter.from, false) - SLACK_MS - 7_200_000)}::uuid`
          : sql``
      }
      ${
        filter.to
          ? sql`and at < ${instant(filter.to, true)} and id <
        ${uuidv7Floor(ms(filter.to, true) + SLACK_MS + 7_200_000)}::uuid`
          : sql``
      }
      ${filter.afterId ? sql`and id > ${filter.afterId}::uuid` : sql``}
    order by id
    limit ${filter.limit}`.compile(tx);
}
