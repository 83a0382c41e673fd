import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { Cpas } from './cpas.schemas.js';

const columns = (tx: Tx) =>
  tx
    .selectFrom('cpas')
    .select(['id', 'kbo_number', 'name', 'language', 'address', 'contact', 'created_at'])
    .select(
      sql<string[]>`coalesce((select array_agg(n.nis_code order by n.nis_code) from cpas_nis_code n
                              where n.cpas_id = cpas.id and n.valid_to is null), '{}')`.as('nis_codes'),
    );

type Row = Awaited<ReturnType<ReturnType<typeof columns>['executeTakeFirstOrThrow']>>;

const toCpas = (r: Row): Cpas => ({
  id: r.id,
  kboNumber: r.kbo_number,
  name: r.name,
  language: r.language,
  nisCodes: r.nis_codes,
  address: r.address,
  contact: r.contact,
  createdAt: r.created_at,
});

export async function findCpasById(tx: Tx, id: string): Promise<Cpas | undefined> {
  const row = await columns(tx).where('id', '=', id).executeTakeFirst();
  return row && toCpas(row);
}

export async function listCpas(tx: Tx, afterId: string | null, limit: number): Promise<Cpas[]> {
  let q = columns(tx).orderBy('id').limit(limit);
  if (afterId) q = q.where('id', '>', afterId);
  return (await q.execute()).map(toCpas);
}

export async function findKbo(tx: Tx, kbo: string): Promise<{ id: string } | undefined> {
  return tx.selectFrom('cpas').select('id').where('kbo_number', '=', kbo).executeTakeFirst();
}

export async function findCurrentNisOwners(tx: Tx, nisCodes: string[]): Promise<string[]> {
  if (nisCodes.length === 0) return [];
  const rows = await tx
    .selectFrom('cpas_nis_code')
    .select('nis_code')
    .where('nis_code', 'in', nisCodes)
    .where('valid_to', 'is', null)
    .execute();
  return rows.map((r) => r.nis_code);
}

export async function insertCpas(
  tx: Tx,
  cpas: {
    id: string;
    kbo: string;
    name: Cpas['name'];
    language: Cpas['language'];
    nisCodes: string[];
    address: Cpas['address'];
    contact: Cpas['contact'];
    actor: string;
  },
) {
  await tx
    .insertInto('cpas')
    .values({
      id: cpas.id,
      kbo_number: cpas.kbo,
      name: JSON.stringify(cpas.name) as never,
      language: cpas.language,
      address: cpas.address ? (JSON.stringify(cpas.address) as never) : null,
      contact: cpas.contact ? (JSON.stringify(cpas.contact) as never) : null,
      created_by: cpas.actor,
    })
    .execute();
  if (cpas.nisCodes.length > 0) {
    await tx
      .insertInto('cpas_nis_code')
      .values(cpas.nisCodes.map((nis) => ({ nis_code: nis, cpas_id: cpas.id })))
      .execute();
  }
}
