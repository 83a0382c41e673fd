// Plain functions over expenses. Each row comes with the subsidy under which the same invoice was
// recorded earlier, if any (R-PAS-COSTS: one expense, one subsidy).
import { type CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { ExpenseTable } from '../../db/types.js';
import type { Subsidy } from '../../rules/expenses.js';

export type ExpenseRow = Selectable<ExpenseTable> & { already_under: Subsidy | null };

export async function insertExpense(tx: Tx, row: Insertable<ExpenseTable>): Promise<void> {
  await tx.insertInto('expense').values(row).execute();
}

export function expensesQuery(
  tx: Tx,
  cpasId: string,
  filter: {
    id?: string;
    externalRef?: string;
    year?: number;
    subsidy?: string;
    category?: string;
    afterId?: string | null;
    limit?: number;
  },
): CompiledQuery<ExpenseRow> {
  return sql<ExpenseRow>`
    select e.*, (select x.subsidy from expense x where x.cpas_id = e.cpas_id and x.invoice_ref = e.invoice_ref
                   and x.subsidy <> e.subsidy and x.id < e.id order by x.id limit 1) as already_under
    from expense e
    where e.cpas_id = ${cpasId}
      ${filter.id ? sql`and e.id = ${filter.id}::uuid` : sql``}
      ${filter.externalRef !== undefined ? sql`and e.external_ref = ${filter.externalRef}` : sql``}
      ${filter.year !== undefined ? sql`and e.year = ${filter.year}` : sql``}
      ${filter.subsidy ? sql`and e.subsidy = ${filter.subsidy}` : sql``}
      ${filter.category ? sql`and e.category = ${filter.category}` : sql``}
      ${filter.afterId ? sql`and e.id > ${filter.afterId}::uuid` : sql``}
    order by e.id
    ${filter.limit ? sql`limit ${filter.limit}` : sql``}`.compile(tx);
}
