// Assessments: recorded as facts of a person (performedOn may not be after today), read with
// their access logged.
import type { Outcome, RequestContext } from '../../core/context.js';
import { created, ok } from '../../core/context.js';
import { readPersonal, readUnit, recordAccess, writeUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { assertFactDate } from '../../core/guards.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import { appendChange } from '../../core/audit-append.js';
import { findIdBy } from '../beneficiaries/index.js';
import * as repo from './assessments.repository.js';
import type { Assessment, AssessmentCreateBody, AssessmentListQuery } from './assessments.schemas.js';
import { msg } from '../../i18n/catalogue.js';

export async function createAssessment(
  ctx: RequestContext,
  beneficiaryId: string,
  body: AssessmentCreateBody,
): Promise<Outcome<Assessment>> {
  assertFactDate(body.performedOn, ctx.today, '/body/performedOn');
  const scores = body.domainScores ?? [];
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (seen.has(s.domain)) {
      throw new AppError('validation-failed', msg('check.domain-twice', { domain: s.domain }), {
        errors: [{ path: `/body/domainScores/${i}/domain`, message: msg('check.scored-twice') }],
      });
    }
    seen.add(s.domain);
  });
  return writeUnit(ctx, async (tx) => {
    if (!(await findIdBy(tx, ctx.cpasId, { id: beneficiaryId })))
      throw new AppError('not-found', msg('not-found.beneficiary'));
    const id = uuidv7();
    const row = await repo.insertAssessment(tx, {
      cpas_id: ctx.cpasId,
      id,
      beneficiary_id: beneficiaryId,
      performed_on: body.performedOn,
      kind: body.kind,
      instrument: body.instrument ?? 'default',
      domain_scores: JSON.stringify(scores),
      participation_rung: body.participationRung ?? null,
      aspirations: body.aspirations ?? null,
      aptitudes: body.aptitudes ?? null,
      qualifications: body.qualifications ?? null,
      needs: body.needs ?? null,
      barriers: JSON.stringify(body.barriers ?? []),
      external_ref: body.externalRef ?? null,
      recorded_by: ctx.actor,
    });
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'assessment',
      entityId: id,
      event: { type: 'assessment.recorded', data: { id, beneficiaryId, kind: body.kind } },
    });
    return created(repo.toAssessment(row), `/v1/assessments/${id}`, '"1"');
  }).catch((error) => {
    if (uniqueViolation(error) !== null)
      throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'assessment' }));
    throw error;
  });
}

export async function getAssessment(ctx: RequestContext, id: string): Promise<Outcome<Assessment>> {
  const [row] = await readPersonal(ctx, 'assessment', repo.assessmentByIdQuery(ctx.database.db, ctx.cpasId, id));
  if (!row) throw new AppError('not-found', msg('not-found.assessment'));
  return ok(repo.toAssessment(row), '"1"');
}

export async function listAssessments(ctx: RequestContext, beneficiaryId: string, query: AssessmentListQuery) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  const rows = await readUnit(ctx, async (tx) => {
    if (!(await findIdBy(tx, ctx.cpasId, { id: beneficiaryId })))
      throw new AppError('not-found', msg('not-found.beneficiary'));
    const query_ = repo.listAssessmentsQuery(tx, ctx.cpasId, {
      beneficiaryId,
      kind: query.kind,
      externalRef: query.externalRef,
      afterId,
      limit: limit + 1,
    });
    return (await tx.executeQuery(query_)).rows;
  });
  const page = pageOf(rows, limit);
  await recordAccess(ctx, 'assessment', page.items);
  return { items: page.items.map(repo.toAssessment), nextCursor: page.nextCursor };
}
