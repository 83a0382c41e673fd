// Social activation (R-PAS-MODULES): collective modules, their participants and their sessions
// with attendance; the expenses a CPAS justifies against a subsidy (R-SUB-COSTS, R-PAS-COSTS);
// and the report runs a CPAS froze as submitted. Keyed (cpas_id, id) and guarded by row-level
// security like every tenant table.
import { type Kysely, sql } from 'kysely';

const tables = ['activation_module', 'activation_participant', 'activation_session', 'activation_attendance', 'expense', 'report_run'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table activation_module (
        cpas_id uuid not null,
        id uuid not null,
        theme text not null check (char_length(theme) between 1 and 200),
        title text not null check (char_length(title) between 1 and 200),
        partners jsonb not null default '[]',
        starts_on date not null,
        ends_on date check (ends_on >= starts_on),
        hours numeric(7, 2) not null check (hours >= 0),
        notes text check (char_length(notes) <= 2000),
        external_ref text check (char_length(external_ref) <= 100),
        created_at timestamptz not null default now(),
        created_by text not null,
        primary key (cpas_id, id),
        unique (cpas_id, external_ref)
      );
      create index activation_module_period on activation_module (cpas_id, starts_on);

      create table activation_participant (
        cpas_id uuid not null,
        id uuid not null,
        module_id uuid not null,
        beneficiary_id uuid not null,
        piis_id uuid,
        enrolled_at timestamptz not null default now(),
        enrolled_by text not null,
        primary key (cpas_id, id),
        unique (cpas_id, module_id, beneficiary_id),
        foreign key (cpas_id, module_id) references activation_module (cpas_id, id),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id),
        foreign key (cpas_id, piis_id) references piis (cpas_id, id)
      );

      create table activation_session (
        cpas_id uuid not null,
        id uuid not null,
        module_id uuid not null,
        held_on date not null,
        hours numeric(5, 2) not null check (hours > 0 and hours <= 24),
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        primary key (cpas_id, id),
        foreign key (cpas_id, module_id) references activation_module (cpas_id, id)
      );
      create index activation_session_module on activation_session (cpas_id, module_id, held_on);

      create table activation_attendance (
        cpas_id uuid not null,
        session_id uuid not null,
        beneficiary_id uuid not null,
        primary key (cpas_id, session_id, beneficiary_id),
        foreign key (cpas_id, session_id) references activation_session (cpas_id, id),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id)
      );

      create table expense (
        cpas_id uuid not null,
        id uuid not null,
        year smallint not null check (year between 2002 and 2100),
        subsidy text not null check (subsidy in ('piis10', 'pas')),
        category text not null check (category in ('staff', 'rent', 'activity', 'equipment', 'building_purchase', 'renovation', 'other')),
        amount_cents bigint not null check (amount_cents > 0),
        description text not null check (char_length(description) between 1 and 2000),
        staff jsonb,
        link_justification text check (char_length(link_justification) <= 2000),
        invoice_ref text check (char_length(invoice_ref) <= 100),
        external_ref text check (char_length(external_ref) <= 100),
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        primary key (cpas_id, id),
        unique (cpas_id, external_ref)
      );
      create index expense_year on expense (cpas_id, year, subsidy);
      create index expense_invoice on expense (cpas_id, invoice_ref) where invoice_ref is not null;

      create table report_run (
        cpas_id uuid not null,
        id uuid not null,
        report text not null check (report in ('subsidy', 'indicators', 'pas-modules', 'justification')),
        year smallint not null check (year between 2002 and 2100),
        subsidy text check (subsidy in ('piis10', 'pas')),
        figures jsonb not null,
        rule_versions jsonb not null,
        inputs_hash text not null check (inputs_hash ~ '^[0-9a-f]{64}$'),
        frozen_at timestamptz not null default now(),
        frozen_by text not null,
        primary key (cpas_id, id)
      );
      grant select, insert on ${tables.join(', ')} to piis_app;`,
    )
    .execute(db);
  for (const table of tables) {
    await sql
      .raw(
        `alter table ${table} enable row level security;
         create policy tenant_isolation on ${table}
           using (cpas_id = piis_current_cpas())
           with check (cpas_id = piis_current_cpas());`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop table if exists ${[...tables].reverse().join(', ')} cascade`).execute(db);
}
