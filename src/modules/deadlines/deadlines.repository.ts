// The deadline engine's data: the facts the deadlines of some beneficiaries follow from, read in
// one statement (records in force only, R-CORRECT); the stored deadlines, replaced in one
// statement; and the page a list asks for, filtered and ordered by the database.
import { type CompiledQuery, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { uuidv7 } from '../../db/ids.js';
import type { DeadlineTable } from '../../db/types.js';

const inForce = (table: string, alias: string) =>
  `${alias}.voided_at is null and not exists (select 1 from ${table} s where s.cpas_id = ${alias}.cpas_id and s.supersedes_id = ${alias}.id and s.voided_at is null)`;

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

export interface PiisDeadlineRow {
  id: string;
  beneficiary_id: string;
  stage: 'draft' | 'in_reflection' | 'signed' | 'closed';
  track: 'general' | 'student';
  obligation: 'compulsory' | 'optional' | 'coaching';
  handed_over_on: string | null;
  signed_on: string | null;
  ends_on: string | null;
  noted_by_council_on: string | null;
  evaluations: Array<{ held_on: string; mode: 'in_person' | 'remote' | 'written' }> | null;
  first_extension_on: string | null;
}

export interface RequestRow {
  id: string;
  piis_id: string;
  beneficiary_id: string;
  requested_on: string;
  held_on: string | null;
  withdrawn_on: string | null;
}

export interface DeadlineFacts {
  piis: PiisDeadlineRow[];
  rights: RightRow[];
  exemptions: Array<{ beneficiary_id: string; decided_on: string }>;
  hearings: RequestRow[];
  interviews: RequestRow[];
  sanctions: Array<{ id: string; piis_id: string; beneficiary_id: string; notified_on: string }>;
}

/** Every fact the deadlines of these beneficiaries follow from: one statement, one round trip. */
export async function deadlineFacts(tx: Tx, cpasId: string, beneficiaryIds: readonly string[]): Promise<DeadlineFacts> {
  // the CPAS id is written into the inner statements: accept nothing but a canonical UUID
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(cpasId)) throw new Error('deadlineFacts: CPAS id is not a UUID');
  const ids = sql.join(beneficiaryIds.map((id) => sql`${id}`));
  const agg = (select: string) => sql.raw(`coalesce((${select}), '[]'::json)`);
  const { rows } = await sql<DeadlineFacts>`
    with who as (select b.id from beneficiary b where b.cpas_id = ${cpasId} and b.id in (${ids}))
    select
      ${agg(`select json_agg(x) from (
        select p.id, p.beneficiary_id, p.stage, p.track, p.obligation, p.handed_over_on, p.signed_on, p.ends_on,
          (select g.noted_by_council_on from piis_signature g where g.cpas_id = p.cpas_id and g.piis_id = p.id and g.version = 1
             and g.party = 'cpas' and ${inForce('piis_signature', 'g')} limit 1) as noted_by_council_on,
          (select json_agg(json_build_object('held_on', e.held_on, 'mode', e.mode)) from piis_evaluation e
             where e.cpas_id = p.cpas_id and e.piis_id = p.id and ${inForce('piis_evaluation', 'e')}) as evaluations,
          (select min(x.requested_on) from piis_subsidy_extension_request x
             where x.cpas_id = p.cpas_id and x.piis_id = p.id and ${inForce('piis_subsidy_extension_request', 'x')}) as first_extension_on
        from piis p where p.cpas_id = '${cpasId}' and p.beneficiary_id in (select id from who)) x`)} as piis,
      ${agg(`select json_agg(json_build_object('id', r.id, 'beneficiary_id', r.beneficiary_id, 'kind', r.kind, 'category', r.category, 'decided_on', r.decided_on,
          'notified_on', r.notified_on, 'starts_on', r.starts_on, 'monthly_amount_cents', r.monthly_amount_cents))
        from right_decision r where r.cpas_id = '${cpasId}' and r.beneficiary_id in (select id from who) and ${inForce('right_decision', 'r')}`)} as rights,
      ${agg(`select json_agg(json_build_object('beneficiary_id', e.beneficiary_id, 'decided_on', e.decided_on))
        from exemption e where e.cpas_id = '${cpasId}' and e.beneficiary_id in (select id from who) and ${inForce('exemption', 'e')}`)} as exemptions,
      ${agg(`select json_agg(json_build_object('id', f.id, 'piis_id', f.piis_id, 'beneficiary_id', p.beneficiary_id, 'requested_on', f.requested_on,
          'held_on', f.held_on, 'withdrawn_on', f.withdrawn_on))
        from piis_hearing_request f join piis p on p.cpas_id = f.cpas_id and p.id = f.piis_id
        where f.cpas_id = '${cpasId}' and p.beneficiary_id in (select id from who) and ${inForce('piis_hearing_request', 'f')}`)} as hearings,
      ${agg(`select json_agg(json_build_object('id', f.id, 'piis_id', f.piis_id, 'beneficiary_id', p.beneficiary_id, 'requested_on', f.requested_on,
          'held_on', f.held_on, 'withdrawn_on', null))
        from piis_interview_request f join piis p on p.cpas_id = f.cpas_id and p.id = f.piis_id
        where f.cpas_id = '${cpasId}' and p.beneficiary_id in (select id from who) and ${inForce('piis_interview_request', 'f')}`)} as interviews,
      ${agg(`select json_agg(json_build_object('id', f.id, 'piis_id', f.piis_id, 'beneficiary_id', p.beneficiary_id, 'notified_on', f.notified_on))
        from piis_sanction f join piis p on p.cpas_id = f.cpas_id and p.id = f.piis_id
        where f.cpas_id = '${cpasId}' and p.beneficiary_id in (select id from who) and ${inForce('piis_sanction', 'f')}`)} as sanctions`.execute(tx);
  return rows[0]!;
}

export type DeadlineRow = Omit<DeadlineTable, 'cpas_id' | 'id'>;

/** Replaces the stored deadlines of these beneficiaries: one statement. */
export async function replaceDeadlines(tx: Tx, cpasId: string, beneficiaryIds: readonly string[], rows: readonly DeadlineRow[]): Promise<void> {
  const ids = sql.join(beneficiaryIds.map((id) => sql`${id}`));
  if (rows.length === 0) {
    await sql`delete from deadline where cpas_id = ${cpasId} and beneficiary_id in (${ids})`.execute(tx);
    return;
  }
  const values = sql.join(
    rows.map((r) => sql`(${cpasId}, ${uuidv7()}, ${r.beneficiary_id}, ${r.piis_id}, ${r.record_id}, ${r.kind}, ${r.due_on}::date, ${r.met}, ${r.rule}, ${r.explanation})`),
  );
  await sql`
    with gone as (delete from deadline where cpas_id = ${cpasId} and beneficiary_id in (${ids}))
    insert into deadline (cpas_id, id, beneficiary_id, piis_id, record_id, kind, due_on, met, rule, explanation) values ${values}`.execute(tx);
}

export type Status = 'upcoming' | 'due' | 'overdue' | 'met';

/**
 * The status on `today` of a stored deadline: met when its fact is recorded (or, for an appeal,
 * once its period has ended); a pending hearing is due until held or withdrawn; otherwise by date.
 */
const statusSql = (today: string) => sql<Status>`case
  when d.met or (d.kind = 'sanction-appeal' and d.due_on < ${today}::date) then 'met'
  when d.kind = 'hearing-pending' then 'due'
  when d.due_on > ${today}::date then 'upcoming'
  when d.due_on = ${today}::date then 'due'
  else 'overdue' end`;

export function listDeadlinesQuery(
  tx: Tx,
  cpasId: string,
  filter: { today: string; from?: string; to?: string; kind?: string; status?: Status; after: { dueOn: string; kind: string; id: string } | null; limit: number },
): CompiledQuery<DeadlineTable & { status: Status }> {
  const status = statusSql(filter.today);
  return sql<DeadlineTable & { status: Status }>`
    select * from (
      select d.*, ${status} as status from deadline d
      where d.cpas_id = ${cpasId}
        ${filter.from ? sql`and d.due_on >= ${filter.from}::date` : sql``}
        ${filter.to ? sql`and d.due_on <= ${filter.to}::date` : sql``}
        ${filter.kind ? sql`and d.kind = ${filter.kind}` : sql``}
        ${filter.after ? sql`and (d.due_on, d.kind, d.id) > (${filter.after.dueOn}::date, ${filter.after.kind}, ${filter.after.id}::uuid)` : sql``}
    ) d
    ${filter.status ? sql`where d.status = ${filter.status}` : sql``}
    order by d.due_on, d.kind, d.id
    limit ${filter.limit}`.compile(tx);
}
