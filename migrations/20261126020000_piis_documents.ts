// Contract documents (getPiisDocument): the PDF of a version in a language, stored with its
// SHA-256 the first time it is rendered from a given set of facts (input_sha256: the content,
// parties, handover and signatures rendered), so that the same bytes are returned every time —
// also after a library or font upgrade would render them differently.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table piis_document (
        cpas_id uuid not null,
        piis_id uuid not null,
        version integer not null,
        lang text not null check (lang in ('fr', 'nl', 'de')),
        input_sha256 text not null check (input_sha256 ~ '^[0-9a-f]{64}$'),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        size integer not null,
        bytes bytea,
        rendered_at timestamptz not null default now(),
        primary key (cpas_id, piis_id, version, lang, input_sha256),
        foreign key (cpas_id, piis_id) references piis (cpas_id, id)
      );
      alter table piis_document alter column bytes set storage external;
      grant select, insert on piis_document to piis_app;
      alter table piis_document enable row level security;
      create policy tenant_isolation on piis_document
        using (cpas_id = piis_current_cpas())
        with check (cpas_id = piis_current_cpas());`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop table if exists piis_document`).execute(db);
}
