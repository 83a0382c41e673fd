// Plain functions over attachments. The bytes are read only by the content query.
import { type CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { AttachmentTable } from '../../db/types.js';

export type AttachmentRow = Selectable<AttachmentTable>;

/** The fact tables an attachment of each purpose may name. */
export const FACT_TABLES = {
  signed_contract: ['piis_signature'],
  reflection_waiver: [],
  notice_delivery: ['piis_notice'],
  hearing_minutes: ['piis_hearing_request', 'piis_sanction'],
} as const satisfies Record<AttachmentTable['purpose'], readonly string[]>;

export async function insertAttachment(tx: Tx, row: Insertable<AttachmentTable>, bytes: Buffer): Promise<void> {
  await tx.insertInto('attachment').values(row).execute();
  await tx.insertInto('attachment_content').values({ cpas_id: row.cpas_id, id: row.id, bytes }).execute();
}

/**
 * Whether the PIIS has this fact in one of the tables (voided facts included: evidence of a corrected fact is still
 * evidence).
 */
export async function factOfPiis(
  tx: Tx,
  cpasId: string,
  piisId: string,
  factId: string,
  tables: readonly string[],
): Promise<boolean> {
  for (const table of tables) {
    const { rows } =
      await sql`select 1 from ${sql.table(table)} where cpas_id = ${cpasId} and piis_id = ${piisId} and id =
        ${factId}`.execute(tx);
    if (rows.length > 0) return true;
  }
  return false;
}

export function attachmentsQuery(
  tx: Tx,
  cpasId: string,
  filter: { id?: string; piisId?: string; externalRef?: string; afterId?: string | null; limit?: number },
): CompiledQuery<AttachmentRow> {
  let q = tx.selectFrom('attachment').selectAll().where('cpas_id', '=', cpasId);
  if (filter.id) q = q.where('id', '=', filter.id);
  if (filter.piisId) q = q.where('piis_id', '=', filter.piisId);
  if (filter.externalRef !== undefined) q = q.where('external_ref', '=', filter.externalRef);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  q = q.orderBy('id');
  if (filter.limit) q = q.limit(filter.limit);
  return q.compile();
}

export function contentQuery(
  tx: Tx,
  cpasId: string,
  id: string,
): CompiledQuery<AttachmentRow & { bytes: Buffer | null }> {
  return sql<AttachmentRow & { bytes: Buffer | null }>`
    select a.*, c.bytes from attachment a
    left join attachment_content c on c.cpas_id = a.cpas_id and c.id = a.id
    where a.cpas_id = ${cpasId} and a.id = ${id}`.compile(tx);
}
