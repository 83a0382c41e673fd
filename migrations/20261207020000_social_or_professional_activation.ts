// Social against professional activation made explicit (R-SOCIAL-ACTIVATION, R-PAS-COSTS): a
// module may record its mark (a theme from the code list in src/rules/activation-kinds.ts carries
// its own; a theme in the CPAS's words needs it), and an expense says what it serves; staff carry
// their role in the staff JSON (the art. 40 administrative or ICT staff never count against the
// 10%, R-SUB-COSTS). Expenses and frozen justification reports also name the two subsidies of the
// 2015–2016 convention (R-IND-2015), and a frozen run may hold a Rapport unique form.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `alter table activation_module add column activation text check (activation in ('social', 'professional'));
       alter table expense add column activation text check (activation in ('social', 'professional'));
       alter table expense drop constraint expense_subsidy_check,
         add constraint expense_subsidy_check check (subsidy in ('piis10', 'pas', 'pas2015', 'clusters2015'));
       alter table report_run drop constraint report_run_subsidy_check,
         add constraint report_run_subsidy_check check (subsidy in ('piis10', 'pas', 'pas2015', 'clusters2015')),
         drop constraint report_run_report_check,
         add constraint report_run_report_check check (report in ('subsidy', 'indicators', 'pas-modules', 'justification', 'rapport-unique-pas', 'rapport-unique-piis10'));`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`alter table activation_module drop column activation; alter table expense drop column activation;`).execute(db);
}
