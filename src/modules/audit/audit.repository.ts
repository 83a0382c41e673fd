// Audit and outbox rows, written in the transaction of the change they describe. Entries hold no
// personal data: the actor is the token's sub and records are named by id only.
import { type CompiledQuery, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { uuidv7, uuidv7Floor } from '../../db/ids.js';
import { isEventType } from '../events/event-types.js';
import type { AuditAction, AuditEntryTable } from '../../db/types.js';
import type { RequestContext } from '../../http/context.js';

export interface DomainEvent {
  type: string;
  data: Record<string, unknown>;
  entity?: string;
  entityId?: string;
}

export interface Change {
  action: Exclude<AuditAction, 'read'>;
  entity: string;
  entityId: string;
  /**
   * the domain event for the outbox, e.g. beneficiary.created; it names the changed record unless
   * it names its own subject (a PIIS's facts are events of the PIIS: its timeline)
   */
  event: DomainEvent;
  /** further events of the same change, in order (e.g. piis.signed after piis.signature_recorded) */
  alsoEmit?: DomainEvent[];
}

/** Appends the audit entry and the outbox event(s) of a change: one statement, one round trip. */
/** Who made a change: the caller of a request, or a background task acting for the service. */
export type Actor = Pick<RequestContext, 'cpasId' | 'actor' | 'requestId'>;

export async function appendChange(tx: Tx, ctx: Actor, change: Change): Promise<void> {
  await tx.executeQuery(appendChangeQuery(tx, ctx, change));
}

/** The statement of appendChange, for a unit of work that sends it with its commit. */
export function appendChangeQuery(tx: Tx, ctx: Actor, change: Change): CompiledQuery {
  return appendChangesQuery(tx, ctx, [change]);
}

/** The audit entries and events of several changes by one actor (a bulk import's batch): one statement. */
export function appendChangesQuery(tx: Tx, ctx: Actor, changes: readonly Change[]): CompiledQuery {
  const audits = changes.map(
    (change) =>
      sql`(${ctx.cpasId}, ${uuidv7()}, ${ctx.actor}, ${change.action}, ${change.entity}, ${change.entityId}, ${ctx.requestId})`,
  );
  const events = changes.flatMap((change) =>
    [change.event, ...(change.alsoEmit ?? [])].map((e) => {
      // the list of event types is the one the feed and the webhooks document
      if (!isEventType(e.type))
        throw new Error(`appendChange: ${e.type} is not in the list of event types (events/event-types.ts)`);
      return sql`(${ctx.cpasId}, ${uuidv7()}, ${e.type}, ${e.entity ?? change.entity}, ${e.entityId ?? change.entityId}, ${ctx.actor},
            ${JSON.stringify(e.data)}::jsonb, ${ctx.requestId})`;
    }),
  );
  return sql`
    with audit as (
      insert into audit_entry (cpas_id, id, actor, action, entity, entity_id, request_id)
      values ${sql.join(audits)}
    )
    insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
    values ${sql.join(events)}`.compile(tx);
}

/** Appends an audit entry that has no domain event (e.g. a refused request). */
export async function appendAudit(
  tx: Tx,
  ctx: RequestContext,
  entry: { action: AuditAction; entity: string; entityId?: string | null; outcome?: string },
): Promise<void> {
  await tx
    .insertInto('audit_entry')
    .values({
      cpas_id: ctx.cpasId,
      id: uuidv7(),
      actor: ctx.actor,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      request_id: ctx.requestId,
      outcome: entry.outcome ?? 'ok',
    })
    .execute();
}

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
      ${filter.entityId ? sql`and (entity_id = ${filter.entityId}::uuid or entity_ids @> array[${filter.entityId}::uuid])` : sql``}
      ${filter.actor ? sql`and actor = ${filter.actor}` : sql``}
      ${filter.action ? sql`and action = ${filter.action}` : sql``}
      ${filter.from ? sql`and at >= ${instant(filter.from, false)} and id >= ${uuidv7Floor(ms(filter.from, false) - SLACK_MS - 7_200_000)}::uuid` : sql``}
      ${filter.to ? sql`and at < ${instant(filter.to, true)} and id < ${uuidv7Floor(ms(filter.to, true) + SLACK_MS + 7_200_000)}::uuid` : sql``}
      ${filter.afterId ? sql`and id > ${filter.afterId}::uuid` : sql``}
    order by id
    limit ${filter.limit}`.compile(tx);
}
