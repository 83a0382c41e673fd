// Transfers of a person's file to another CPAS (createTransfer, acceptTransfer, refuseTransfer).
//
// A transfer is a row in each tenant, under the same id: the sender's outgoing row, and — made by
// piis_transfer_offer(), a narrow owner function — the receiver's incoming envelope (who sends,
// on which legal basis, whether the person consented; nothing about the person). On acceptance
// piis_transfer_decide() copies, into the receiver's tenant, the beneficiary (or joins the
// receiver's own record of the same NISS), the assessments, the PIIS with every version,
// signature and evaluation — under the same ids, each with its provenance (transferred_from) —
// leaving health-domain scores behind unless the person's consent is on the transfer. The
// sender's open PIIS end that day (outcome moved) and its deadlines for the person go; from then
// on its record of the person is read-only: guard triggers refuse any new or changed
// fact about them (SQLSTATE PT409), while reads, audit and caches work as before. Row-level
// security is never turned off for the service role: only these functions cross tenants, and
// each checks that the caller's CPAS is the party it acts for.
import { type Kysely, sql } from 'kysely';

// health-domain codes, written inside a quoted SQL expression (quotes doubled)
const HEALTH = `(''mental_health'', ''physical_health'', ''addiction'')`;
const PERSON_TABLES = ['right_decision', 'situation', 'exemption', 'assessment'];
const PIIS_TABLES = ['piis_version', 'piis_signature', 'piis_evaluation', 'piis_hearing_request', 'piis_interview_request', 'piis_notice', 'piis_sanction', 'piis_subsidy_extension_request'];
const COPIED = ['assessment', 'piis', 'piis_version', 'piis_signature', 'piis_evaluation'];

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `alter table beneficiary add column transferred_out_at timestamptz, add column transferred_to_kbo text, add column transferred_from jsonb;
      ${COPIED.map((t) => `alter table ${t} add column transferred_from jsonb;`).join('\n      ')}

      create table transfer (
        cpas_id uuid not null,
        id uuid not null,
        direction text not null check (direction in ('outgoing', 'incoming')),
        -- outgoing: the sender's person; incoming: the receiver's person, once accepted
        beneficiary_id uuid,
        counterpart_cpas_id uuid not null references cpas (id),
        counterpart_kbo text not null,
        legal_basis text not null check (char_length(legal_basis) between 1 and 2000),
        consent_on date,
        requested_on date not null,
        status text not null default 'pending' check (status in ('pending', 'accepted', 'refused')),
        decided_at timestamptz,
        decided_by text,
        refusal_reason text check (char_length(refusal_reason) <= 2000),
        copied jsonb,
        created_at timestamptz not null default now(),
        created_by text not null,
        primary key (cpas_id, id)
      );
      create unique index transfer_one_pending on transfer (cpas_id, beneficiary_id) where status = 'pending' and direction = 'outgoing';
      create index transfer_direction on transfer (cpas_id, direction, id);
      grant select, insert on transfer to piis_app;
      alter table transfer enable row level security;
      create policy tenant_isolation on transfer
        using (cpas_id = piis_current_cpas())
        with check (cpas_id = piis_current_cpas());

      -- A time-ordered id (UUIDv7) made in the database, for the events the functions write.
      create function piis_uuidv7() returns uuid language sql volatile as $$
        select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
          placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
      $$;

      -- The sender's record of a transferred person is read-only (history kept, nothing added).
      -- One check, called by the trigger of each kind of table with the person the row is about.
      create function piis_transfer_guard_person_row(p_cpas uuid, p_person uuid, p_row anyelement) returns anyelement language plpgsql as $$
      begin
        if coalesce(current_setting('piis.transfer', true), '') = 'on' then return p_row; end if;
        if exists (select 1 from beneficiary b where b.cpas_id = p_cpas and b.id = p_person and b.transferred_out_at is not null) then
          raise exception 'this person''s file was transferred to another CPAS: it is read-only here' using errcode = 'PT409';
        end if;
        return p_row;
      end $$;
      create function piis_transfer_guard_person() returns trigger language plpgsql as $$
      begin
        return piis_transfer_guard_person_row(new.cpas_id, new.beneficiary_id, new);
      end $$;
      create function piis_transfer_guard_piis() returns trigger language plpgsql as $$
      begin
        return piis_transfer_guard_person_row(new.cpas_id, (select p.beneficiary_id from piis p where p.cpas_id = new.cpas_id and p.id = new.piis_id), new);
      end $$;
      -- a PIIS row changes with every action (its revision moves on); clearing its rendered file does not
      create function piis_transfer_guard_piis_row() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and new.version is not distinct from old.version then return new; end if;
        return piis_transfer_guard_person_row(new.cpas_id, new.beneficiary_id, new);
      end $$;
      create function piis_transfer_guard_beneficiary() returns trigger language plpgsql as $$
      begin
        if coalesce(current_setting('piis.transfer', true), '') = 'on' or old.transferred_out_at is null then return new; end if;
        raise exception 'this person''s file was transferred to another CPAS: it is read-only here' using errcode = 'PT409';
      end $$;
      create trigger beneficiary_transfer_guard before update on beneficiary for each row execute function piis_transfer_guard_beneficiary();
      create trigger piis_transfer_guard before insert or update on piis for each row execute function piis_transfer_guard_piis_row();
      ${PERSON_TABLES.map((t) => `create trigger ${t}_transfer_guard before insert or update on ${t} for each row execute function piis_transfer_guard_person();`).join('\n      ')}
      ${PIIS_TABLES.map((t) => `create trigger ${t}_transfer_guard before insert or update on ${t} for each row execute function piis_transfer_guard_piis();`).join('\n      ')}

      -- Copies the rows of a table selected by p_where from one tenant into another, same ids,
      -- every column as it is unless p_set gives an expression for it (over the source row s).
      create function piis_transfer_copy(p_table text, p_from uuid, p_to uuid, p_where text, p_set jsonb) returns integer
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare cols text; exprs text; n integer;
      begin
        select string_agg(quote_ident(a.attname), ', ' order by a.attnum),
               string_agg(coalesce(p_set ->> a.attname, 's.' || quote_ident(a.attname)), ', ' order by a.attnum)
          into cols, exprs
        from pg_attribute a
        where a.attrelid = p_table::regclass and a.attnum > 0 and not a.attisdropped and a.attname <> 'cpas_id';
        execute format('insert into %I (cpas_id, %s) select $1, %s from %I s where s.cpas_id = $2 and %s on conflict do nothing', p_table, cols, exprs, p_table, p_where)
          using p_to, p_from;
        get diagnostics n = row_count;
        return n;
      end $$;
      revoke all on function piis_transfer_copy(text, uuid, uuid, text, jsonb) from public;

      -- The sender offers: its outgoing row (in the caller's CPAS) gets its incoming twin in the
      -- receiver's CPAS, with an event there. Nothing about the person crosses.
      create function piis_transfer_offer(p_id uuid, p_actor text) returns void
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare o transfer; sender_kbo text;
      begin
        select * into o from transfer where cpas_id = piis_current_cpas() and id = p_id and direction = 'outgoing' and status = 'pending';
        if not found then raise exception 'no such pending outgoing transfer' using errcode = 'PT404'; end if;
        select kbo_number into sender_kbo from cpas where id = o.cpas_id;
        insert into transfer (cpas_id, id, direction, beneficiary_id, counterpart_cpas_id, counterpart_kbo, legal_basis, consent_on, requested_on, created_by)
        values (o.counterpart_cpas_id, o.id, 'incoming', null, o.cpas_id, sender_kbo, o.legal_basis, o.consent_on, o.requested_on, p_actor);
        insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
        values (o.counterpart_cpas_id, piis_uuidv7(), 'transfer.offered', 'transfer', o.id, p_actor, jsonb_build_object('id', o.id, 'fromKbo', sender_kbo), 'transfer:' || o.id);
      end $$;

      -- The receiver decides. Accepting copies the file (see above) and makes the sender's record
      -- read-only; both rows record the decision, and both CPAS get an event.
      create function piis_transfer_decide(p_id uuid, p_accept boolean, p_actor text, p_reason text) returns jsonb
      language plpgsql security definer set search_path = public, pg_temp as $$
      declare i transfer; o transfer; src beneficiary; v_target uuid; receiver_kbo text; v_copied jsonb; prov text; pf text; v_consent boolean;
      begin
        select * into i from transfer where cpas_id = piis_current_cpas() and id = p_id and direction = 'incoming' for update;
        if not found then raise exception 'no such incoming transfer' using errcode = 'PT404'; end if;
        if i.status <> 'pending' then raise exception 'the transfer was already decided' using errcode = 'PT409'; end if;
        select * into o from transfer where cpas_id = i.counterpart_cpas_id and id = p_id and direction = 'outgoing' for update;
        select kbo_number into receiver_kbo from cpas where id = i.cpas_id;
        if not p_accept then
          update transfer t set status = 'refused', decided_at = now(), decided_by = p_actor, refusal_reason = p_reason where (t.cpas_id = i.cpas_id or t.cpas_id = o.cpas_id) and t.id = p_id;
          insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
          values (o.cpas_id, piis_uuidv7(), 'transfer.refused', 'transfer', p_id, p_actor, jsonb_build_object('id', p_id, 'toKbo', receiver_kbo), 'transfer:' || p_id);
          return null;
        end if;
        perform set_config('piis.transfer', 'on', true);
        v_consent := o.consent_on is not null;
        select * into src from beneficiary where cpas_id = o.cpas_id and id = o.beneficiary_id;
        select b.id into v_target from beneficiary b where b.cpas_id = i.cpas_id and b.niss = src.niss;
        prov := format('jsonb_build_object(%L, %L, %L, %L, %L, s.id)', 'transferId', p_id, 'fromKbo', i.counterpart_kbo, 'sourceId');
        if v_target is null then
          v_target := src.id;
          perform piis_transfer_copy('beneficiary', o.cpas_id, i.cpas_id, format('s.id = %L', src.id),
            jsonb_build_object('partner_id', 'null', 'external_ref', 'null', 'version', '1', 'transferred_out_at', 'null', 'transferred_to_kbo', 'null', 'transferred_from', prov));
        else
          -- the person is known here already (or comes back): the file joins that record
          update beneficiary set transferred_out_at = null, transferred_to_kbo = null where cpas_id = i.cpas_id and id = v_target;
        end if;
        pf := format('s.piis_id in (select p.id from piis p where p.cpas_id = %L and p.beneficiary_id = %L)', o.cpas_id, src.id);
        v_copied := jsonb_build_object(
          'beneficiaryId', v_target,
          'assessments', piis_transfer_copy('assessment', o.cpas_id, i.cpas_id, format('s.beneficiary_id = %L', src.id), jsonb_build_object(
            'beneficiary_id', quote_literal(v_target) || '::uuid', 'external_ref', 'null', 'transferred_from', prov,
            'domain_scores', case when v_consent then 's.domain_scores' else
              'coalesce((select jsonb_agg(e) from jsonb_array_elements(s.domain_scores) e where e ->> ''domain'' not in ${HEALTH}), ''[]''::jsonb)' end,
            'barriers', case when v_consent then 's.barriers' else
              'coalesce((select jsonb_agg(e) from jsonb_array_elements(s.barriers) e where e #>> ''{}'' not in ${HEALTH}), ''[]''::jsonb)' end)),
          'piis', piis_transfer_copy('piis', o.cpas_id, i.cpas_id, format('s.beneficiary_id = %L', src.id), jsonb_build_object(
            'beneficiary_id', quote_literal(v_target) || '::uuid', 'external_ref', 'null', 'file_doc', 'null', 'transferred_from', prov,
            'reuses_piis_id', format('case when s.reuses_piis_id in (select p.id from piis p where p.cpas_id = %L and p.beneficiary_id = %L) then s.reuses_piis_id end', o.cpas_id, src.id))),
          'versions', piis_transfer_copy('piis_version', o.cpas_id, i.cpas_id, pf, jsonb_build_object('transferred_from', prov)),
          'signatures', piis_transfer_copy('piis_signature', o.cpas_id, i.cpas_id, pf, jsonb_build_object('external_ref', 'null', 'transferred_from', prov)),
          'evaluations', piis_transfer_copy('piis_evaluation', o.cpas_id, i.cpas_id, pf, jsonb_build_object('external_ref', 'null', 'transferred_from', prov)),
          'healthDataIncluded', v_consent);
        -- the sender's open PIIS end on the day of the transfer (outcome: moved), its deadlines go
        -- (the receiver's copies carry on): no person is in force in two CPAS at once
        with closed as (
          update piis p set stage = 'closed', ended_on = (now() at time zone 'Europe/Brussels')::date, close_outcome = 'moved',
                 version = p.version + 1, updated_at = now(), file_doc = null
          where p.cpas_id = o.cpas_id and p.beneficiary_id = src.id and p.stage <> 'closed'
          returning p.id, p.ended_on)
        insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
        select o.cpas_id, piis_uuidv7(), 'piis.closed', 'piis', closed.id, p_actor,
               jsonb_build_object('piisId', closed.id, 'endedOn', closed.ended_on, 'outcome', 'moved', 'transferId', p_id), 'transfer:' || p_id
        from closed;
        delete from deadline where cpas_id = o.cpas_id and beneficiary_id = src.id;
        update beneficiary set transferred_out_at = now(), transferred_to_kbo = receiver_kbo where cpas_id = o.cpas_id and id = src.id;
        update transfer t set status = 'accepted', decided_at = now(), decided_by = p_actor, copied = v_copied,
               beneficiary_id = case when t.direction = 'incoming' then v_target else t.beneficiary_id end
          where (t.cpas_id = i.cpas_id or t.cpas_id = o.cpas_id) and t.id = p_id;
        insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
        values (o.cpas_id, piis_uuidv7(), 'transfer.accepted', 'transfer', p_id, p_actor, jsonb_build_object('id', p_id, 'toKbo', receiver_kbo, 'beneficiaryId', src.id), 'transfer:' || p_id);
        perform set_config('piis.transfer', 'off', true);
        return v_copied;
      end $$;
      revoke all on function piis_transfer_offer(uuid, text), piis_transfer_decide(uuid, boolean, text, text) from public;
      grant execute on function piis_transfer_offer(uuid, text), piis_transfer_decide(uuid, boolean, text, text) to piis_app;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `drop function if exists piis_transfer_decide(uuid, boolean, text, text), piis_transfer_offer(uuid, text), piis_transfer_copy(text, uuid, uuid, text, jsonb);
       drop trigger if exists beneficiary_transfer_guard on beneficiary;
       drop trigger if exists piis_transfer_guard on piis;
       ${[...PERSON_TABLES, ...PIIS_TABLES].map((t) => `drop trigger if exists ${t}_transfer_guard on ${t};`).join('\n       ')}
       drop function if exists piis_transfer_guard_beneficiary(), piis_transfer_guard_piis_row(), piis_transfer_guard_person_row(uuid, uuid, anyelement), piis_transfer_guard_piis(), piis_transfer_guard_person(), piis_uuidv7();
       drop table if exists transfer;
       ${COPIED.map((t) => `alter table ${t} drop column if exists transferred_from;`).join('\n       ')}
       alter table beneficiary drop column if exists transferred_out_at, drop column if exists transferred_to_kbo, drop column if exists transferred_from;`,
    )
    .execute(db);
}
