// Following the contract: evaluations (R-EVAL-*), interviews, requests for a second subsidy year
// (R-SUB-SECOND) and its close (R-CLOSE).
import type { Outcome, RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { assertFactDate } from '../../core/guards.js';
import { refuse } from '../../rules/explained.js';
import * as repo from './piis.repository.js';
import { conclusion, versionOn } from './piis.file.js';
import { toPiis, views } from './piis.view.js';
import { changePiis, refusalError, remember } from './piis.unit.js';
import type {
  CloseBody,
  EvaluationBody,
  InterviewHeldBody,
  InterviewRequestBody,
  Piis,
  SubsidyExtensionBody,
} from './piis.schemas.js';
import { date, msg } from '../../i18n/catalogue.js';
import {
  checkCorrection,
  correctionColumns,
  created,
  factOf,
  insertRecord,
  invalidPeriod,
  recordResult,
} from './piis.records.js';

export function evaluate(ctx: RequestContext, piisId: string, ifMatch: number | undefined, body: EvaluationBody) {
  assertFactDate(body.heldOn, ctx.today, '/body/heldOn');
  return changePiis(ctx, piisId, 'evaluate', { ifMatch, correction: !!body.supersedes }, async (unit) => {
    const { file } = unit;
    checkCorrection(file.evaluations, body);
    const signedOn = conclusion(file);
    if (signedOn && body.heldOn < signedOn)
      throw invalidPeriod(
        'R-EVAL-CONTENT',
        msg('order.evaluation-before-conclusion', { signedOn: date(signedOn) }),
        '/body/heldOn',
      );
    const version = versionOn(file, body.heldOn);
    const keys = new Set((version.content.objectives ?? []).map((o) => o.key));
    body.objectives.forEach((o, i) => {
      if (!keys.has(o.key))
        throw refusalError(
          refuse(
            'invalid-reference',
            'R-EVAL-CONTENT',
            msg('piis.no-objective', { version: version.version, heldOn: date(body.heldOn), key: o.key }),
            `/body/objectives/${i}/key`,
          ),
        );
    });
    if (body.assessmentId && !file.assessments.some((a) => a.id === body.assessmentId)) {
      throw refusalError(
        refuse('invalid-reference', 'R-EVAL-CONTENT', msg('piis.assessment-unknown'), '/body/assessmentId'),
      );
    }
    const row = await insertRecord(unit, 'piis_evaluation', 'evaluations', {
      version: version.version,
      held_on: body.heldOn,
      mode: body.mode,
      objectives: JSON.stringify(body.objectives),
      commitments_kept: JSON.stringify(body.commitmentsKept),
      assessment_id: body.assessmentId ?? null,
      adjustments: body.adjustments ?? null,
      prolongation_motivation: body.prolongationMotivation ?? null,
      ...correctionColumns(ctx, body),
    });
    return recordResult(
      'piis_evaluation',
      row.id,
      {
        type: 'piis.evaluated',
        data: { piisId, evaluationId: row.id, heldOn: body.heldOn, mode: body.mode, version: version.version },
      },
      (f) => created(views.evaluation(factOf(f.evaluations, row.id)), `/v1/piis/${piisId}/evaluations/${row.id}`),
    );
  });
}

export function requestInterview(
  ctx: RequestContext,
  piisId: string,
  ifMatch: number | undefined,
  body: InterviewRequestBody,
) {
  assertFactDate(body.requestedOn, ctx.today, '/body/requestedOn');
  return changePiis(ctx, piisId, 'requestInterview', { ifMatch, correction: !!body.supersedes }, async (unit) => {
    checkCorrection(unit.file.interviews, body);
    const row = await insertRecord(unit, 'piis_interview_request', 'interview_requests', {
      requested_on: body.requestedOn,
      ...correctionColumns(ctx, body),
    });
    return recordResult(
      'piis_interview_request',
      row.id,
      { type: 'piis.interview_requested', data: { piisId, interviewId: row.id, requestedOn: body.requestedOn } },
      (f) =>
        created(
          views.interview(factOf(f.interviews, row.id), ctx.lang),
          `/v1/piis/${piisId}/interview-requests/${row.id}`,
        ),
    );
  });
}

export function recordInterviewHeld(
  ctx: RequestContext,
  piisId: string,
  interviewId: string,
  ifMatch: number | undefined,
  body: InterviewHeldBody,
) {
  assertFactDate(body.heldOn, ctx.today, '/body/heldOn');
  return changePiis(ctx, piisId, 'recordInterviewHeld', { ifMatch }, async (unit) => {
    const interview = unit.file.interviews.find((i) => i.id === interviewId);
    if (!interview) throw new AppError('not-found', msg('not-found.interview'));
    if (!interview.inForce || interview.row.held_on)
      throw new AppError('invalid-state', msg('piis.interview-not-pending'), { rule: 'R-EVAL-INTERVIEW' });
    if (body.heldOn < interview.row.requested_on)
      throw invalidPeriod(
        'R-EVAL-INTERVIEW',
        msg('order.interview-before-request', {
          heldOn: date(body.heldOn),
          requestedOn: date(interview.row.requested_on),
        }),
        '/body/heldOn',
      );
    const written = await repo.setOutcome(unit.tx, 'piis_interview_request', ctx.cpasId, interviewId, {
      held_on: body.heldOn,
    });
    if (!written) throw new AppError('invalid-state', msg('piis.interview-not-pending'), { rule: 'R-EVAL-INTERVIEW' });
    remember(unit.raw, 'interview_requests', written);
    return recordResult(
      'piis_interview_request',
      interviewId,
      { type: 'piis.interview_held', data: { piisId, interviewId, heldOn: body.heldOn } },
      (f) => ({
        status: 200,
        body: views.interview(factOf(f.interviews, interviewId), ctx.lang),
      }),
      'update',
    );
  });
}

export function requestSubsidyExtension(
  ctx: RequestContext,
  piisId: string,
  ifMatch: number | undefined,
  body: SubsidyExtensionBody,
) {
  assertFactDate(body.requestedOn, ctx.today, '/body/requestedOn');
  return changePiis(ctx, piisId, 'requestSubsidyExtension', { ifMatch }, async (unit) => {
    if (body.evaluationId && !unit.file.evaluations.some((e) => e.id === body.evaluationId && e.inForce)) {
      throw refusalError(
        refuse('invalid-reference', 'R-SUB-SECOND', msg('piis.evaluation-unknown'), '/body/evaluationId'),
      );
    }
    const row = await insertRecord(unit, 'piis_subsidy_extension_request', 'subsidy_extension_requests', {
      requested_on: body.requestedOn,
      motivation: body.motivation,
      evaluation_id: body.evaluationId ?? null,
      ...correctionColumns(ctx, { externalRef: body.externalRef }),
    });
    return recordResult(
      'piis_subsidy_extension_request',
      row.id,
      { type: 'piis.subsidy_extension_requested', data: { piisId, requestId: row.id, requestedOn: body.requestedOn } },
      (f) =>
        created(
          views.extension(factOf(f.extensions, row.id), f, ctx.lang),
          `/v1/piis/${piisId}/subsidy-extension-requests/${row.id}`,
        ),
    );
  });
}

export function close(
  ctx: RequestContext,
  piisId: string,
  ifMatch: number | undefined,
  body: CloseBody,
): Promise<Outcome<Piis>> {
  assertFactDate(body.endedOn, ctx.today, '/body/endedOn');
  return changePiis(ctx, piisId, 'close', { ifMatch }, async ({ raw }) => {
    if (body.endedOn < raw.drafted_on)
      throw invalidPeriod(
        'R-CLOSE',
        msg('order.end-before-draft', { endedOn: date(body.endedOn), draftedOn: date(raw.drafted_on) }),
        '/body/endedOn',
      );
    const changes = { ended_on: body.endedOn, close_outcome: body.outcome, close_note: body.note ?? null };
    return {
      changes,
      audit: { action: 'transition', entity: 'piis', entityId: piisId },
      events: [{ type: 'piis.closed', data: { piisId, endedOn: body.endedOn, outcome: body.outcome } }],
      respond: (after) => ({ status: 200, body: toPiis(after, ctx.today, ctx.lang) }),
    };
  });
}
