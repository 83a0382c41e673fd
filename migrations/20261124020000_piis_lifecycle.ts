// The PIIS lifecycle: assessments (bilan social), the PIIS with its immutable content versions,
// and the facts of its life — hearing requests, signatures, evaluations, interview requests,
// formal notices, sanctions and subsidy-extension requests. Facts are corrected or voided, never
// edited (R-CORRECT); the outcome of a hearing or interview request is written once onto it.
// Every table is keyed (cpas_id, id) and guarded by row-level security like the foundation's.
import { type Kysely, sql } from 'kysely';

const correctionColumns = `
  supersedes_id uuid,
  correction_reason text check (char_length(correction_reason) <= 2000),
  voided_at timestamptz,
  void_reason text check (char_length(void_reason) <= 2000),
  voided_by text,
  external_ref text check (char_length(external_ref) <= 100),
  recorded_at timestamptz not null default now(),
  recorded_by text not null`;

const text = (name: string, max = 2000, nullable = true) => `${name} text ${nullable ? '' : 'not null'} check (char_length(${name}) <= ${max})`;

/** A fact of a PIIS: its keys, its link to the PIIS, its own columns and the correction columns. */
const piisFact = (table: string, columns: string) => `
  create table ${table} (
    cpas_id uuid not null,
    id uuid not null,
    piis_id uuid not null,
    ${columns},
    ${correctionColumns},
    primary key (cpas_id, id),
    unique (cpas_id, external_ref),
    foreign key (cpas_id, piis_id) references piis (cpas_id, id),
    foreign key (cpas_id, supersedes_id) references ${table} (cpas_id, id)
  );
  create index ${table}_piis on ${table} (cpas_id, piis_id);`;

const factTables = [
  'right_decision',
  'situation',
  'exemption',
  'assessment',
  'piis_hearing_request',
  'piis_signature',
  'piis_evaluation',
  'piis_interview_request',
  'piis_notice',
  'piis_sanction',
  'piis_subsidy_extension_request',
];

const tables = [
  'assessment',
  'deadline',
  'piis',
  'piis_version',
  'piis_hearing_request',
  'piis_signature',
  'piis_evaluation',
  'piis_interview_request',
  'piis_notice',
  'piis_sanction',
  'piis_subsidy_extension_request',
];


// Reads that the service sends on every PIIS request, as functions: PL/pgSQL keeps their plans per
// connection (planning these statements costs several times their execution). They run with the
// caller's rights (row-level security applies) and bind the tenant they are given for the rest of
// the transaction, as the service's own binding does.
const inForce = (table: string, alias: string) =>
  `${alias}.voided_at is null and not exists (select 1 from ${table} s where s.cpas_id = ${alias}.cpas_id and s.supersedes_id = ${alias}.id and s.voided_at is null)`;
const ofPiis = (table: string) =>
  `coalesce((select json_agg(f order by f.id) from ${table} f where f.cpas_id = p.cpas_id and f.piis_id = p.id), '[]'::json)`;
const ofPerson = (table: string, columns = 'f') =>
  `coalesce((select json_agg(${columns} order by f.id) from ${table} f where f.cpas_id = p.cpas_id and f.beneficiary_id = p.beneficiary_id), '[]'::json)`;
const fileSelect = `
  select json_build_object(
    'piis', to_jsonb(p) - 'file_doc',
    'birth_date', b.birth_date,
    'versions', coalesce((select json_agg(v order by v.version) from piis_version v where v.cpas_id = p.cpas_id and v.piis_id = p.id), '[]'::json),
    'hearing_requests', ${ofPiis('piis_hearing_request')},
    'signatures', ${ofPiis('piis_signature')},
    'evaluations', ${ofPiis('piis_evaluation')},
    'interview_requests', ${ofPiis('piis_interview_request')},
    'notices', ${ofPiis('piis_notice')},
    'subsidy_extension_requests', ${ofPiis('piis_subsidy_extension_request')},
    'person_sanctions', coalesce((select json_agg(s order by s.id) from piis_sanction s join piis q on q.cpas_id = s.cpas_id and q.id = s.piis_id
        where s.cpas_id = p.cpas_id and q.beneficiary_id = p.beneficiary_id), '[]'::json),
    'rights', ${ofPerson('right_decision')},
    'situations', ${ofPerson('situation')},
    'assessments', ${ofPerson('assessment', "json_build_object('id', f.id, 'performed_on', f.performed_on, 'kind', f.kind, 'participation_rung', f.participation_rung, 'domain_scores', f.domain_scores, 'supersedes_id', f.supersedes_id, 'voided_at', f.voided_at)")},
    'exemptions', ${ofPerson('exemption')})
  from piis p join beneficiary b on b.cpas_id = p.cpas_id and b.id = p.beneficiary_id
  where p.cpas_id = p_cpas and p.id = any(p_ids)
  order by p.id`;
const deadlineFactsSelect = `
  select json_build_object(
    'piis', coalesce((select json_agg(x) from (
        select p.id, p.beneficiary_id, p.stage, p.track, p.obligation, p.handed_over_on, p.signed_on, p.ends_on,
          (select g.noted_by_council_on from piis_signature g where g.cpas_id = p.cpas_id and g.piis_id = p.id and g.version = 1
             and g.party = 'cpas' and ${inForce('piis_signature', 'g')} limit 1) as noted_by_council_on,
          (select json_agg(json_build_object('held_on', e.held_on, 'mode', e.mode)) from piis_evaluation e
             where e.cpas_id = p.cpas_id and e.piis_id = p.id and ${inForce('piis_evaluation', 'e')}) as evaluations,
          (select min(x.requested_on) from piis_subsidy_extension_request x
             where x.cpas_id = p.cpas_id and x.piis_id = p.id and ${inForce('piis_subsidy_extension_request', 'x')}) as first_extension_on
        from piis p where p.cpas_id = p_cpas and p.beneficiary_id = any(p_beneficiaries)) x), '[]'::json),
    'rights', coalesce((select json_agg(json_build_object('id', r.id, 'beneficiary_id', r.beneficiary_id, 'kind', r.kind, 'category', r.category,
        'decided_on', r.decided_on, 'notified_on', r.notified_on, 'starts_on', r.starts_on, 'monthly_amount_cents', r.monthly_amount_cents))
      from right_decision r where r.cpas_id = p_cpas and r.beneficiary_id = any(p_beneficiaries) and ${inForce('right_decision', 'r')}), '[]'::json),
    'exemptions', coalesce((select json_agg(json_build_object('beneficiary_id', e.beneficiary_id, 'decided_on', e.decided_on))
      from exemption e where e.cpas_id = p_cpas and e.beneficiary_id = any(p_beneficiaries) and ${inForce('exemption', 'e')}), '[]'::json),
    'hearings', coalesce((select json_agg(json_build_object('id', f.id, 'piis_id', f.piis_id, 'beneficiary_id', p.beneficiary_id,
        'requested_on', f.requested_on, 'held_on', f.held_on, 'withdrawn_on', f.withdrawn_on))
      from piis_hearing_request f join piis p on p.cpas_id = f.cpas_id and p.id = f.piis_id
      where f.cpas_id = p_cpas and p.beneficiary_id = any(p_beneficiaries) and ${inForce('piis_hearing_request', 'f')}), '[]'::json),
    'interviews', coalesce((select json_agg(json_build_object('id', f.id, 'piis_id', f.piis_id, 'beneficiary_id', p.beneficiary_id,
        'requested_on', f.requested_on, 'held_on', f.held_on, 'withdrawn_on', null))
      from piis_interview_request f join piis p on p.cpas_id = f.cpas_id and p.id = f.piis_id
      where f.cpas_id = p_cpas and p.beneficiary_id = any(p_beneficiaries) and ${inForce('piis_interview_request', 'f')}), '[]'::json),
    'sanctions', coalesce((select json_agg(json_build_object('id', f.id, 'piis_id', f.piis_id, 'beneficiary_id', p.beneficiary_id, 'notified_on', f.notified_on))
      from piis_sanction f join piis p on p.cpas_id = f.cpas_id and p.id = f.piis_id
      where f.cpas_id = p_cpas and p.beneficiary_id = any(p_beneficiaries) and ${inForce('piis_sanction', 'f')}), '[]'::json))`;

const functions = `
  -- The whole file of each PIIS named (its row, versions, lifecycle records, the person's facts the
  -- rules need) as one JSON document; p_lock locks the PIIS rows for a change.
  create function piis_file(p_cpas uuid, p_ids uuid[], p_lock boolean) returns setof json
  language plpgsql volatile as $fn$
  begin
    perform set_config('app.cpas_id', p_cpas::text, true);
    if p_lock then
      return query ${fileSelect} for update of p;
    else
      return query ${fileSelect};
    end if;
  end $fn$;
  -- Every fact the deadlines of these beneficiaries follow from (records in force only).
  create function piis_deadline_facts(p_cpas uuid, p_beneficiaries uuid[]) returns json
  language plpgsql volatile as $fn$
  declare result json;
  begin
    perform set_config('app.cpas_id', p_cpas::text, true);
    ${deadlineFactsSelect} into result;
    return result;
  end $fn$;
  grant execute on function piis_file(uuid, uuid[], boolean), piis_deadline_facts(uuid, uuid[]) to piis_app;
  -- A change to a person's facts clears the rendered files of their PIIS (the next change of a
  -- PIIS renders its file again; a read of a cleared one renders it on the fly).
  create function piis_clear_person_files() returns trigger language plpgsql as $fn$
  begin
    if tg_table_name = 'beneficiary' then
      update piis set file_doc = null where cpas_id = new.cpas_id and beneficiary_id = new.id and file_doc is not null;
    elsif tg_table_name = 'piis_sanction' then
      update piis set file_doc = null where file_doc is not null and cpas_id = new.cpas_id
        and beneficiary_id = (select q.beneficiary_id from piis q where q.cpas_id = new.cpas_id and q.id = new.piis_id);
    else
      update piis set file_doc = null where cpas_id = new.cpas_id and beneficiary_id = new.beneficiary_id and file_doc is not null;
    end if;
    return null;
  end $fn$;
  create trigger piis_clear_files after update on beneficiary for each row execute function piis_clear_person_files();
  ${['right_decision', 'situation', 'exemption', 'assessment', 'piis_sanction']
    .map((t) => `create trigger piis_clear_files after insert or update on ${t} for each row execute function piis_clear_person_files();`)
    .join('\n  ')}`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table assessment (
        cpas_id uuid not null,
        id uuid not null,
        beneficiary_id uuid not null,
        performed_on date not null,
        kind text not null check (kind in ('initial', 'intermediate', 'final')),
        instrument text not null check (char_length(instrument) between 1 and 100),
        domain_scores jsonb not null default '[]',
        participation_rung smallint check (participation_rung between 1 and 6),
        ${text('aspirations')},
        ${text('aptitudes')},
        ${text('qualifications')},
        ${text('needs')},
        barriers jsonb not null default '[]',
        ${correctionColumns},
        primary key (cpas_id, id),
        unique (cpas_id, external_ref),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id),
        foreign key (cpas_id, supersedes_id) references assessment (cpas_id, id)
      );
      create index assessment_beneficiary on assessment (cpas_id, beneficiary_id, performed_on);

      create table piis (
        cpas_id uuid not null,
        id uuid not null,
        beneficiary_id uuid not null,
        track text not null check (track in ('general', 'student')),
        obligation text not null check (obligation in ('compulsory', 'optional', 'coaching')),
        drafted_on date not null,
        -- draft → in_reflection → signed → closed; 'active' is 'signed' from the start date on
        stage text not null default 'draft' check (stage in ('draft', 'in_reflection', 'signed', 'closed')),
        current_version integer not null default 1,
        -- of the current version, for filters and deadlines
        starts_on date,
        ends_on date,
        baseline_assessment_id uuid,
        reuses_piis_id uuid,
        handed_over_on date,
        informed_on date,
        assisted_by jsonb,
        reflection_waiver jsonb,
        -- the conclusion: the later of the beneficiary's and the CPAS's signatures in force
        signed_on date,
        ended_on date,
        close_outcome text,
        ${text('close_note')},
        external_ref text check (char_length(external_ref) <= 100),
        version integer not null default 1,
        created_at timestamptz not null default now(),
        created_by text not null,
        updated_at timestamptz not null default now(),
        -- the file as piis_file() renders it, kept by the unit of work that changes the PIIS and
        -- cleared when the person's facts change, so that a read is one row (null: render it)
        file_doc jsonb,
        primary key (cpas_id, id),
        unique (cpas_id, external_ref),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id),
        foreign key (cpas_id, baseline_assessment_id) references assessment (cpas_id, id),
        foreign key (cpas_id, reuses_piis_id) references piis (cpas_id, id)
      );
      create index piis_beneficiary on piis (cpas_id, beneficiary_id);
      create index piis_stage on piis (cpas_id, stage, id);

      create table piis_version (
        cpas_id uuid not null,
        id uuid not null,
        piis_id uuid not null,
        version integer not null check (version >= 1),
        kind text not null check (kind in ('initial', 'amendment', 'prolongation')),
        content jsonb not null,
        effective_on date,
        ${text('reason')},
        informed_on date,
        created_at timestamptz not null default now(),
        created_by text not null,
        primary key (cpas_id, id),
        unique (cpas_id, piis_id, version),
        foreign key (cpas_id, piis_id) references piis (cpas_id, id)
      );
      ${piisFact('piis_hearing_request', `
        requested_on date not null,
        held_on date,
        withdrawn_on date,
        check (held_on is null or withdrawn_on is null)`)}
      ${piisFact('piis_signature', `
        version integer not null,
        party text not null check (party in ('beneficiary', 'cpas', 'third_party')),
        ${text('third_party_name', 200)},
        signed_on date not null,
        ${text('signatory_name', 200, false)},
        noted_by_council_on date`)}
      ${piisFact('piis_evaluation', `
        version integer not null,
        held_on date not null,
        mode text not null check (mode in ('in_person', 'remote', 'written')),
        objectives jsonb not null default '[]',
        commitments_kept jsonb not null,
        assessment_id uuid,
        ${text('adjustments')},
        ${text('prolongation_motivation')}`)}
      ${piisFact('piis_interview_request', `
        requested_on date not null,
        held_on date`)}
      ${piisFact('piis_notice', `
        issued_on date not null,
        ${text('breach', 2000, false)},
        comply_by date not null`)}
      ${piisFact('piis_sanction', `
        notice_id uuid not null,
        decided_on date not null,
        notified_on date not null,
        hearing_requested boolean not null,
        hearing_held_on date,
        no_legitimate_reason boolean not null check (no_legitimate_reason),
        suspension_starts_on date not null,
        suspension_ends_on date not null check (suspension_ends_on >= suspension_starts_on),
        partial_percent smallint check (partial_percent between 1 and 100),
        suspended_sentence boolean not null default false`)}
      ${piisFact('piis_subsidy_extension_request', `
        requested_on date not null,
        ${text('motivation', 2000, false)},
        evaluation_id uuid`)}
      -- The deadline engine's output: every legal deadline of each beneficiary, recomputed from the
      -- facts in force by the unit of work that changes them; the status that depends on today
      -- (upcoming, due, overdue) is derived when read.
      create table deadline (
        cpas_id uuid not null,
        id uuid not null,
        beneficiary_id uuid not null,
        piis_id uuid,
        record_id uuid,
        kind text not null check (kind in ('piis-conclusion', 'reflection-end', 'hearing-pending', 'evaluation', 'interview', 'piis-end', 'subsidy-extension', 'sanction-appeal')),
        due_on date not null,
        met boolean not null,
        rule text not null,
        explanation text not null,
        primary key (cpas_id, id),
        foreign key (cpas_id, beneficiary_id) references beneficiary (cpas_id, id)
      );
      create index deadline_due on deadline (cpas_id, due_on, kind, id);
      create index deadline_beneficiary on deadline (cpas_id, beneficiary_id);
      -- "in force" asks whether a record is superseded: one small partial index per fact table
      ${[...factTables].map((t) => `create index ${t}_superseded on ${t} (cpas_id, supersedes_id) where supersedes_id is not null;`).join('\n      ')}
      -- the timeline of a PIIS reads its events from the outbox
      create index outbox_event_entity on outbox_event (cpas_id, entity_id, id);
      grant select, insert, update on ${tables.join(', ')} to piis_app;
      grant delete on deadline to piis_app;`,
    )
    .execute(db);
  await sql.raw(functions).execute(db);
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
  await sql
    .raw(
      `drop trigger if exists piis_clear_files on beneficiary; drop trigger if exists piis_clear_files on right_decision;
       drop trigger if exists piis_clear_files on situation; drop trigger if exists piis_clear_files on exemption;
       drop function if exists piis_file(uuid, uuid[], boolean); drop function if exists piis_deadline_facts(uuid, uuid[]);
       drop function if exists piis_clear_person_files() cascade`,
    )
    .execute(db);
  await sql.raw(`drop index if exists outbox_event_entity; drop index if exists right_decision_superseded, situation_superseded, exemption_superseded; drop table if exists ${[...tables].reverse().join(', ')} cascade`).execute(db);
}
