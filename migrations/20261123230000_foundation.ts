// Foundation: the application role, the CPAS registry, the first tenant tables (beneficiaries,
// right decisions, situations, exemptions), the insert-only audit with its hash-chain sealer,
// the outbox and idempotency keys. Every tenant table is keyed (cpas_id, id) and guarded by
// row-level security bound to the transaction setting app.cpas_id.
import { type Kysely, sql } from 'kysely';

// Facts with legal effect are corrected, never edited (R-CORRECT): these columns record a void or
// a superseding record.
const correctionColumns = `
  supersedes_id uuid,
  correction_reason text check (char_length(correction_reason) <= 2000),
  voided_at timestamptz,
  void_reason text check (char_length(void_reason) <= 2000),
  voided_by text,
  external_ref text check (char_length(external_ref) <= 100),
  recorded_at timestamptz not null default now(),
  recorded_by text not null`;

const tenantTables = [
  'beneficiary',
  'right_decision',
  'situation',
  'exemption',
  'audit_entry',
  'audit_chain',
  'audit_checkpoint',
  'outbox_event',
  'idempotency_key',
];

export async function up(db: Kysely<any>): Promise<void> {
  // The role requests run as. Created idempotently; several databases of one cluster may
  // migrate at the same time, so a concurrent creation is not an error.
  await sql
    .raw(
      `do $$ begin
         if not exists (select 1 from pg_roles where rolname = 'piis_app') then
           create role piis_app nologin noinherit nobypassrls;
         end if;
       exception when duplicate_object or unique_violation then null;
       end $$;`,
    )
    .execute(db);
  // An owner that is not a superuser must be a member of piis_app to switch to it (SET ROLE).
  await sql
    .raw(
      `do $$ begin
         if not (select rolsuper from pg_roles where rolname = current_user)
            and not pg_has_role(current_user, 'piis_app', 'member') then
           execute format('grant piis_app to %I', current_user);
         end if;
       exception when insufficient_privilege then
         raise warning 'could not grant piis_app to %: grant it, or log in as a member of piis_app', current_user;
       end $$;`,
    )
    .execute(db);
  await sql.raw(`grant usage on schema public to piis_app`).execute(db);

  // The tenant bound to the current transaction; null when none is bound. A pooled connection
  // that once held a value reports '' rather than null, hence nullif.
  await sql
    .raw(
      `create function piis_current_cpas() returns uuid language sql stable as
       $$ select nullif(current_setting('app.cpas_id', true), '')::uuid $$`,
    )
    .execute(db);

  await sql
    .raw(
      `create table cpas (
        id uuid primary key,
        kbo_number text not null unique check (kbo_number ~ '^[0-9]{10}$'),
        name jsonb not null,
        language text not null check (language in ('fr', 'nl', 'de')),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null
      );
      create table cpas_nis_code (
        nis_code text not null check (nis_code ~ '^[0-9]{5}$'),
        cpas_id uuid not null references cpas (id),
        valid_from date not null default '1977-01-01',
        valid_to date,
        primary key (nis_code, valid_from)
      );
      -- a NIS code belongs to one CPAS at a time
      create unique index cpas_nis_code_current on cpas_nis_code (nis_code) where valid_to is null;
      grant select, insert on cpas, cpas_nis_code to piis_app;

      create table beneficiary (
        cpas_id uuid not null references cpas (id),
        id uuid not null,
        niss text not null check (niss ~ '^[0-9]{11}$'),
        given_name text not null check (char_length(given_name) between 1 and 200),
        family_name text not null check (char_length(family_name) between 1 and 200),
        birth_date date,
        language text not null check (language in ('fr', 'nl', 'de')),
        partner_id uuid,
        external_ref text check (char_length(external_ref) <= 100),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null,
        updated_at timestamptz not null default now(),
        primary key (cpas_id, id),
        unique (cpas_id, niss),
        unique (cpas_id, external_ref),
        foreign key (cpas_id, partner_id) references beneficiary (cpas_id, id)
      );
      create index beneficiary_name on beneficiary (cpas_id, lower(family_name), lower(given_name));

      create table right_decision (
        cpas_id uuid not null,
        id uuid not null,
        beneficiary_id uuid not null,
        kind text not null check (kind in ('ri', 'equivalent_aid', 'end')),
        category text check (category in ('cohabitant', 'isolated', 'family')),
        decided_on date not null,
        notified_on date,
        starts_on date not null,
        monthly_amount_cents bigint check (monthly_amount_cents between 0 and 100000000),
        ${correctionColumns},
        primary key (cpas_id, id),
        unique (cpas_id, external_ref),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id),
        foreign key (cpas_id, supersedes_id) references right_decision (cpas_id, id),
        check ((kind = 'end') = (category is null)),
        check ((kind = 'end') = (monthly_amount_cents is null))
      );
      create index right_decision_beneficiary on right_decision (cpas_id, beneficiary_id, starts_on);

      create table situation (
        cpas_id uuid not null,
        id uuid not null,
        beneficiary_id uuid not null,
        kind text not null check (kind in ('employment', 'studies', 'training')),
        starts_on date not null,
        ends_on date check (ends_on >= starts_on),
        ${correctionColumns},
        primary key (cpas_id, id),
        unique (cpas_id, external_ref),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id),
        foreign key (cpas_id, supersedes_id) references situation (cpas_id, id)
      );
      create index situation_beneficiary on situation (cpas_id, beneficiary_id, starts_on);

      create table exemption (
        cpas_id uuid not null,
        id uuid not null,
        beneficiary_id uuid not null,
        reason text not null check (reason in ('health', 'equity')),
        decided_on date not null,
        motivation text not null check (char_length(motivation) between 1 and 2000),
        ${correctionColumns},
        primary key (cpas_id, id),
        unique (cpas_id, external_ref),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id),
        foreign key (cpas_id, supersedes_id) references exemption (cpas_id, id)
      );
      create index exemption_beneficiary on exemption (cpas_id, beneficiary_id, decided_on);

      grant select, insert, update on beneficiary, right_decision, situation, exemption to piis_app;`,
    )
    .execute(db);

  // Audit: insert-only for the service role. No personal data: actor is the token's sub,
  // entities are named by id. A list read is one entry naming every record returned.
  await sql
    .raw(
      `create table audit_entry (
        cpas_id uuid not null,
        id uuid not null,
        at timestamptz not null default clock_timestamp(),
        actor text not null,
        action text not null check (action in ('read', 'create', 'update', 'transition', 'void', 'export', 'refused')),
        entity text not null,
        entity_id uuid,
        entity_ids uuid[],
        request_id text not null,
        outcome text not null default 'ok',
        tx_id xid8 not null default pg_current_xact_id(),
        primary key (cpas_id, id)
      );
      -- ids are UUIDv7 (time-ordered): the primary key also serves time ranges, so reads pay
      -- for two index insertions only
      create index audit_entry_tx on audit_entry (tx_id);
      grant select, insert on audit_entry to piis_app;

      -- The hash chain, appended by piis_seal_audit() just after commit: one link per entry in
      -- the order the sealer met them. hash = sha256(prev_hash, a newline, the canonical entry).
      create table audit_chain (
        cpas_id uuid not null,
        position bigint not null,
        entry_id uuid not null,
        prev_hash text not null,
        hash text not null,
        sealed_at timestamptz not null default now(),
        primary key (cpas_id, position),
        unique (cpas_id, entry_id)
      );
      -- Checkpoints of each chain's head, also written to the log so a copy lives outside the
      -- database: deleting the newest entries together with their links is still detected.
      create table audit_checkpoint (
        cpas_id uuid not null,
        position bigint not null,
        hash text not null,
        at timestamptz not null default now(),
        primary key (cpas_id, position)
      );
      grant select on audit_chain, audit_checkpoint to piis_app;
      create table audit_seal_state (
        id integer primary key check (id = 1),
        horizon xid8 not null
      );
      insert into audit_seal_state values (1, '0'::xid8);

      create table outbox_event (
        cpas_id uuid not null,
        id uuid not null,
        type text not null,
        occurred_at timestamptz not null default now(),
        entity text not null,
        entity_id uuid,
        actor text not null,
        data jsonb not null default '{}',
        request_id text not null,
        tx_id xid8 not null default pg_current_xact_id(),
        primary key (cpas_id, id)
      );
      create index outbox_event_tx on outbox_event (cpas_id, tx_id);
      grant select, insert on outbox_event to piis_app;

      create table idempotency_key (
        cpas_id uuid not null,
        principal text not null,
        key text not null,
        request_hash text not null,
        status_code integer not null,
        response jsonb not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        primary key (cpas_id, principal, key)
      );
      create index idempotency_key_expiry on idempotency_key (expires_at);
      grant select, insert, delete on idempotency_key to piis_app;`,
    )
    .execute(db);

  for (const table of tenantTables) {
    await sql
      .raw(
        `alter table ${table} enable row level security;
         create policy tenant_isolation on ${table}
           using (cpas_id = piis_current_cpas())
           with check (cpas_id = piis_current_cpas());`,
      )
      .execute(db);
  }

  // Canonical text of an audit entry, as audit:verify recomputes it independently.
  await sql
    .raw(
      `create function piis_audit_canonical(e audit_entry) returns text language sql immutable as $$
         select concat_ws(chr(31),
           e.cpas_id::text, e.id::text,
           (extract(epoch from e.at) * 1000000)::bigint::text,
           e.actor, e.action, e.entity,
           coalesce(e.entity_id::text, ''),
           coalesce(array_to_string(e.entity_ids, ','), ''),
           e.request_id, e.outcome)
       $$;

       -- Seals every committed audit entry not yet chained. Runs as the owner (a narrow,
       -- purpose-built function, the service role gets only EXECUTE). Entries of transactions
       -- still in progress are met on a later run: the horizon is the oldest transaction that
       -- was running at the previous run, so a late commit is never skipped.
       create function piis_seal_audit()
       returns table (cpas_id uuid, chain_position bigint, chain_hash text)
       language plpgsql security definer set search_path = public, pg_temp as $$
       declare
         r record;
         current_cpas uuid;
         pos bigint;
         prev text;
         next_hash text;
         old_horizon xid8;
         new_horizon xid8 := pg_snapshot_xmin(pg_current_snapshot());
       begin
         if not pg_try_advisory_xact_lock(4242001) then
           return;
         end if;
         select s.horizon into old_horizon from audit_seal_state s where s.id = 1;
         for r in
           select e.*, piis_audit_canonical(e) as canonical
           from audit_entry e
           where e.tx_id >= old_horizon
             and not exists (select 1 from audit_chain c where c.cpas_id = e.cpas_id and c.entry_id = e.id)
           order by e.cpas_id, e.id
         loop
           if current_cpas is distinct from r.cpas_id then
             if current_cpas is not null then
               insert into audit_checkpoint (cpas_id, position, hash) values (current_cpas, pos, prev);
               cpas_id := current_cpas; chain_position := pos; chain_hash := prev;
               return next;
             end if;
             current_cpas := r.cpas_id;
             select c.position, c.hash into pos, prev from audit_chain c
               where c.cpas_id = current_cpas order by c.position desc limit 1;
             pos := coalesce(pos, 0);
             prev := coalesce(prev, repeat('0', 64));
           end if;
           pos := pos + 1;
           next_hash := encode(sha256(convert_to(prev || chr(10) || r.canonical, 'UTF8')), 'hex');
           insert into audit_chain (cpas_id, position, entry_id, prev_hash, hash)
             values (current_cpas, pos, r.id, prev, next_hash);
           prev := next_hash;
         end loop;
         if current_cpas is not null then
           insert into audit_checkpoint (cpas_id, position, hash) values (current_cpas, pos, prev);
           cpas_id := current_cpas; chain_position := pos; chain_hash := prev;
           return next;
         end if;
         update audit_seal_state set horizon = new_horizon where id = 1;
       end $$;
       revoke all on function piis_seal_audit() from public;
       grant execute on function piis_seal_audit() to piis_app;

       -- Idempotency keys live 24 hours; this narrow owner function removes the expired ones of
       -- every CPAS without the service role ever reading across tenants.
       create function piis_purge_idempotency_keys() returns bigint
       language sql security definer set search_path = public, pg_temp as $$
         with gone as (delete from idempotency_key where expires_at < now() returning 1)
         select count(*) from gone
       $$;
       revoke all on function piis_purge_idempotency_keys() from public;
       grant execute on function piis_purge_idempotency_keys() to piis_app;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `drop function if exists piis_purge_idempotency_keys();
       drop function if exists piis_seal_audit();
       drop table if exists idempotency_key, outbox_event, audit_seal_state, audit_checkpoint,
         audit_chain, audit_entry, exemption, situation, right_decision, beneficiary,
         cpas_nis_code, cpas cascade;
       drop function if exists piis_audit_canonical(audit_entry);
       drop function if exists piis_current_cpas();`,
    )
    .execute(db);
}
