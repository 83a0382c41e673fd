// The contract itself: handed over for reflection (R-REFLECT), signed by its parties (R-PARTIES,
// R-HEARING, R-OBLIG-*), amended or prolonged in a new version agreed by both (R-AMEND).
import type { Outcome, RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { assertCalendarDate, assertFactDate } from '../../core/guards.js';
import { uuidv7 } from '../../db/ids.js';
import { refuse } from '../../rules/explained.js';
import { checkAssessmentFirst, checkContentComplete, type PiisContent } from '../../rules/content.js';
import { checkReflection } from '../../rules/reflection.js';
import { amendmentKind, checkInformed } from '../../rules/parties.js';
import { checkObligation, checkSignatureAfterGrant } from '../../rules/obligation.js';
import * as repo from './piis.repository.js';
import { conclusion, current, hearingsPendingOn, signaturesOf, type PiisFile } from './piis.file.js';
import { toPiis, views } from './piis.view.js';
import { assertNoRefusal, changePiis, refusalError, remember, type Unit } from './piis.unit.js';
import { checkDraftContent } from './piis.service.js';
import { contentKeys } from './piis.schemas.js';
import type { AmendmentBody, HandoverBody, Piis, SignatureBody } from './piis.schemas.js';
import { date, msg } from '../../i18n/catalogue.js';
import type { Tx } from '../../db/tenant.js';
import {
  checkCorrection,
  correctionColumns,
  created,
  factOf,
  insertRecord,
  invalidPeriod,
  recordResult,
} from './piis.records.js';

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
    checkPartyMaySign(unit, body);
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

/**
 * A party's signature of the first version: the beneficiary's and the CPAS's only once informed
 * (R-PARTIES), after the reflection period (R-REFLECT), with no hearing pending (R-HEARING), after
 * the grant and within the obligation's deadline (R-OBLIG-*); a third party's after the handover.
 */
function checkPartyMaySign({ ctx, raw, file }: Unit, body: SignatureBody): void {
  const handedOverOn = raw.handed_over_on!;
  if (body.party !== 'third_party') {
    assertNoRefusal(checkInformed({ informedOn: raw.informed_on, signedOn: body.signedOn, path: '/body/signedOn' }));
    assertNoRefusal(
      checkReflection({
        handedOverOn,
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
  } else if (body.signedOn < handedOverOn) {
    throw invalidPeriod(
      'R-PARTIES',
      msg('order.third-party-before-handover', { handedOverOn: date(handedOverOn) }),
      '/body/signedOn',
    );
  }
}

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
    const { previous, content } = checkAmendment(unit, body);
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

/**
 * The new version's content (the current one with the fields sent), complete for an amendment
 * (R-CONTENT), signed by both the beneficiary and the CPAS once informed, effective after the
 * conclusion (R-AMEND).
 */
function checkAmendment({ raw, file }: Unit, body: AmendmentBody) {
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
  return { previous, content };
}
