// R-IND-2015: a CPAS's 2015–2016 social-activation convention per year — signature, the two
// subsidies granted, its quantitative objectives and the qualitative evaluation of its final
// report — so that the year's results can be set against it and the report exported.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table convention (
        cpas_id uuid not null references cpas (id),
        year smallint not null check (year in (2015, 2016)),
        signed_on date,
        grant_cents jsonb,
        targets jsonb not null,
        evaluation jsonb,
        updated_at timestamptz not null default now(),
        updated_by text not null,
        primary key (cpas_id, year)
      );
      grant select, insert, update on convention to piis_app;
      alter table convention enable row level security;
      create policy tenant_isolation on convention
        using (cpas_id = piis_current_cpas())
        with check (cpas_id = piis_current_cpas());`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop table if exists convention;`).execute(db);
}
