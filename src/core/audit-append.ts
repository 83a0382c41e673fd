// Audit and outbox rows, written in the transaction of the change they describe — by every
// feature and by the background work. Entries hold no personal data: the actor is the token's
// sub and records are named by id only.
import { type CompiledQuery, sql } from 'kysely';
import type { Tx } from '../db/tenant.js';
import { uuidv7 } from '../db/ids.js';
import { isEventType } from './event-types.js';
import type { AuditAction } from '../db/types.js';
import type { RequestContext } from './context.js';

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
      sql`(${ctx.cpasId}, ${uuidv7()}, ${ctx.actor}, ${change.action}, ${change.entity}, ${change.entityId},
        ${ctx.requestId})`,
  );
  const events = changes.flatMap((change) =>
    [change.event, ...(change.alsoEmit ?? [])].map((e) => {
      // the list of event types is the one the feed and the webhooks document
      if (!isEventType(e.type))
        throw new Error(`appendChange: ${e.type} is not in the list of event types (core/event-types.ts)`);
      return sql`(${ctx.cpasId}, ${uuidv7()}, ${e.type}, ${e.entity ?? change.entity},
        ${e.entityId ?? change.entityId}, ${ctx.actor},
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
