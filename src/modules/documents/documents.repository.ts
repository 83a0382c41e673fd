// Stored contract documents: found by the facts they were rendered from, inserted once.
import { sql } from 'kysely';
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { CpasTable, PiisDocumentTable } from '../../db/types.js';

export type StoredDocument = Selectable<PiisDocumentTable>;

export async function findDocument(
  tx: Tx,
  key: { cpasId: string; piisId: string; version: number; lang: string; inputSha256: string },
): Promise<StoredDocument | undefined> {
  return tx
    .selectFrom('piis_document')
    .selectAll()
    .where('cpas_id', '=', key.cpasId)
    .where('piis_id', '=', key.piisId)
    .where('version', '=', key.version)
    .where('lang', '=', key.lang as never)
    .where('input_sha256', '=', key.inputSha256)
    .executeTakeFirst();
}

/** Stores a first rendering; when another request stored the same one meanwhile, theirs stays. */
export async function storeDocument(tx: Tx, row: Insertable<PiisDocumentTable>): Promise<void> {
  await tx
    .insertInto('piis_document')
    .values(row)
    .onConflict((oc) => oc.columns(['cpas_id', 'piis_id', 'version', 'lang', 'input_sha256']).doNothing())
    .execute();
}

export async function beneficiaryAndCpas(tx: Tx, cpasId: string, beneficiaryId: string) {
  const { rows } = await sql<{
    given_name: string;
    family_name: string;
    niss: string;
    birth_date: string | null;
    language: 'fr' | 'nl' | 'de';
    cpas_name: Record<string, string>;
    kbo_number: string;
    cpas_address: CpasTable['address'];
    cpas_contact: CpasTable['contact'];
  }>`
    select b.given_name, b.family_name, b.niss, b.birth_date, b.language, c.name as cpas_name, c.kbo_number,
      c.address as cpas_address, c.contact as cpas_contact
    from beneficiary b join cpas c on c.id = b.cpas_id
    where b.cpas_id = ${cpasId} and b.id = ${beneficiaryId}`.execute(tx);
  return rows[0];
}
