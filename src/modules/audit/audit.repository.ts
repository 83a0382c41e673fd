// Audit and outbox rows, written in the transaction of the change they describe. Entries hold no
// personal data: the actor is the token's sub and records are named by id only.
import { type CompiledQuery, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { uuidv7 } from '../../db/ids.js';
import type { AuditAction } from '../../db/types.js';
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
export async function appendChange(tx: Tx, ctx: RequestContext, change: Change): Promise<void> {
  await tx.executeQuery(appendChangeQuery(tx, ctx, change));
}

/** The statement of appendChange, for a unit of work that sends it with its commit. */
export function appendChangeQuery(tx: Tx, ctx: RequestContext, change: Change): CompiledQuery {
  const events = [change.event, ...(change.alsoEmit ?? [])].map(
    (e) => sql`(${ctx.cpasId}, ${uuidv7()}, ${e.type}, ${e.entity ?? change.entity}, ${e.entityId ?? change.entityId}, ${ctx.actor},
            ${JSON.stringify(e.data)}::jsonb, ${ctx.requestId})`,
  );
  return sql`
    with audit as (
      insert into audit_entry (cpas_id, id, actor, action, entity, entity_id, request_id)
      values (${ctx.cpasId}, ${uuidv7()}, ${ctx.actor}, ${change.action}, ${change.entity}, ${change.entityId}, ${ctx.requestId})
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
