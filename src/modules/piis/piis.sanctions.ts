// Hearings, formal notices and sanctions (R-HEARING, R-SANCTION-*): each a fact of the PIIS,
// correctable under R-CORRECT.
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { assertCalendarDate, assertFactDate } from '../../core/guards.js';
import {
  checkSanctionLength,
  checkSanctionNotice,
  checkSanctionScope,
  checkSanctionStart,
  sanctionMaxMonths,
} from '../../rules/sanction.js';
import * as repo from './piis.repository.js';
import { sanctionView, views } from './piis.view.js';
import { assertNoRefusal, changePiis, remember } from './piis.unit.js';
import type { HearingOutcomeBody, HearingRequestBody, NoticeBody, SanctionBody } from './piis.schemas.js';
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
  checkSanctionDates(ctx.today, body);
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

/** The decision's own dates in order (R-SANCTION-APPEAL, R-SANCTION-LENGTH), before the file is read. */
function checkSanctionDates(today: string, body: SanctionBody): void {
  assertFactDate(body.decidedOn, today, '/body/decidedOn');
  assertFactDate(body.notifiedOn, today, '/body/notifiedOn');
  assertFactDate(body.hearing.heldOn, today, '/body/hearing/heldOn');
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
}
