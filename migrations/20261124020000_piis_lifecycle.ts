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
  await sql.raw(`drop index if exists outbox_event_entity; drop index if exists right_decision_superseded, situation_superseded, exemption_superseded; drop table if exists ${[...tables].reverse().join(', ')} cascade`).execute(db);
}
