// The actions of the PIIS lifecycle, each through changePiis (lock, If-Match, transition table,
// derived state, audit and events in one transaction). Every refusal is a rule's: a 422 with its
// code and R-id; nothing is written on a refusal because the transaction rolls back.
import type { Outcome, RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { assertCalendarDate, assertFactDate } from '../../core/guards.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import { refuse } from '../../rules/explained.js';
import { checkAssessmentFirst, checkContentComplete, type PiisContent } from '../../rules/content.js';
import { checkReflection } from '../../rules/reflection.js';
import { amendmentKind, checkInformed } from '../../rules/parties.js';
import { checkObligation, checkSignatureAfterGrant } from '../../rules/obligation.js';
import {
  checkSanctionLength,
  checkSanctionNotice,
  checkSanctionScope,
  checkSanctionStart,
  sanctionMaxMonths,
} from '../../rules/sanction.js';
import * as repo from './piis.repository.js';
import type { JsonRow, PiisFactTable } from './piis.repository.js';
import {
  conclusion,
  current,
  hearingsPendingOn,
  signaturesOf,
  versionOn,
  type Fact,
  type PiisFile,
} from './piis.file.js';
import { sanctionView, toPiis, views } from './piis.view.js';
import { assertNoRefusal, changePiis, refusalError, remember, type Unit, type UnitResult } from './piis.unit.js';
import { checkDraftContent } from './piis.service.js';
import { contentKeys } from './piis.schemas.js';
import type { Action } from './piis.transitions.js';
import type {
  AmendmentBody,
  CloseBody,
  EvaluationBody,
  HandoverBody,
  HearingOutcomeBody,
  HearingRequestBody,
  InterviewHeldBody,
  InterviewRequestBody,
  NoticeBody,
  Piis,
  SanctionBody,
  SignatureBody,
  SubsidyExtensionBody,
} from './piis.schemas.js';
import { date, msg, type Lang, type Message } from '../../i18n/catalogue.js';
import type { Tx } from '../../db/tenant.js';

const invalidPeriod = (rule: string, message: Message, path: string) =>
  refusalError(refuse('invalid-period', rule, message, path));

/** A correcting record names one in force of the same kind and PIIS, with its reason (R-CORRECT). */
function checkCorrection<T>(facts: Fact<T>[], body: { supersedes?: string; reason?: string }): Fact<T> | null {
  if (!body.supersedes) return null;
  if (!body.reason)
    throw new AppError('validation-failed', msg('check.correction-reason', { what: 'record' }), {
      rule: 'R-CORRECT',
      errors: [{ path: '/body/reason', message: msg('check.required-with-supersedes') }],
    });
  const target = facts.find((f) => f.id === body.supersedes);
  if (!target)
    throw new AppError('invalid-reference', msg('check.supersedes-unknown', { what: 'record' }), { rule: 'R-CORRECT' });
  if (!target.inForce)
    throw new AppError('invalid-state', msg('check.supersedes-not-in-force', { what: 'record' }), {
      rule: 'R-CORRECT',
    });
  return target;
}

const correctionColumns = (
  ctx: RequestContext,
  body: { supersedes?: string; reason?: string; externalRef?: string },
) => ({
  supersedes_id: body.supersedes ?? null,
  correction_reason: body.supersedes ? (body.reason ?? null) : null,
  external_ref: body.externalRef ?? null,
  recorded_by: ctx.actor,
});

/** Inserts a lifecycle record and adds it to the file; answers the row as written. */
async function insertRecord(
  unit: Unit,
  table: PiisFactTable,
  list: Parameters<typeof remember>[1],
  columns: Record<string, unknown>,
): Promise<JsonRow> {
  const id = uuidv7();
  const row = { cpas_id: unit.ctx.cpasId, id, piis_id: unit.raw.id, ...columns };
  try {
    const written = await repo.insertRecord(unit.tx, table, row);
    remember(unit.raw, list, written);
    return written;
  } catch (error) {
    if (uniqueViolation(error) !== null)
      throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'record' }));
    throw error;
  }
}

const created = <B>(body: B, location: string) => ({ status: 201 as const, body, location });
const factOf = <T>(facts: Fact<T>[], id: string) => facts.find((f) => f.id === id)!;

// ---- handover, hearings, signatures ----

export function handOver(
  ctx: RequestContext,
  piisId: string,
  ifMatch: number | undefined,
  body: HandoverBody,
): Promise<Outcome<Piis>> {
  assertFactDate(body.handedOverOn, ctx.today, '/body/handedOverOn');
  assertFactDate(body.informedOn, ctx.today, '/body/informedOn');
  if (body.reflectionWaiver) {
    if (!ctx.deployment.reflectionWaiverAllowed) {
      throw new AppError('waiver-not-allowed', msg('piis.waiver-not-allowed'), { rule: 'R-REFLECT' });
    }
    assertFactDate(body.reflectionWaiver.recordedOn, ctx.today, '/body/reflectionWaiver/recordedOn');
  }
  return changePiis(ctx, piisId, 'handover', { ifMatch }, async ({ raw, file, tx }) => {
    if (body.handedOverOn < raw.drafted_on)
      throw invalidPeriod(
        'R-REFLECT',
        msg('order.handover-before-draft', { handedOverOn: date(body.handedOverOn), draftedOn: date(raw.drafted_on) }),
        '/body/handedOverOn',
      );
    // R-ASSESS-FIRST is checked before R-CONTENT (contract)
    const reused = raw.reuses_piis_id
      ? await reuseFacts(tx, ctx.cpasId, raw.reuses_piis_id, raw.drafted_on, file)
      : null;
    assertNoRefusal(checkAssessmentFirst({ draftedOn: raw.drafted_on, assessments: file.assessments, reuse: reused }));
    const incomplete = checkContentComplete(current(file).content as PiisContent, 'handover');
    if (incomplete)
      throw refusalError(incomplete.refusal, {
        errors: incomplete.gaps.map((g) => ({ path: `/content${g.path}`, message: g.message })),
      });
    const changes = {
      handed_over_on: body.handedOverOn,
      informed_on: body.informedOn,
      assisted_by: JSON.stringify(body.assistedBy),
      reflection_waiver: body.reflectionWaiver ? JSON.stringify(body.reflectionWaiver) : null,
    };
    return {
      changes,
      audit: { action: 'transition', entity: 'piis', entityId: piisId },
      events: [{ type: 'piis.handed_over', data: { piisId, handedOverOn: body.handedOverOn } }],
      respond: (after) => ({ status: 200, body: toPiis(after, ctx.today, ctx.lang) }),
    };
  });
}

/** The last job that ended on or before a date (R-REUSE). */
/**
 * R-REUSE's facts: the earlier PIIS's end (its close date, else its draft date) and the job in
 * between — the latest one started by the draft date and not over before the earlier PIIS began;
 * a job ending after the draft date is not over yet (no end).
 */
async function reuseFacts(tx: Tx, cpasId: string, earlierId: string, draftedOn: string, file: PiisFile) {
  const earlier = await tx
    .selectFrom('piis')
    .select(['drafted_on', 'ended_on'])
    .where('cpas_id', '=', cpasId)
    .where('id', '=', earlierId)
    .executeTakeFirst();
  const began = earlier?.drafted_on ?? draftedOn;
  const job = file.employment
    .filter((j) => j.startsOn <= draftedOn && (j.endsOn === null || j.endsOn >= began))
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0))
    .pop();
  return {
    employment: job
      ? { startsOn: job.startsOn, endsOn: job.endsOn !== null && job.endsOn <= draftedOn ? job.endsOn : null }
      : null,
    earlierEndedOn: earlier?.ended_on ?? began,
  };
}

export function requestHearing(
  ctx: RequestContext,
  piisId: string,
  ifMatch: number | undefined,
  body: HearingRequestBody,
) {
  assertFactDate(body.requestedOn, ctx.today, '/body/requestedOn');
  return changePiis(ctx, piisId, 'requestHearing', { ifMatch, correction: !!body.supersedes }, async (unit) => {
    checkCorrection(unit.file.hearings, body);
    const row = await insertRecord(unit, 'piis_hearing_request', 'hearing_requests', {
      requested_on: body.requestedOn,
      ...correctionColumns(ctx, body),
    });
    return recordResult(
      'piis_hearing_request',
      row.id,
      { type: 'piis.hearing_requested', data: { piisId, hearingId: row.id, requestedOn: body.requestedOn } },
      (f) => created(views.hearing(factOf(f.hearings, row.id)), `/v1/piis/${piisId}/hearing-requests/${row.id}`),
    );
  });
}

export function recordHearingOutcome(
  ctx: RequestContext,
  piisId: string,
  hearingId: string,
  ifMatch: number | undefined,
  body: HearingOutcomeBody,
) {
  const on = body.heldOn ?? body.withdrawnOn!;
  assertFactDate(on, ctx.today, body.heldOn ? '/body/heldOn' : '/body/withdrawnOn');
  return changePiis(ctx, piisId, 'recordHearingOutcome', { ifMatch }, async (unit) => {
    const hearing = unit.file.hearings.find((h) => h.id === hearingId);
    if (!hearing) throw new AppError('not-found', msg('not-found.hearing'));
    if (!hearing.inForce || hearing.row.held_on || hearing.row.withdrawn_on)
      throw new AppError('invalid-state', msg('piis.hearing-not-pending'), { rule: 'R-HEARING' });
    if (on < hearing.row.requested_on)
      throw invalidPeriod(
        'R-HEARING',
        msg('order.outcome-before-request', { on: date(on), requestedOn: date(hearing.row.requested_on) }),
        body.heldOn ? '/body/heldOn' : '/body/withdrawnOn',
      );
    const set: Record<string, string> = body.heldOn ? { held_on: body.heldOn } : { withdrawn_on: body.withdrawnOn! };
    const written = await repo.setOutcome(unit.tx, 'piis_hearing_request', ctx.cpasId, hearingId, set);
    if (!written) throw new AppError('invalid-state', msg('piis.hearing-not-pending'), { rule: 'R-HEARING' });
    remember(unit.raw, 'hearing_requests', written);
    return recordResult(
      'piis_hearing_request',
      hearingId,
      { type: body.heldOn ? 'piis.hearing_held' : 'piis.hearing_withdrawn', data: { piisId, hearingId, on } },
      (f) => ({
        status: 200,
        body: views.hearing(factOf(f.hearings, hearingId)),
      }),
      'update',
    );
  });
}

export function sign(ctx: RequestContext, piisId: string, ifMatch: number | undefined, body: SignatureBody) {
  assertFactDate(body.signedOn, ctx.today, '/body/signedOn');
  assertFactDate(body.notedByCouncilOn, ctx.today, '/body/notedByCouncilOn');
  if (body.party === 'third_party' && !body.thirdPartyName) {
    throw new AppError('validation-failed', msg('piis.third-party-named'), {
      rule: 'R-PARTIES',
      errors: [{ path: '/body/thirdPartyName', message: msg('piis.required-for-third-party') }],
    });
  }
  if (body.notedByCouncilOn && body.notedByCouncilOn < body.signedOn) {
    throw invalidPeriod('R-SUB-START', msg('order.noted-before-signed'), '/body/notedByCouncilOn');
  }
  return changePiis(ctx, piisId, 'sign', { ifMatch, correction: !!body.supersedes }, async (unit) => {
    const { raw, file } = unit;
    const corrected = checkCorrection(file.signatures, body);
    if (!raw.handed_over_on)
      throw new AppError('invalid-state', msg('piis.signed-after-handover'), { rule: 'R-REFLECT' });
    const already = signaturesOf(file, 1).find(
      (s) =>
        s.row.party === body.party &&
        s.id !== corrected?.id &&
        (body.party !== 'third_party' || s.row.third_party_name === body.thirdPartyName),
    );
    if (already)
      throw new AppError('invalid-state', msg('piis.already-signed', { party: body.party }), { rule: 'R-PARTIES' });
    if (body.party !== 'third_party') {
      assertNoRefusal(checkInformed({ informedOn: raw.informed_on, signedOn: body.signedOn, path: '/body/signedOn' }));
      assertNoRefusal(
        checkReflection({
          handedOverOn: raw.handed_over_on,
          signedOn: body.signedOn,
          waiverRecorded: !!raw.reflection_waiver,
          waiverAllowed: ctx.deployment.reflectionWaiverAllowed,
        }),
      );
      const pending = hearingsPendingOn(file, body.signedOn);
      if (pending.length > 0) {
        throw refusalError(
          refuse(
            'hearing-pending',
            'R-HEARING',
            msg('piis.hearing-blocks', {
              requestedOn: date(pending[0]!.row.requested_on),
              signedOn: date(body.signedOn),
            }),
            '/body/signedOn',
          ),
        );
      }
      assertNoRefusal(
        checkSignatureAfterGrant({ obligation: raw.obligation, signedOn: body.signedOn, rights: file.rights }),
      );
      assertNoRefusal(
        checkObligation({
          obligation: raw.obligation,
          on: body.signedOn,
          track: raw.track,
          birthDate: file.birthDate,
          rights: file.rights,
        }),
      );
    } else if (body.signedOn < raw.handed_over_on) {
      throw invalidPeriod(
        'R-PARTIES',
        msg('order.third-party-before-handover', { handedOverOn: date(raw.handed_over_on) }),
        '/body/signedOn',
      );
    }
    const row = await insertRecord(unit, 'piis_signature', 'signatures', {
      version: 1,
      party: body.party,
      third_party_name: body.thirdPartyName ?? null,
      signed_on: body.signedOn,
      signatory_name: body.signatoryName,
      noted_by_council_on: body.notedByCouncilOn ?? null,
      ...correctionColumns(ctx, body),
    });
    return recordResult(
      'piis_signature',
      row.id,
      {
        type: 'piis.signature_recorded',
        data: { piisId, signatureId: row.id, party: body.party, signedOn: body.signedOn },
      },
      (f) => {
        const status = toPiis(f, ctx.today, ctx.lang).status;
        return created(
          { ...views.signature(factOf(f.signatures, row.id)), piisStatus: status },
          `/v1/piis/${piisId}/signatures/${row.id}`,
        );
      },
    );
  });
}

// ---- evaluations, interviews ----

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

// ---- amendments, extension requests, closing ----

export function amend(
  ctx: RequestContext,
  piisId: string,
  ifMatch: number | undefined,
  body: AmendmentBody,
): Promise<Outcome<Piis>> {
  assertFactDate(body.informedOn, ctx.today, '/body/informedOn');
  body.signatures.forEach((s, i) => assertFactDate(s.signedOn, ctx.today, `/body/signatures/${i}/signedOn`));
  assertCalendarDate(body.effectiveOn, '/body/effectiveOn');
  return changePiis(ctx, piisId, 'amend', { ifMatch }, async (unit) => {
    const { raw, file } = unit;
    const previous = current(file);
    const changed = Object.fromEntries(contentKeys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]));
    if (Object.keys(changed).length === 0) {
      throw new AppError('validation-failed', msg('piis.amendment-changes-nothing'), {
        rule: 'R-AMEND',
        errors: [{ path: '/body', message: msg('piis.no-content-field') }],
      });
    }
    const content = { ...previous.content, ...changed } as PiisContent;
    checkDraftContent(content, raw.drafted_on);
    const incomplete = checkContentComplete(content, 'amendment');
    if (incomplete)
      throw refusalError(incomplete.refusal, {
        errors: incomplete.gaps.map((g) => ({ path: `/body${g.path}`, message: g.message })),
      });
    for (const party of ['beneficiary', 'cpas'] as const) {
      if (!body.signatures.some((s) => s.party === party)) {
        throw refusalError(
          refuse(
            'amendment-not-agreed',
            'R-AMEND',
            msg('piis.amendment-signature-missing', { party }),
            '/body/signatures',
          ),
        );
      }
    }
    body.signatures.forEach((s, i) => {
      assertNoRefusal(
        checkInformed({ informedOn: body.informedOn, signedOn: s.signedOn, path: `/body/signatures/${i}/signedOn` }),
      );
      if (s.party === 'third_party' && !s.thirdPartyName)
        throw new AppError('validation-failed', msg('piis.third-party-named'), {
          errors: [{ path: `/body/signatures/${i}/thirdPartyName`, message: msg('piis.required-for-third-party') }],
        });
    });
    const signedOn = conclusion(file)!;
    if (body.effectiveOn < signedOn)
      throw invalidPeriod(
        'R-AMEND',
        msg('order.amendment-before-conclusion', { signedOn: date(signedOn) }),
        '/body/effectiveOn',
      );
    const kind = amendmentKind(previous.content.endsOn, content.endsOn);
    const version = Math.max(...file.versions.map((v) => v.version)) + 1;
    const versionRow = {
      cpas_id: ctx.cpasId,
      id: uuidv7(),
      piis_id: piisId,
      version,
      kind,
      content: JSON.stringify(content),
      effective_on: body.effectiveOn,
      reason: body.reason,
      informed_on: body.informedOn,
      created_by: ctx.actor,
    } as const;
    remember(raw, 'versions', await repo.insertVersion(unit.tx, versionRow));
    for (const s of body.signatures) {
      await insertRecord(unit, 'piis_signature', 'signatures', {
        version,
        party: s.party,
        third_party_name: s.thirdPartyName ?? null,
        signed_on: s.signedOn,
        signatory_name: s.signatoryName,
        noted_by_council_on: null,
        ...correctionColumns(ctx, {}),
      });
    }
    const changes = { current_version: version, starts_on: content.startsOn ?? null, ends_on: content.endsOn ?? null };
    Object.assign(raw, changes);
    return {
      changes,
      audit: { action: 'transition', entity: 'piis', entityId: piisId },
      events: [
        {
          type: kind === 'prolongation' ? 'piis.prolonged' : 'piis.amended',
          data: { piisId, version, kind, effectiveOn: body.effectiveOn, endsOn: content.endsOn ?? null },
        },
      ],
      respond: (after) => ({
        status: 201,
        body: toPiis(after, ctx.today, ctx.lang),
        location: `/v1/piis/${piisId}/versions/${version}`,
      }),
    };
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

// ---- notices and sanctions ----

export function issueNotice(ctx: RequestContext, piisId: string, ifMatch: number | undefined, body: NoticeBody) {
  assertFactDate(body.issuedOn, ctx.today, '/body/issuedOn');
  assertCalendarDate(body.complyBy, '/body/complyBy');
  if (body.complyBy < body.issuedOn)
    throw invalidPeriod('R-SANCTION-NOTICE', msg('order.comply-before-notice'), '/body/complyBy');
  return changePiis(ctx, piisId, 'issueNotice', { ifMatch, correction: !!body.supersedes }, async (unit) => {
    checkCorrection(unit.file.notices, body);
    const row = await insertRecord(unit, 'piis_notice', 'notices', {
      issued_on: body.issuedOn,
      breach: body.breach,
      comply_by: body.complyBy,
      ...correctionColumns(ctx, body),
    });
    return recordResult(
      'piis_notice',
      row.id,
      { type: 'piis.notice_issued', data: { piisId, noticeId: row.id, issuedOn: body.issuedOn } },
      (f) => created(views.notice(factOf(f.notices, row.id)), `/v1/piis/${piisId}/notices/${row.id}`),
    );
  });
}

export function decideSanction(ctx: RequestContext, piisId: string, ifMatch: number | undefined, body: SanctionBody) {
  assertFactDate(body.decidedOn, ctx.today, '/body/decidedOn');
  assertFactDate(body.notifiedOn, ctx.today, '/body/notifiedOn');
  assertFactDate(body.hearing.heldOn, ctx.today, '/body/hearing/heldOn');
  assertCalendarDate(body.suspensionStartsOn, '/body/suspensionStartsOn');
  assertCalendarDate(body.suspensionEndsOn, '/body/suspensionEndsOn');
  if (body.notifiedOn < body.decidedOn)
    throw invalidPeriod('R-SANCTION-APPEAL', msg('order.notified-before-decided'), '/body/notifiedOn');
  if (body.suspensionEndsOn < body.suspensionStartsOn)
    throw invalidPeriod('R-SANCTION-LENGTH', msg('order.suspension-reversed'), '/body/suspensionEndsOn');
  if (!body.hearing.requested && body.hearing.heldOn) {
    throw new AppError('validation-failed', msg('piis.hearing-date-unrequested'), {
      errors: [{ path: '/body/hearing/heldOn', message: msg('piis.requires-requested') }],
    });
  }
  return changePiis(ctx, piisId, 'decideSanction', { ifMatch, correction: !!body.supersedes }, async (unit) => {
    const { raw, file } = unit;
    const corrected = checkCorrection(file.sanctions, body);
    assertNoRefusal(checkSanctionScope({ obligation: raw.obligation, decidedOn: body.decidedOn, rights: file.rights }));
    const notice = file.notices.find((n) => n.id === body.noticeId && n.inForce);
    assertNoRefusal(
      checkSanctionNotice({
        noticeIssuedOn: notice?.row.issued_on ?? null,
        decidedOn: body.decidedOn,
        hearingRequested: body.hearing.requested,
        hearingHeldOn: body.hearing.heldOn ?? null,
      }),
    );
    const previous = file.personSanctionDecisions.filter((d) => !corrected || d !== corrected.row.decided_on);
    assertNoRefusal(
      checkSanctionLength({
        startsOn: body.suspensionStartsOn,
        endsOn: body.suspensionEndsOn,
        maxMonths: sanctionMaxMonths(body.decidedOn, previous),
      }),
    );
    assertNoRefusal(
      checkSanctionStart({ decidedOn: body.decidedOn, notifiedOn: body.notifiedOn, startsOn: body.suspensionStartsOn }),
    );
    const row = await insertRecord(unit, 'piis_sanction', 'person_sanctions', {
      notice_id: body.noticeId,
      decided_on: body.decidedOn,
      notified_on: body.notifiedOn,
      hearing_requested: body.hearing.requested,
      hearing_held_on: body.hearing.heldOn ?? null,
      no_legitimate_reason: true,
      suspension_starts_on: body.suspensionStartsOn,
      suspension_ends_on: body.suspensionEndsOn,
      partial_percent: body.partialPercent ?? null,
      suspended_sentence: body.suspendedSentence ?? false,
      ...correctionColumns(ctx, body),
    });
    return recordResult(
      'piis_sanction',
      row.id,
      { type: 'piis.sanctioned', data: { piisId, sanctionId: row.id, decidedOn: body.decidedOn } },
      (f) =>
        created(
          sanctionView(factOf(f.sanctions, row.id), f.personSanctionDecisions, ctx.lang),
          `/v1/piis/${piisId}/sanctions/${row.id}`,
        ),
    );
  });
}

// ---- voids (R-CORRECT) ----

const voidable: Record<
  string,
  {
    table: PiisFactTable;
    list: Parameters<typeof remember>[1];
    action: Action;
    pick: (f: PiisFile) => Fact<unknown>[];
    view: (f: PiisFile, id: string, lang: Lang) => unknown;
  }
> = {
  'hearing-requests': {
    table: 'piis_hearing_request',
    list: 'hearing_requests',
    action: 'requestHearing',
    pick: (f) => f.hearings,
    view: (f, id) => views.hearing(factOf(f.hearings, id)),
  },
  signatures: {
    table: 'piis_signature',
    list: 'signatures',
    action: 'sign',
    pick: (f) => f.signatures,
    view: (f, id) => views.signature(factOf(f.signatures, id)),
  },
  evaluations: {
    table: 'piis_evaluation',
    list: 'evaluations',
    action: 'evaluate',
    pick: (f) => f.evaluations,
    view: (f, id) => views.evaluation(factOf(f.evaluations, id)),
  },
  'interview-requests': {
    table: 'piis_interview_request',
    list: 'interview_requests',
    action: 'requestInterview',
    pick: (f) => f.interviews,
    view: (f, id, lang) => views.interview(factOf(f.interviews, id), lang),
  },
  notices: {
    table: 'piis_notice',
    list: 'notices',
    action: 'issueNotice',
    pick: (f) => f.notices,
    view: (f, id) => views.notice(factOf(f.notices, id)),
  },
  sanctions: {
    table: 'piis_sanction',
    list: 'person_sanctions',
    action: 'decideSanction',
    pick: (f) => f.sanctions,
    view: (f, id, lang) => sanctionView(factOf(f.sanctions, id), f.personSanctionDecisions, lang),
  },
};
export type VoidableSegment = keyof typeof voidable;
export const VOIDABLE_SEGMENTS = Object.keys(voidable);

export function voidRecord(
  ctx: RequestContext,
  piisId: string,
  segment: string,
  id: string,
  ifMatch: number | undefined,
  reason: string,
) {
  const kind = voidable[segment]!;
  return changePiis(ctx, piisId, kind.action, { ifMatch, correction: true }, async (unit) => {
    const fact = kind.pick(unit.file).find((f) => f.id === id);
    if (!fact) throw new AppError('not-found', msg('not-found.record'));
    const written = await repo.voidFact(unit.tx, kind.table, ctx.cpasId, piisId, id, { reason, actor: ctx.actor });
    if (!written)
      throw new AppError('invalid-state', msg('check.already-void', { what: 'record' }), { rule: 'R-CORRECT' });
    remember(unit.raw, kind.list, written);
    return recordResult(
      kind.table,
      id,
      { type: `piis.${kind.table.replace(/^piis_/, '')}_voided`, data: { piisId, id } },
      (f) => ({ status: 200, body: kind.view(f, id, ctx.lang) }),
      'void',
    );
  });
}

/** The common result of recording a lifecycle fact: audited under its own table and id, an event of the PIIS. */
function recordResult<B>(
  table: PiisFactTable,
  id: string,
  event: { type: string; data: Record<string, unknown> },
  respond: (f: PiisFile) => { status: 200 | 201; body: B; location?: string },
  action: 'create' | 'update' | 'void' = 'create',
): UnitResult<B> {
  return { audit: { action, entity: table, entityId: id }, events: [event], respond };
}
