// The facts the subsidy of a year follows from, for every person of a CPAS with an RI right or a
// signed PIIS by the end of that year: one statement, one JSON document per person, records in
// force only (R-CORRECT). Queries name their CPAS besides row-level security.
import { type CompiledQuery, sql } from 'kysely';
import { inForce } from '../../db/in-force.js';
import type { Tx } from '../../db/tenant.js';
import type { IndicatorPerson } from '../../rules/indicators.js';
import { toRightDecisionFact } from '../../db/right-decision-row.js';

export interface SubsidyFactsRow {
  id: string;
  birth_date: string | null;
  partner_id: string | null;
  rights: Array<{
    id: string;
    kind: 'ri' | 'equivalent_aid' | 'end';
    category: 'cohabitant' | 'isolated' | 'family' | null;
    decided_on: string;
    notified_on: string | null;
    starts_on: string;
    monthly_amount_cents: number | null;
    household_amount_cents?: number | null;
  }>;
  piis: Array<{
    id: string;
    track: 'general' | 'student';
    signed_on: string | null;
    ended_on: string | null;
    ends_on: string | null;
    noted_by_council_on: string | null;
    extension_requested_on: string[] | null;
  }>;
  suspensions: Array<{ from: string; to: string; percent: number }>;
  exemptions: Array<{ decided_on: string }>;
  situations: Array<{ kind: string; starts_on: string; ends_on: string | null }>;
}

/** With beneficiaries named, their partners come too (R-SUB-COUPLE settles the two together). */
export function subsidyFactsQuery(
  tx: Tx,
  cpasId: string,
  filter: { yearEnd: string; beneficiaryId?: string; beneficiaryIds?: readonly string[] },
): CompiledQuery<SubsidyFactsRow> {
  const ids = filter.beneficiaryIds ?? (filter.beneficiaryId ? [filter.beneficiaryId] : null);
  // the ids as one array literal, a bind parameter cast to uuid[] below
  const named = ids ? `{${ids.join(',')}}` : null;
  return sql<SubsidyFactsRow>`
    select b.id, b.birth_date, b.partner_id,
      coalesce((select json_agg(json_build_object('id', r.id, 'kind', r.kind, 'category', r.category, 'decided_on',
        r.decided_on,
          'notified_on', r.notified_on, 'starts_on', r.starts_on, 'monthly_amount_cents', r.monthly_amount_cents,
          'household_amount_cents', r.household_amount_cents) order by r.id)
        from right_decision r where r.cpas_id = b.cpas_id and r.beneficiary_id = b.id and
          ${inForce('right_decision', 'r')}), '[]') as rights,
      coalesce((select json_agg(json_build_object('id', p.id, 'track', p.track, 'signed_on', p.signed_on, 'ended_on',
        p.ended_on, 'ends_on', p.ends_on,
          'noted_by_council_on', (select g.noted_by_council_on from piis_signature g where g.cpas_id = p.cpas_id and
            g.piis_id = p.id
             and g.version = 1 and g.party = 'cpas' and ${inForce('piis_signature', 'g')} limit 1),
          'extension_requested_on', (select json_agg(x.requested_on order by x.id) from piis_subsidy_extension_request x
             where x.cpas_id = p.cpas_id and x.piis_id = p.id and ${inForce('piis_subsidy_extension_request', 'x')}))
               order by p.id)
        from piis p where p.cpas_id = b.cpas_id and p.beneficiary_id = b.id), '[]') as piis,
      coalesce((select json_agg(json_build_object('from', s.suspension_starts_on, 'to', s.suspension_ends_on,
        'percent', coalesce(s.partial_percent, 100)) order by s.id)
        from piis_sanction s join piis q on q.cpas_id = s.cpas_id and q.id = s.piis_id
        where s.cpas_id = b.cpas_id and q.beneficiary_id = b.id and not s.suspended_sentence
          and ${inForce('piis_sanction', 's')}), '[]') as suspensions,
      coalesce((select json_agg(json_build_object('decided_on', e.decided_on) order by e.id)
        from exemption e where e.cpas_id = b.cpas_id and e.beneficiary_id = b.id and ${inForce('exemption', 'e')}),
          '[]') as exemptions,
      coalesce((select json_agg(json_build_object('kind', t.kind, 'starts_on', t.starts_on, 'ends_on', t.ends_on)
        order by t.id)
        from situation t where t.cpas_id = b.cpas_id and t.beneficiary_id = b.id and ${inForce('situation', 't')}),
          '[]') as situations
    from beneficiary b
    where b.cpas_id = ${cpasId}
      ${
        named
          ? // the named, those whose partner is named, and the partners of the named, as one set
            // of ids joined to (a disjunction over the person would test every person of the CPAS
            // against the whole array: a second for a batch of 1,000 in a CPAS of 20,000)
            sql`and b.id in (
              select n.id from unnest(${named}::uuid[]) n(id)
              union select x.id from beneficiary x join unnest(${named}::uuid[]) n(id) on x.partner_id = n.id where
                x.cpas_id = ${cpasId}
              union select x.partner_id from beneficiary x join unnest(${named}::uuid[]) n(id) on x.id = n.id where
                x.cpas_id = ${cpasId} and x.partner_id is not null)`
          : sql``
      }
      and (exists (select 1 from right_decision r where r.cpas_id = b.cpas_id and r.beneficiary_id = b.id and
        r.starts_on <= ${filter.yearEnd}::date)
        or exists (select 1 from piis p where p.cpas_id = b.cpas_id and p.beneficiary_id = b.id and p.signed_on <=
          ${filter.yearEnd}::date))
    order by b.id`.compile(tx);
}

export interface IndicatorFactsRow {
  id: string;
  birth_date: string | null;
  rights: SubsidyFactsRow['rights'];
  exemptions: Array<{ decided_on: string }>;
  assessments: Array<{
    id: string;
    kind: string;
    performed_on: string;
    participation_rung: number | null;
    domain_scores: Array<{ domain: string; score: number }>;
  }>;
  piis: Array<{
    id: string;
    track: 'general' | 'student';
    signed_on: string | null;
    handed_over_on: string | null;
    first_signature_on: string | null;
    waiver_recorded: boolean;
    ended_on: string | null;
    ends_on: string | null;
    close_outcome: string | null;
    activation_category: string | null;
    baseline_assessment_id: string | null;
    evaluations: Array<{ held_on: string; mode: 'in_person' | 'remote' | 'written' }> | null;
    interviews: Array<{ requested_on: string; held_on: string | null }> | null;
  }>;
}

/**
 * The facts the indicators follow from, for every person of the CPAS (or the persons named), all
 * years: a year's figures may depend on later facts (a PIIS signed in January within the 3 months
 * of a December grant, R-OBLIG-DEADLINE).
 */
export function indicatorFactsQuery(
  tx: Tx,
  cpasId: string,
  filter: { beneficiaryIds?: readonly string[] } = {},
): CompiledQuery<IndicatorFactsRow> {
  return sql<IndicatorFactsRow>`
    select b.id, b.birth_date,
      coalesce((select json_agg(json_build_object('id', r.id, 'kind', r.kind, 'category', r.category, 'decided_on',
        r.decided_on,
          'notified_on', r.notified_on, 'starts_on', r.starts_on, 'monthly_amount_cents', r.monthly_amount_cents,
          'household_amount_cents', r.household_amount_cents) order by r.id)
        from right_decision r where r.cpas_id = b.cpas_id and r.beneficiary_id = b.id and
          ${inForce('right_decision', 'r')}), '[]') as rights,
      coalesce((select json_agg(json_build_object('decided_on', e.decided_on) order by e.id)
        from exemption e where e.cpas_id = b.cpas_id and e.beneficiary_id = b.id and ${inForce('exemption', 'e')}),
          '[]') as exemptions,
      coalesce((select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'performed_on', a.performed_on,
          'participation_rung', a.participation_rung, 'domain_scores', a.domain_scores) order by a.id)
        from assessment a where a.cpas_id = b.cpas_id and a.beneficiary_id = b.id and ${inForce('assessment', 'a')}),
          '[]') as assessments,
      coalesce((select json_agg(json_build_object('id', p.id, 'track', p.track, 'signed_on', p.signed_on,
        'handed_over_on', p.handed_over_on,
          'first_signature_on', (select min(g.signed_on) from piis_signature g where g.cpas_id = p.cpas_id and
            g.piis_id = p.id
             and g.version = 1 and ${inForce('piis_signature', 'g')}),
          'waiver_recorded', p.reflection_waiver is not null and p.reflection_waiver <> 'null'::jsonb,
          'ended_on', p.ended_on, 'ends_on', p.ends_on, 'close_outcome', p.close_outcome,
          'activation_category', (select v.content ->> 'activationCategory' from piis_version v
             where v.cpas_id = p.cpas_id and v.piis_id = p.id and v.version = p.current_version),
          'baseline_assessment_id', p.baseline_assessment_id,
          'evaluations', (select json_agg(json_build_object('held_on', e.held_on, 'mode', e.mode) order by e.id) from
            piis_evaluation e
             where e.cpas_id = p.cpas_id and e.piis_id = p.id and ${inForce('piis_evaluation', 'e')}),
          'interviews', (select json_agg(json_build_object('requested_on', i.requested_on, 'held_on', i.held_on)
            order by i.id) from piis_interview_request i
             where i.cpas_id = p.cpas_id and i.piis_id = p.id and ${inForce('piis_interview_request', 'i')})) order
               by p.id)
        from piis p where p.cpas_id = b.cpas_id and p.beneficiary_id = b.id), '[]') as piis
    from beneficiary b
    where b.cpas_id = ${cpasId}
      ${filter.beneficiaryIds ? sql`and b.id = any(${[...filter.beneficiaryIds]}::uuid[])` : sql``}
    order by b.id`.compile(tx);
}

/** A row of indicatorFactsQuery as the facts of the indicator rules. */
export function toIndicatorPerson(row: IndicatorFactsRow): IndicatorPerson {
  return {
    id: row.id,
    birthDate: row.birth_date,
    rights: row.rights.map(toRightDecisionFact),
    exemptions: row.exemptions.map((e) => ({ decidedOn: e.decided_on })),
    assessments: row.assessments.map((a) => ({
      id: a.id,
      kind: a.kind,
      performedOn: a.performed_on,
      participationRung: a.participation_rung,
      domainScores: a.domain_scores ?? [],
    })),
    piis: row.piis.map((p) => ({
      id: p.id,
      track: p.track,
      signedOn: p.signed_on,
      handedOverOn: p.handed_over_on,
      firstSignatureOn: p.first_signature_on,
      waiverRecorded: p.waiver_recorded,
      endedOn: p.ended_on,
      endsOn: p.ends_on,
      closeOutcome: p.close_outcome,
      activationCategory: p.activation_category,
      baselineAssessmentId: p.baseline_assessment_id,
      evaluations: (p.evaluations ?? []).map((e) => ({ heldOn: e.held_on, mode: e.mode })),
      interviews: (p.interviews ?? []).map((i) => ({ requestedOn: i.requested_on, heldOn: i.held_on })),
    })),
  };
}
