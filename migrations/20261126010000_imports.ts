// Bulk imports (createImport): the file as uploaded (kept until the import ends, then dropped —
// its SHA-256 stays), the job's progress, and one verdict per row. A batch of rows, their
// verdicts and the job's progress commit together, so an import resumed after a crash starts at
// the first row without a verdict and no acknowledged row is lost or applied twice.
import { type Kysely, sql } from 'kysely';

const TABLES = ['import_job', 'import_row'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table import_job (
        cpas_id uuid not null,
        id uuid not null,
        kind text not null check (kind in ('beneficiaries', 'right_decisions', 'assessments', 'piis')),
        format text not null check (format in ('ndjson', 'csv')),
        dry_run boolean not null,
        status text not null default 'queued' check (status in ('queued', 'running', 'completed', 'failed')),
        payload bytea,
        payload_sha256 text not null,
        payload_bytes integer not null,
        total_rows integer,
        next_row integer not null default 1,
        created integer not null default 0,
        updated integer not null default 0,
        unchanged integer not null default 0,
        rejected integer not null default 0,
        lease_until timestamptz,
        failure text check (char_length(failure) <= 500),
        created_at timestamptz not null default now(),
        created_by text not null,
        started_at timestamptz,
        finished_at timestamptz,
        primary key (cpas_id, id)
      );
      create index import_job_pending on import_job (status, lease_until) where status in ('queued', 'running');
      alter table import_job alter column payload set storage external;

      create table import_row (
        cpas_id uuid not null,
        import_id uuid not null,
        row_number integer not null,
        external_ref text,
        verdict text not null check (verdict in ('created', 'updated', 'unchanged', 'rejected')),
        record_id uuid,
        code text,
        rule text,
        detail text check (char_length(detail) <= 2000),
        primary key (cpas_id, import_id, row_number),
        foreign key (cpas_id, import_id) references import_job (cpas_id, id)
      );
      create index import_row_verdict on import_row (cpas_id, import_id, verdict, row_number);

      grant select, insert, update on import_job to piis_app;
      grant select, insert on import_row to piis_app;
      ${TABLES.map(
        (t) => `alter table ${t} enable row level security;
      create policy tenant_isolation on ${t}
        using (cpas_id = piis_current_cpas())
        with check (cpas_id = piis_current_cpas());`,
      ).join('\n      ')}

      -- Which CPAS have imports waiting or whose lease ran out: ids only, for the import worker.
      create function piis_import_tenants()
      returns table (cpas_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
        select distinct j.cpas_id from import_job j
        where j.status = 'queued' or (j.status = 'running' and (j.lease_until is null or j.lease_until < now()))
      $$;
      revoke all on function piis_import_tenants() from public;
      grant execute on function piis_import_tenants() to piis_app;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop function if exists piis_import_tenants(); drop table if exists import_row, import_job;`).execute(db);
}
