// Plain functions over the assessment table. Queries name their CPAS besides row-level security.
import type { CompiledQuery, Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { AssessmentTable } from '../../db/types.js';
import type { Assessment } from './assessments.schemas.js';

export type AssessmentRow = Selectable<AssessmentTable>;

export function toAssessment(r: AssessmentRow): Assessment {
  return {
    id: r.id,
    beneficiaryId: r.beneficiary_id,
    performedOn: r.performed_on,
    kind: r.kind,
    instrument: r.instrument,
    domainScores: r.domain_scores as Assessment['domainScores'],
    participationRung: r.participation_rung,
    aspirations: r.aspirations,
    aptitudes: r.aptitudes,
    qualifications: r.qualifications,
    needs: r.needs,
    barriers: r.barriers,
    externalRef: r.external_ref,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

export async function insertAssessment(tx: Tx, row: Insertable<AssessmentTable>): Promise<AssessmentRow> {
  return tx.insertInto('assessment').values(row).returningAll().executeTakeFirstOrThrow();
}

export function assessmentByIdQuery(tx: Tx, cpasId: string, id: string): CompiledQuery<AssessmentRow> {
  return tx
    .selectFrom('assessment')
    .selectAll()
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .compile();
}

export function listAssessmentsQuery(
  tx: Tx,
  cpasId: string,
  filter: { beneficiaryId: string; kind?: string; externalRef?: string; afterId: string | null; limit: number },
): CompiledQuery<AssessmentRow> {
  let q = tx
    .selectFrom('assessment')
    .selectAll()
    .where('cpas_id', '=', cpasId)
    .where('beneficiary_id', '=', filter.beneficiaryId)
    .where('voided_at', 'is', null);
  if (filter.kind) q = q.where('kind', '=', filter.kind as AssessmentRow['kind']);
  if (filter.externalRef) q = q.where('external_ref', '=', filter.externalRef);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  return q.orderBy('id').limit(filter.limit).compile();
}

/** The assessments of a person in force (for R-ASSESS-FIRST and R-PROGRESS). */
export async function assessmentsOf(tx: Tx, cpasId: string, beneficiaryId: string): Promise<AssessmentRow[]> {
  return tx
    .selectFrom('assessment')
    .selectAll()
    .where('cpas_id', '=', cpasId)
    .where('beneficiary_id', '=', beneficiaryId)
    .where('voided_at', 'is', null)
    .orderBy('performed_on')
    .execute();
}
