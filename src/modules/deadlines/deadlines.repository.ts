// The deadline engine's data: the facts the deadlines of some beneficiaries follow from, read in
// one statement (records in force only, R-CORRECT); the stored deadlines, replaced in one
// statement; and the page a list asks for, filtered and ordered by the database.
import { type CompiledQuery, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import { uuidv7 } from '../../db/ids.js';
import type { DeadlineTable, RightDecisionTable } from '../../db/types.js';

export type RightRow = Pick<
  RightDecisionTable,
  'id' | 'beneficiary_id' | 'kind' | 'category' | 'decided_on' | 'notified_on' | 'starts_on' | 'monthly_amount_cents'
>;

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

/**
 * Every fact the deadlines of these beneficiaries follow from: one call of piis_deadline_facts() (its plan kept per
 * connection).
 */
export async function deadlineFacts(tx: Tx, cpasId: string, beneficiaryIds: readonly string[]): Promise<DeadlineFacts> {
  const { rows } = await sql<{ facts: DeadlineFacts }>`
    select piis_deadline_facts(
      ${cpasId}::uuid,
      array[${sql.join(beneficiaryIds.map((id) => sql`${id}::uuid`))}]::uuid[]
    ) as facts`.execute(tx);
  return rows[0]!.facts;
}

export type DeadlineRow = Omit<DeadlineTable, 'cpas_id' | 'id'>;

/**
 * Replaces stored deadlines in one statement: every deadline of some beneficiaries, or those of
 * one PIIS but the person's conclusion deadline (which the engine computes over all their PIIS).
 */
export function replaceDeadlinesQuery(
  tx: Tx,
  cpasId: string,
  of: { beneficiaryIds: readonly string[] } | { piis: { beneficiaryId: string; piisId: string } },
  rows: readonly DeadlineRow[],
): CompiledQuery {
  const scope =
    'piis' in of
      ? sql`beneficiary_id = ${of.piis.beneficiaryId} and piis_id = ${of.piis.piisId} and kind <> 'piis-conclusion'`
      : sql`beneficiary_id in (${sql.join(of.beneficiaryIds.map((id) => sql`${id}`))})`;
  if (rows.length === 0) return sql`delete from deadline where cpas_id = ${cpasId} and ${scope}`.compile(tx);
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${cpasId}, ${uuidv7()}, ${r.beneficiary_id}, ${r.piis_id}, ${r.record_id}, ${r.kind}, ${r.due_on}::date,
          ${r.met}, ${r.rule}, ${r.explanation})`,
    ),
  );
  return sql`
    with gone as (delete from deadline where cpas_id = ${cpasId} and ${scope})
    insert into deadline (cpas_id, id, beneficiary_id, piis_id, record_id, kind, due_on, met, rule, explanation)
      values ${values}`.compile(tx);
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
  filter: {
    today: string;
    from?: string;
    to?: string;
    kind?: string;
    status?: Status;
    after: { dueOn: string; kind: string; id: string } | null;
    limit: number;
  },
): CompiledQuery<DeadlineTable & { status: Status }> {
  const status = statusSql(filter.today);
  return sql<DeadlineTable & { status: Status }>`
    select * from (
      select d.*, ${status} as status from deadline d
      where d.cpas_id = ${cpasId}
        ${filter.from ? sql`and d.due_on >= ${filter.from}::date` : sql``}
        ${filter.to ? sql`and d.due_on <= ${filter.to}::date` : sql``}
        ${filter.kind ? sql`and d.kind = ${filter.kind}` : sql``}
        ${
          filter.after
            ? sql`and (d.due_on, d.kind, d.id) > (${filter.after.dueOn}::date, ${filter.after.kind},
          ${filter.after.id}::uuid)`
            : sql``
        }
    ) d
    ${filter.status ? sql`where d.status = ${filter.status}` : sql``}
    order by d.due_on, d.kind, d.id
    limit ${filter.limit}`.compile(tx);
}
