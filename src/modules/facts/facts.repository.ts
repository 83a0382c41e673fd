// Plain functions over the three fact tables. They share the correction columns (R-CORRECT), so
// one set of queries serves all three; `table` is always one of the service's constants.
import { sql } from 'kysely';
import { inForce } from '../../db/in-force.js';
import type { Tx } from '../../db/tenant.js';

export type FactTable = 'right_decision' | 'situation' | 'exemption';

export type FactRow = Record<string, unknown> & {
  id: string;
  beneficiary_id: string;
  supersedes_id: string | null;
  correction_reason: string | null;
  superseded_by: string | null;
  voided_at: string | null;
  void_reason: string | null;
  external_ref: string | null;
  recorded_at: string;
  recorded_by: string;
};

// Every query names its CPAS as well as relying on row-level security (defence in depth).
function selectFacts(tx: Tx, table: FactTable, cpasId: string) {
  return tx
    .selectFrom(`${table} as f` as 'right_decision as f')
    .selectAll('f')
    .where('f.cpas_id', '=', cpasId)
    .select(
      sql<string | null>`(select s.id from ${sql.table(table)} s
        where s.cpas_id = f.cpas_id and s.supersedes_id = f.id and s.voided_at is null order by s.id limit 1)`.as(
        'superseded_by',
      ),
    );
}

export async function listFacts(
  tx: Tx,
  table: FactTable,
  cpasId: string,
  filter: {
    beneficiaryId: string;
    includeVoided: boolean;
    externalRef?: string;
    afterId: string | null;
    limit: number;
  },
): Promise<FactRow[]> {
  let q = selectFacts(tx, table, cpasId)
    .where('f.beneficiary_id', '=', filter.beneficiaryId)
    .orderBy('f.id')
    .limit(filter.limit);
  if (filter.afterId) q = q.where('f.id', '>', filter.afterId);
  if (filter.externalRef) q = q.where('f.external_ref', '=', filter.externalRef);
  if (!filter.includeVoided) {
    q = q.where(inForce(table, 'f'));
  }
  return (await q.execute()) as FactRow[];
}

export async function findFact(
  tx: Tx,
  table: FactTable,
  cpasId: string,
  beneficiaryId: string,
  id: string,
): Promise<FactRow | undefined> {
  return (await selectFacts(tx, table, cpasId)
    .where('f.id', '=', id)
    .where('f.beneficiary_id', '=', beneficiaryId)
    .executeTakeFirst()) as FactRow | undefined;
}

export async function insertFact(tx: Tx, table: FactTable, row: Record<string, unknown>): Promise<void> {
  await tx
    .insertInto(table as 'right_decision')
    .values(row as never)
    .execute();
}

export async function voidFact(
  tx: Tx,
  table: FactTable,
  cpasId: string,
  id: string,
  by: { reason: string; actor: string },
): Promise<boolean> {
  const result = await tx
    .updateTable(table as 'right_decision')
    .set({ voided_at: sql<string>`now()` as never, void_reason: by.reason, voided_by: by.actor })
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
