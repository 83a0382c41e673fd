// Subsidy tallies (R-SUB-*): each person's subsidy months of each year as the report gives them
// (couples settled together), with their share of the report's totals, so that a CPAS's subsidy
// report reads and streams stored rows instead of recomputing every file. Kept exact like the
// indicator tallies: the facts the subsidy also follows from (situations, sanctions, extension
// requests) now mark their person too, and every CPAS is tallied again once (coverage reset).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table subsidy_tally (
        cpas_id uuid not null,
        year smallint not null check (year between 2002 and 2100),
        beneficiary_id uuid not null,
        items text not null,
        months integer not null,
        ri_cents bigint not null,
        subsidy_cents bigint not null,
        code11_months integer not null,
        code11_ri_cents bigint not null,
        code11_subsidy_cents bigint not null,
        code17_months integer not null,
        code17_ri_cents bigint not null,
        code17_subsidy_cents bigint not null,
        student_months integer not null,
        student_ri_cents bigint not null,
        exempted_months integer not null,
        primary key (cpas_id, year, beneficiary_id),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id)
      );
      create index subsidy_tally_person on subsidy_tally (cpas_id, beneficiary_id);
      grant select, insert, update, delete on subsidy_tally to piis_app;
      alter table subsidy_tally enable row level security;
      create policy tenant_isolation on subsidy_tally
        using (cpas_id = piis_current_cpas())
        with check (cpas_id = piis_current_cpas());
      create trigger situation_rollup_insert after insert on situation referencing new table as changed for each statement execute function piis_rollup_mark_by_beneficiary();
      create trigger situation_rollup_update after update on situation referencing new table as changed for each statement execute function piis_rollup_mark_by_beneficiary();
      ${['piis_sanction', 'piis_subsidy_extension_request']
        .map(
          (t) => `create trigger ${t}_rollup_insert after insert on ${t} referencing new table as changed for each statement execute function piis_rollup_mark_by_piis();
      create trigger ${t}_rollup_update after update on ${t} referencing new table as changed for each statement execute function piis_rollup_mark_by_piis();`,
        )
        .join('\n      ')}
      -- every CPAS is tallied again (its subsidy months included) on its next refresh
      delete from rollup_coverage;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `${['situation', 'piis_sanction', 'piis_subsidy_extension_request'].map((t) => `drop trigger if exists ${t}_rollup_insert on ${t}; drop trigger if exists ${t}_rollup_update on ${t};`).join('\n')}
       drop table if exists subsidy_tally;
       delete from rollup_coverage;`,
    )
    .execute(db);
}
