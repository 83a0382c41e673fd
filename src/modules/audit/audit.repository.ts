// Audit and outbox rows, written in the transaction of the change they describe. Entries hold no
// personal data: the actor is the token's sub and records are named by id only.
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { uuidv7 } from '../../db/ids.js';
import type { AuditAction } from '../../db/types.js';
import type { RequestContext } from '../../http/context.js';

export interface Change {
  action: Exclude<AuditAction, 'read'>;
  entity: string;
  entityId: string;
  /** the domain event for the outbox, e.g. beneficiary.created */
  event: { type: string; data: Record<string, unknown> };
}

/** Appends the audit entry and the outbox event of a change: one statement, one round trip. */
export async function appendChange(tx: Tx, ctx: RequestContext, change: Change): Promise<void> {
  await sql`
    with audit as (
      insert into audit_entry (cpas_id, id, actor, action, entity, entity_id, request_id)
      values (${ctx.cpasId}, ${uuidv7()}, ${ctx.actor}, ${change.action}, ${change.entity}, ${change.entityId}, ${ctx.requestId})
    )
    insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
    values (${ctx.cpasId}, ${uuidv7()}, ${change.event.type}, ${change.entity}, ${change.entityId}, ${ctx.actor},
            ${JSON.stringify(change.event.data)}::jsonb, ${ctx.requestId})`.execute(tx);
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
