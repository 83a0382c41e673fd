// The facts the deadlines of one CPAS follow from, each kind read by one statement: right
// decisions and exemptions in force, PIIS with their evaluations and extension requests, hearing
// and interview requests, sanctions. Records in force only (R-CORRECT).
import { sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';

const inForce = (table: string, alias: string) =>
  sql.raw(`${alias}.voided_at is null and not exists (select 1 from ${table} s where s.cpas_id = ${alias}.cpas_id and s.supersedes_id = ${alias}.id and s.voided_at is null)`);

export interface RightRow {
  id: string;
  beneficiary_id: string;
  kind: 'ri' | 'equivalent_aid' | 'end';
  category: 'cohabitant' | 'isolated' | 'family' | null;
  decided_on: string;
  notified_on: string | null;
  starts_on: string;
  monthly_amount_cents: number | null;
}

export async function rightsInForce(tx: Tx, cpasId: string): Promise<RightRow[]> {
  const { rows } = await sql<RightRow>`
    select r.id, r.beneficiary_id, r.kind, r.category, r.decided_on, r.notified_on, r.starts_on, r.monthly_amount_cents
    from right_decision r where r.cpas_id = ${cpasId} and ${inForce('right_decision', 'r')}`.execute(tx);
  return rows;
}

export async function exemptionsInForce(tx: Tx, cpasId: string): Promise<Array<{ beneficiary_id: string; decided_on: string }>> {
  const { rows } = await sql<{ beneficiary_id: string; decided_on: string }>`
    select e.beneficiary_id, e.decided_on from exemption e where e.cpas_id = ${cpasId} and ${inForce('exemption', 'e')}`.execute(tx);
  return rows;
}

export interface PiisDeadlineRow {
  id: string;
  beneficiary_id: string;
  stage: 'draft' | 'in_reflection' | 'signed' | 'closed';
  track: 'general' | 'student';
  obligation: 'compulsory' | 'optional' | 'coaching';
  handed_over_on: string | null;
  signed_on: string | null;
  ends_on: string | null;
  ended_on: string | null;
  noted_by_council_on: string | null;
  evaluations: Array<{ held_on: string; mode: 'in_person' | 'remote' | 'written' }> | null;
  first_extension_on: string | null;
}

export async function piisForDeadlines(tx: Tx, cpasId: string): Promise<PiisDeadlineRow[]> {
  const { rows } = await sql<PiisDeadlineRow>`
    select p.id, p.beneficiary_id, p.stage, p.track, p.obligation, p.handed_over_on, p.signed_on, p.ends_on, p.ended_on,
      (select g.noted_by_council_on from piis_signature g where g.cpas_id = p.cpas_id and g.piis_id = p.id and g.version = 1
         and g.party = 'cpas' and ${inForce('piis_signature', 'g')} limit 1) as noted_by_council_on,
      case when p.stage = 'signed' then
        (select json_agg(json_build_object('held_on', e.held_on, 'mode', e.mode)) from piis_evaluation e
          where e.cpas_id = p.cpas_id and e.piis_id = p.id and ${inForce('piis_evaluation', 'e')}) end as evaluations,
      (select min(x.requested_on) from piis_subsidy_extension_request x
        where x.cpas_id = p.cpas_id and x.piis_id = p.id and ${inForce('piis_subsidy_extension_request', 'x')}) as first_extension_on
    from piis p where p.cpas_id = ${cpasId}`.execute(tx);
  return rows;
}

export interface RequestRow {
  id: string;
  piis_id: string;
  beneficiary_id: string;
  requested_on: string;
  held_on: string | null;
  withdrawn_on: string | null;
}

export async function requestsOf(tx: Tx, cpasId: string, table: 'piis_hearing_request' | 'piis_interview_request'): Promise<RequestRow[]> {
  const withdrawn = table === 'piis_hearing_request' ? sql.raw('f.withdrawn_on') : sql.raw('null::date');
  const { rows } = await sql<RequestRow>`
    select f.id, f.piis_id, p.beneficiary_id, f.requested_on, f.held_on, ${withdrawn} as withdrawn_on
    from ${sql.table(table)} f join piis p on p.cpas_id = f.cpas_id and p.id = f.piis_id
    where f.cpas_id = ${cpasId} and ${inForce(table, 'f')}`.execute(tx);
  return rows;
}

export async function sanctionsInForce(tx: Tx, cpasId: string): Promise<Array<{ id: string; piis_id: string; beneficiary_id: string; notified_on: string }>> {
  const { rows } = await sql<{ id: string; piis_id: string; beneficiary_id: string; notified_on: string }>`
    select f.id, f.piis_id, p.beneficiary_id, f.notified_on
    from piis_sanction f join piis p on p.cpas_id = f.cpas_id and p.id = f.piis_id
    where f.cpas_id = ${cpasId} and ${inForce('piis_sanction', 'f')}`.execute(tx);
  return rows;
}
