import type { CompiledQuery, Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { BeneficiaryTable } from '../../db/types.js';
import type { Beneficiary } from './beneficiaries.schemas.js';
import { checkNiss } from '../../rules/identifiers.js';

type Row = Selectable<BeneficiaryTable>;

const COLUMNS = [
  'id',
  'niss',
  'given_name',
  'family_name',
  'birth_date',
  'language',
  'partner_id',
  'external_ref',
  'version',
  'created_at',
  'updated_at',
] as const;

export function toBeneficiary(r: Pick<Row, (typeof COLUMNS)[number]>): Beneficiary {
  const check = checkNiss(r.niss);
  return {
    id: r.id,
    niss: r.niss,
    bis: check.valid ? check.bis : false,
    givenName: r.given_name,
    familyName: r.family_name,
    birthDate: r.birth_date,
    language: r.language,
    partnerId: r.partner_id,
    externalRef: r.external_ref,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

// Every query names its CPAS as well: row-level security is the guarantee, the predicate a
// second line of defence (and it matches the (cpas_id, id) keys directly).
export function beneficiaryById(tx: Tx, cpasId: string, id: string) {
  return tx.selectFrom('beneficiary').select(COLUMNS).where('cpas_id', '=', cpasId).where('id', '=', id);
}

/** A page of beneficiaries: a single statement. */
export function searchBeneficiariesQuery(
  db: Tx,
  cpasId: string,
  filter: { niss?: string; externalRef?: string; q?: string; afterId: string | null; limit: number },
): CompiledQuery<Row> {
  let q = db.selectFrom('beneficiary').select(COLUMNS).where('cpas_id', '=', cpasId).orderBy('id').limit(filter.limit);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  if (filter.niss) q = q.where('niss', '=', filter.niss);
  if (filter.externalRef) q = q.where('external_ref', '=', filter.externalRef);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['given_name']), 'like', pattern),
        eb(eb.fn('lower', ['family_name']), 'like', pattern),
      ]),
    );
  }
  return q.compile() as CompiledQuery<Row>;
}

/** Existence without an access entry (no personal data leaves): for references and conflicts. */
export async function findIdBy(
  tx: Tx,
  cpasId: string,
  by: { id?: string; niss?: string; externalRef?: string },
): Promise<{ id: string; version: number } | undefined> {
  let q = tx.selectFrom('beneficiary').select(['id', 'version']).where('cpas_id', '=', cpasId);
  if (by.id) q = q.where('id', '=', by.id);
  if (by.niss) q = q.where('niss', '=', by.niss);
  if (by.externalRef) q = q.where('external_ref', '=', by.externalRef);
  return q.executeTakeFirst();
}

export async function insertBeneficiary(tx: Tx, row: Insertable<BeneficiaryTable>): Promise<Beneficiary> {
  const inserted = await tx.insertInto('beneficiary').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
  return toBeneficiary(inserted);
}

/** Applies a change only if the version is still the one named; undefined when it is not. */
export async function updateBeneficiary(
  tx: Tx,
  cpasId: string,
  id: string,
  expectedVersion: number,
  changes: Partial<
    Pick<
      BeneficiaryTable,
      'niss' | 'given_name' | 'family_name' | 'birth_date' | 'language' | 'partner_id' | 'external_ref'
    >
  >,
): Promise<Beneficiary | undefined> {
  const row = await tx
    .updateTable('beneficiary')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row && toBeneficiary(row);
}
