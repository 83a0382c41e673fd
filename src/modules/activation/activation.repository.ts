// Plain functions over the social-activation tables. Queries name their CPAS besides row-level
// security.
import { type CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import { inForce } from '../../db/in-force.js';
import type { Tx } from '../../db/tenant.js';
import type { ActivationModuleTable, ActivationParticipantTable } from '../../db/types.js';
import type { Module, Participant, Session } from './activation.schemas.js';
import { moduleActivation } from '../../rules/activation-kinds.js';

export type ModuleRow = Selectable<ActivationModuleTable>;

export const toModule = (r: ModuleRow): Module => ({
  id: r.id,
  theme: r.theme,
  activation: moduleActivation(r.theme, r.activation),
  title: r.title,
  partners: r.partners,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  hours: Number(r.hours),
  notes: r.notes,
  externalRef: r.external_ref,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export const toParticipant = (r: Selectable<ActivationParticipantTable>): Participant => ({
  id: r.id,
  moduleId: r.module_id,
  beneficiaryId: r.beneficiary_id,
  piisId: r.piis_id,
  enrolledAt: r.enrolled_at,
});

export async function insertModule(tx: Tx, row: Insertable<ActivationModuleTable>): Promise<ModuleRow> {
  return tx.insertInto('activation_module').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findModule(tx: Tx, cpasId: string, id: string): Promise<ModuleRow | undefined> {
  return tx
    .selectFrom('activation_module')
    .selectAll()
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findParticipant(tx: Tx, cpasId: string, moduleId: string, id: string) {
  return tx
    .selectFrom('activation_participant')
    .selectAll()
    .where('cpas_id', '=', cpasId)
    .where('module_id', '=', moduleId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A session with its attendees (ids in order), or undefined. */
export async function findSession(tx: Tx, cpasId: string, moduleId: string, id: string): Promise<Session | undefined> {
  const row = await tx
    .selectFrom('activation_session')
    .select(['id', 'module_id', 'held_on', 'hours'])
    .where('cpas_id', '=', cpasId)
    .where('module_id', '=', moduleId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const attendees = await tx
    .selectFrom('activation_attendance')
    .select('beneficiary_id')
    .where('cpas_id', '=', cpasId)
    .where('session_id', '=', id)
    .orderBy('beneficiary_id')
    .execute();
  return {
    id: row.id,
    moduleId: row.module_id,
    heldOn: row.held_on,
    hours: Number(row.hours),
    attendeeIds: attendees.map((a) => a.beneficiary_id),
  };
}

export function listModulesQuery(
  tx: Tx,
  cpasId: string,
  filter: { year?: number; externalRef?: string; afterId: string | null; limit: number },
): CompiledQuery<ModuleRow> {
  let q = tx.selectFrom('activation_module').selectAll().where('cpas_id', '=', cpasId);
  if (filter.year !== undefined) {
    const { year } = filter;
    q = q
      .where('starts_on', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', `${year}-01-01`)]));
  }
  if (filter.externalRef !== undefined) q = q.where('external_ref', '=', filter.externalRef);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  return q.orderBy('id').limit(filter.limit).compile();
}

export async function insertParticipant(tx: Tx, row: Insertable<ActivationParticipantTable>) {
  return tx.insertInto('activation_participant').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function enrolledAmong(
  tx: Tx,
  cpasId: string,
  moduleId: string,
  beneficiaryIds: readonly string[],
): Promise<Set<string>> {
  if (beneficiaryIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('activation_participant')
    .select('beneficiary_id')
    .where('cpas_id', '=', cpasId)
    .where('module_id', '=', moduleId)
    .where('beneficiary_id', 'in', beneficiaryIds)
    .execute();
  return new Set(rows.map((r) => r.beneficiary_id));
}

export async function insertSession(
  tx: Tx,
  row: { cpas_id: string; id: string; module_id: string; held_on: string; hours: number; recorded_by: string },
  attendeeIds: readonly string[],
): Promise<void> {
  await tx.insertInto('activation_session').values(row).execute();
  if (attendeeIds.length) {
    await tx
      .insertInto('activation_attendance')
      .values(attendeeIds.map((b) => ({ cpas_id: row.cpas_id, session_id: row.id, beneficiary_id: b })))
      .execute();
  }
}

export interface ModuleYearRow extends ModuleRow {
  sessions: number;
  session_hours: number;
  attendees: string[] | null;
}

/** The modules with a session in the year, their sessions, hours and attendees of the year. */
export function modulesOfYearQuery(tx: Tx, cpasId: string, year: number): CompiledQuery<ModuleYearRow> {
  return sql<ModuleYearRow>`
    select m.*, count(s.id)::int as sessions, coalesce(sum(s.hours), 0) as session_hours,
      (select array_agg(distinct a.beneficiary_id) from activation_attendance a join activation_session s2
          on s2.cpas_id = a.cpas_id and s2.id = a.session_id
        where s2.cpas_id = m.cpas_id and s2.module_id = m.id and s2.held_on between ${`${year}-01-01`}::date and
          ${`${year}-12-31`}::date) as attendees
    from activation_module m
    join activation_session s on s.cpas_id = m.cpas_id and s.module_id = m.id
      and s.held_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
    where m.cpas_id = ${cpasId}
    group by m.cpas_id, m.id
    order by m.theme, m.title, m.id`.compile(tx);
}

/** Right decisions in force of these persons (to tell RI beneficiaries apart). */
export function rightsOfQuery(tx: Tx, cpasId: string, beneficiaryIds: readonly string[]) {
  return sql<{
    beneficiary_id: string;
    id: string;
    kind: 'ri' | 'equivalent_aid' | 'end';
    category: 'cohabitant' | 'isolated' | 'family' | null;
    decided_on: string;
    notified_on: string | null;
    starts_on: string;
    monthly_amount_cents: number | null;
  }>`
    select r.beneficiary_id, r.id, r.kind, r.category, r.decided_on, r.notified_on, r.starts_on, r.monthly_amount_cents
    from right_decision r
    where r.cpas_id = ${cpasId} and r.beneficiary_id in (${sql.join(beneficiaryIds.map((id) => sql`${id}::uuid`))})
      and ${inForce('right_decision', 'r')}
    order by r.beneficiary_id, r.id`.compile(tx);
}
