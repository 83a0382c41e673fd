// Plain functions over transfers; the crossing itself is the owner functions' (see the migration).
import { type CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { TransferTable } from '../../db/types.js';

export type TransferRow = Selectable<TransferTable>;

export async function insertTransfer(tx: Tx, row: Insertable<TransferTable>): Promise<void> {
  await tx.insertInto('transfer').values(row).execute();
}

export async function offer(tx: Tx, id: string, actor: string): Promise<void> {
  await sql`select piis_transfer_offer(${id}::uuid, ${actor})`.execute(tx);
}

export async function decide(
  tx: Tx,
  id: string,
  accept: boolean,
  actor: string,
  reason: string | null,
): Promise<Record<string, unknown> | null> {
  const { rows } = await sql<{
    copied: Record<string, unknown> | null;
  }>`select piis_transfer_decide(${id}::uuid, ${accept}, ${actor}, ${reason}) as copied`.execute(tx);
  return rows[0]?.copied ?? null;
}

export function transfersQuery(
  tx: Tx,
  cpasId: string,
  filter: { id?: string; direction?: string; status?: string; afterId?: string | null; limit?: number },
): CompiledQuery<TransferRow> {
  let q = tx.selectFrom('transfer').selectAll().where('cpas_id', '=', cpasId);
  if (filter.id) q = q.where('id', '=', filter.id);
  if (filter.direction) q = q.where('direction', '=', filter.direction as never);
  if (filter.status) q = q.where('status', '=', filter.status as never);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  q = q.orderBy('id');
  if (filter.limit) q = q.limit(filter.limit);
  return q.compile();
}

export async function cpasByKbo(tx: Tx, kbo: string): Promise<{ id: string } | undefined> {
  return tx.selectFrom('cpas').select('id').where('kbo_number', '=', kbo).executeTakeFirst();
}

export async function personState(
  tx: Tx,
  cpasId: string,
  beneficiaryId: string,
): Promise<{ transferred_out_at: string | null } | undefined> {
  const { rows } = await sql<{
    transferred_out_at: string | null;
  }>`select transferred_out_at from beneficiary where cpas_id = ${cpasId} and id = ${beneficiaryId}`.execute(tx);
  return rows[0];
}
