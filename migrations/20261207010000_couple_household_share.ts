// R-SUB-COUPLE: a category-3 (family) RI decision may be a partner's share of the household's
// amount, which the CPAS pays split between the two partners. The decision then names the
// household's whole amount; the 10% is computed once on both shares together. Without it, a
// decision carries the whole amount, as before.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `alter table right_decision add column household_amount_cents integer,
         add constraint right_decision_household_share check (
           household_amount_cents is null
           or (kind = 'ri' and category = 'family' and household_amount_cents >= coalesce(monthly_amount_cents, 0)));`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`alter table right_decision drop column household_amount_cents;`).execute(db);
}
