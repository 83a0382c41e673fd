// Retention (npm run purge): each CPAS's policy — a person's file is anonymised N years after
// its last activity, once nothing of it is in force — and piis_anonymise_person(), which does
// it: names, NISS, vendor references and every free text replaced, documents and attachment
// bytes removed (their hashes stay), while ids, dates and codes — everything the reports and
// indicators count — stay as they were, so figures computed before and after agree. Audit
// entries hold no personal data and are never purged (the hash chain stays whole); pseudonyms
// are keyed on internal ids, so extracts stay linkable.
import { type Kysely, sql } from 'kysely';

const REMOVED = `'[removed]'`;
const CORRECTION = `correction_reason = case when correction_reason is null then null else ${REMOVED} end,
            void_reason = case when void_reason is null then null else ${REMOVED} end, external_ref = null`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `create table retention_policy (
        cpas_id uuid not null references cpas (id),
        anonymise_after_years integer not null default 10 check (anonymise_after_years between 1 and 100),
        updated_at timestamptz not null default now(),
        updated_by text not null,
        primary key (cpas_id)
      );
      grant select, insert, update on retention_policy to piis_app;
      alter table retention_policy enable row level security;
      create policy tenant_isolation on retention_policy
        using (cpas_id = piis_current_cpas())
        with check (cpas_id = piis_current_cpas());
      alter table beneficiary add column anonymised_at timestamptz;

      -- Anonymises one person of one CPAS (run by the owner: npm run purge).
      create function piis_anonymise_person(p_cpas uuid, p_person uuid) returns void
      language plpgsql security definer set search_path = public, pg_temp as $$
      begin
        perform set_config('piis.transfer', 'on', true); -- past the read-only guard of a transferred file
        update beneficiary set given_name = ${REMOVED}, family_name = ${REMOVED},
               niss = lpad((('x' || substr(md5(id::text), 1, 15))::bit(60)::bigint % 100000000000)::text, 11, '0'),
               external_ref = null, anonymised_at = now(), version = version + 1, updated_at = now()
        where cpas_id = p_cpas and id = p_person;
        update right_decision set ${CORRECTION} where cpas_id = p_cpas and beneficiary_id = p_person;
        update situation set ${CORRECTION} where cpas_id = p_cpas and beneficiary_id = p_person;
        update exemption set motivation = ${REMOVED}, ${CORRECTION} where cpas_id = p_cpas and beneficiary_id = p_person;
        update assessment set aspirations = null, aptitudes = null, qualifications = null, needs = null,
               barriers = coalesce((select jsonb_agg(b) from jsonb_array_elements(barriers) b
                                    where b #>> '{}' in (select jsonb_object_keys('{"finances":1,"daily_activities":1,"housing":1,"family_relations":1,"mental_health":1,"physical_health":1,"addiction":1,"basic_daily_living":1,"instrumental_daily_living":1,"social_network":1,"social_participation":1,"justice":1,"language":1,"mobility":1,"digital_skills":1,"administration":1,"employment":1,"training":1}'::jsonb))), '[]'::jsonb),
               ${CORRECTION}
        where cpas_id = p_cpas and beneficiary_id = p_person;
        update piis set close_note = null, assisted_by = case when assisted_by is null then null else jsonb_build_object('name', ${REMOVED}, 'relation', ${REMOVED}) end,
               reflection_waiver = case when reflection_waiver is null then null else reflection_waiver || jsonb_build_object('statement', ${REMOVED}) end,
               external_ref = null, file_doc = null
        where cpas_id = p_cpas and beneficiary_id = p_person;
        update piis_version v set content = v.content
            || case when v.content ? 'objectives' then jsonb_build_object('objectives', coalesce((select jsonb_agg(o || jsonb_build_object('description', ${REMOVED})) from jsonb_array_elements(v.content -> 'objectives') o), '[]'::jsonb)) else '{}'::jsonb end
            || case when v.content ? 'commitments' then jsonb_build_object('commitments', coalesce((select jsonb_agg(c || jsonb_build_object('description', ${REMOVED})
                   || case when c ->> 'thirdPartyName' is not null then jsonb_build_object('thirdPartyName', ${REMOVED}) else '{}'::jsonb end) from jsonb_array_elements(v.content -> 'commitments') c), '[]'::jsonb)) else '{}'::jsonb end
            || case when v.content ->> 'evaluationArrangements' is not null then jsonb_build_object('evaluationArrangements', ${REMOVED}) else '{}'::jsonb end
            || case when v.content ->> 'supplementaryAid' is not null then jsonb_build_object('supplementaryAid', ${REMOVED}) else '{}'::jsonb end,
            reason = case when v.reason is null then null else ${REMOVED} end
        where v.cpas_id = p_cpas and v.piis_id in (select id from piis where cpas_id = p_cpas and beneficiary_id = p_person);
        update piis_signature set signatory_name = ${REMOVED}, third_party_name = case when third_party_name is null then null else ${REMOVED} end, ${CORRECTION}
        where cpas_id = p_cpas and piis_id in (select id from piis where cpas_id = p_cpas and beneficiary_id = p_person);
        update piis_evaluation set adjustments = null, prolongation_motivation = null,
               objectives = coalesce((select jsonb_agg(o - 'note') from jsonb_array_elements(objectives) o), '[]'::jsonb), ${CORRECTION}
        where cpas_id = p_cpas and piis_id in (select id from piis where cpas_id = p_cpas and beneficiary_id = p_person);
        update piis_notice set breach = ${REMOVED}, ${CORRECTION} where cpas_id = p_cpas and piis_id in (select id from piis where cpas_id = p_cpas and beneficiary_id = p_person);
        update piis_subsidy_extension_request set motivation = ${REMOVED}, ${CORRECTION} where cpas_id = p_cpas and piis_id in (select id from piis where cpas_id = p_cpas and beneficiary_id = p_person);
        ${['piis_hearing_request', 'piis_interview_request', 'piis_sanction'].map((t) => `update ${t} set ${CORRECTION} where cpas_id = p_cpas and piis_id in (select id from piis where cpas_id = p_cpas and beneficiary_id = p_person);`).join('\n        ')}
        update piis_document set bytes = null where cpas_id = p_cpas and piis_id in (select id from piis where cpas_id = p_cpas and beneficiary_id = p_person);
        update attachment set content_removed_at = now(), file_name = null, external_ref = null
        where cpas_id = p_cpas and piis_id in (select id from piis where cpas_id = p_cpas and beneficiary_id = p_person) and content_removed_at is null;
        delete from attachment_content where cpas_id = p_cpas and id in (select a.id from attachment a join piis p on p.cpas_id = a.cpas_id and p.id = a.piis_id where a.cpas_id = p_cpas and p.beneficiary_id = p_person);
        insert into audit_entry (cpas_id, id, actor, action, entity, entity_id, request_id, outcome)
        values (p_cpas, piis_uuidv7(), 'system:purge', 'update', 'beneficiary', p_person, 'purge', 'anonymised');
        insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
        values (p_cpas, piis_uuidv7(), 'beneficiary.anonymised', 'beneficiary', p_person, 'system:purge', jsonb_build_object('id', p_person), 'purge');
        perform set_config('piis.transfer', 'off', true);
      end $$;
      revoke all on function piis_anonymise_person(uuid, uuid) from public;`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop function if exists piis_anonymise_person(uuid, uuid); alter table beneficiary drop column if exists anonymised_at; drop table if exists retention_policy;`).execute(db);
}
