// Sentences kept in the database are now kept as messages (id and values) and said in each
// reader's language (src/i18n/stored.ts). The subsidy tallies hold English explanations written
// before: every CPAS is tallied again once (coverage reset), which writes them as messages.
// The CPAS registry gains the address and contact the contract document prints.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `alter table cpas add column address jsonb, add column contact jsonb;
       delete from rollup_coverage;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`alter table cpas drop column address, drop column contact;`).execute(db);
}
