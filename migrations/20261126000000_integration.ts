// Integration and the auditor's view (contract §3 "Integration").
//
// The feed reads the outbox in the order of its writers' transaction ids, and only below the
// oldest transaction still running (the snapshot's xmin): an event whose transaction has not
// committed yet can never appear behind a cursor already handed out, whatever order transactions
// commit in. Its index leads with the CPAS, then (tx_id, id), the feed's position.
//
// Webhook subscriptions, one message per subscription and event (its id is the stable
// webhook-id of every attempt, its body is fixed at fan-out so retries send the same bytes) and
// one row per attempt. Tenant tables under RLS like every other; the worker finds which CPAS have
// work through one narrow function that returns ids only.
//
// The auditor's list (listAuditEntries) finds a record's entries, whether an entry names it alone
// (entity_id) or among the records of a list read (entity_ids).
import { type Kysely, sql } from 'kysely';

const TABLES = ['webhook_subscription', 'webhook_message', 'webhook_attempt', 'attachment', 'attachment_content'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create index outbox_event_feed on outbox_event (cpas_id, tx_id, id);
      drop index if exists outbox_event_tx;

      create table webhook_subscription (
        cpas_id uuid not null,
        id uuid not null,
        url text not null check (char_length(url) between 1 and 2000),
        events text[] not null,
        description text check (char_length(description) <= 2000),
        secret text not null,
        status text not null default 'enabled' check (status in ('enabled', 'disabled', 'deleted')),
        status_reason text,
        status_changed_at timestamptz,
        -- the feed position up to which events were turned into messages: (tx, id) consumed
        cursor_tx xid8 not null,
        cursor_id uuid not null,
        created_at timestamptz not null default now(),
        created_by text not null,
        external_ref text check (char_length(external_ref) between 1 and 200),
        primary key (cpas_id, id),
        unique (cpas_id, external_ref)
      );

      create table webhook_message (
        cpas_id uuid not null,
        id uuid not null,
        webhook_id uuid not null,
        event_id uuid not null,
        event_type text not null,
        payload text not null,
        status text not null default 'pending' check (status in ('pending', 'delivered', 'failed', 'cancelled')),
        attempts integer not null default 0,
        next_attempt_at timestamptz,
        first_attempt_at timestamptz,
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        primary key (cpas_id, id),
        unique (cpas_id, webhook_id, event_id),
        foreign key (cpas_id, webhook_id) references webhook_subscription (cpas_id, id)
      );
      -- the sender's queue: pending messages by when they are due
      create index webhook_message_due on webhook_message (cpas_id, next_attempt_at) where status = 'pending';

      create table webhook_attempt (
        cpas_id uuid not null,
        id uuid not null,
        webhook_id uuid not null,
        message_id uuid not null,
        attempt integer not null check (attempt >= 1),
        attempted_at timestamptz not null,
        duration_ms integer not null,
        outcome text not null check (outcome in ('delivered', 'http-error', 'timeout', 'network-error', 'refused')),
        status_code integer,
        error text check (char_length(error) <= 300),
        next_attempt_at timestamptz,
        primary key (cpas_id, id),
        foreign key (cpas_id, message_id) references webhook_message (cpas_id, id)
      );
      create index webhook_attempt_webhook on webhook_attempt (cpas_id, webhook_id, id);

      -- Evidence attachments: what they prove (a PIIS, or one of its facts), their type checked
      -- from their bytes, their SHA-256; the bytes apart, so that a purge can remove them and
      -- keep the hash.
      create table attachment (
        cpas_id uuid not null,
        id uuid not null,
        piis_id uuid not null,
        fact_id uuid,
        purpose text not null check (purpose in ('signed_contract', 'reflection_waiver', 'notice_delivery', 'hearing_minutes')),
        media_type text not null check (media_type in ('application/pdf', 'image/png', 'image/jpeg')),
        size integer not null check (size between 1 and 10485760),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        file_name text check (char_length(file_name) between 1 and 200),
        uploaded_at timestamptz not null default now(),
        uploaded_by text not null,
        external_ref text check (char_length(external_ref) between 1 and 200),
        content_removed_at timestamptz,
        primary key (cpas_id, id),
        unique (cpas_id, external_ref),
        foreign key (cpas_id, piis_id) references piis (cpas_id, id)
      );
      create index attachment_piis on attachment (cpas_id, piis_id, id);
      create table attachment_content (
        cpas_id uuid not null,
        id uuid not null,
        bytes bytea not null,
        primary key (cpas_id, id),
        foreign key (cpas_id, id) references attachment (cpas_id, id)
      );
      alter table attachment_content alter column bytes set storage external; -- already compressed (PDF, PNG, JPEG)
      grant select, insert on attachment, attachment_content to piis_app;

      grant select, insert, update on webhook_subscription, webhook_message to piis_app;
      grant select, insert on webhook_attempt to piis_app;
      ${TABLES.map(
        (t) => `alter table ${t} enable row level security;
      create policy tenant_isolation on ${t}
        using (cpas_id = piis_current_cpas())
        with check (cpas_id = piis_current_cpas());`,
      ).join('\n      ')}

      -- Which CPAS have enabled subscriptions: ids only, for the delivery worker to visit each
      -- one bound to its own tenant.
      create function piis_webhook_tenants()
      returns table (cpas_id uuid)
      language sql stable security definer set search_path = public, pg_temp as $$
        select distinct s.cpas_id from webhook_subscription s where s.status = 'enabled'
      $$;
      revoke all on function piis_webhook_tenants() from public;
      grant execute on function piis_webhook_tenants() to piis_app;

      create index audit_entry_entity on audit_entry (cpas_id, entity_id, id) where entity_id is not null;
      create index audit_entry_entities on audit_entry using gin (entity_ids) where entity_ids is not null;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `drop index if exists audit_entry_entity, audit_entry_entities;
       drop function if exists piis_webhook_tenants();
       drop table if exists attachment_content, attachment, webhook_attempt, webhook_message, webhook_subscription;
       create index if not exists outbox_event_tx on outbox_event (cpas_id, tx_id);
       drop index if exists outbox_event_feed;`,
    )
    .execute(db);
}
