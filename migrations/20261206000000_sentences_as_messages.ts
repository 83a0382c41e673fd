// Sentences kept in the database are now kept as messages (id and values) and said in each
// reader's language (src/i18n/stored.ts). A subsidy tally also keeps its months said in its CPAS's
// language (`said`, `said_lang`): the report in that language — the common case — streams them as
// stored, without formatting 240,000 sentences per read. The tallies hold English explanations
// written before, evaluation periods judged past their contract's end (R-EVAL-FREQ now stops at
// it) and partial or suspended sanctions taken off whole (now only the share actually suspended):
// every CPAS is tallied again once (coverage reset), which writes them anew.
// An import row's refusal, kept as a message (JSON), may take more room than its sentence did.
// The CPAS registry gains the address and contact the contract document prints.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `alter table cpas add column address jsonb, add column contact jsonb;
       alter table subsidy_tally add column said text, add column said_lang text check (said_lang in ('fr', 'nl', 'de', 'en'));
       alter table import_row drop constraint import_row_detail_check, add constraint import_row_detail_check check (char_length(detail) <= 16000);
       delete from rollup_coverage;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`alter table cpas drop column address, drop column contact; alter table subsidy_tally drop column said, drop column said_lang;`).execute(db);
}
