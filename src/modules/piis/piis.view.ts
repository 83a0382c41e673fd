// The PIIS and its records as the API returns them, with every computed date and flag asked of
// rules/ — each {value, rule, explanation}. Services never compute a legal date themselves.
import { conventionPathWithinMaximum, pastEnd } from '../../rules/duration.js';
import { toIsoInstant } from '../../db/database.js';
import { explained, say, type Explained } from '../../rules/explained.js';
import { date, msg, type Lang } from '../../i18n/catalogue.js';
import { reflectionPeriod } from '../../rules/reflection.js';
import { contractEnd, evaluationCompliance, interviewDue, nextEvaluationDue } from '../../rules/evaluation.js';
import { conclusionDeadline } from '../../rules/obligation.js';
import { openingGrant, rightSegments } from '../../rules/rights.js';
import { appealDeadline, sanctionMaxMonths } from '../../rules/sanction.js';
import { subsidyStart } from '../../rules/subsidy-start.js';
import { secondYearVerdict } from '../../rules/subsidy-months.js';
import { progressOn } from '../../rules/progress.js';
import {
  conclusion,
  current,
  signaturesOf,
  statusOf,
  subsidyFactsOf,
  type Fact,
  type PiisFile,
  type SanctionRow,
} from './piis.file.js';
import type { JsonRow } from './piis.repository.js';
import type { Piis, PiisVersion } from './piis.schemas.js';

const instant = (v: unknown) => (v === null || v === undefined ? null : toIsoInstant(String(v)));
const orNull = <T>(v: T | undefined) => (v === undefined ? null : v);

/** The fields every lifecycle record shares (R-CORRECT). */
function recordFields(f: Fact<unknown>) {
  const r = f.row as JsonRow;
  return {
    id: f.id,
    piisId: String(r['piis_id']),
    supersedes: orNull(r.supersedes_id) ?? null,
    correctionReason: orNull(r['correction_reason'] as string | null | undefined),
    supersededBy: f.supersededBy,
    inForce: f.inForce,
    voidedAt: instant(r.voided_at),
    voidReason: orNull(r['void_reason'] as string | null | undefined),
    externalRef: orNull(r['external_ref'] as string | null | undefined),
    recordedAt: instant(r['recorded_at'])!,
    recordedBy: String(r['recorded_by']),
  };
}

export const views = {
  hearing: (f: PiisFile['hearings'][number]) => ({
    ...recordFields(f),
    requestedOn: f.row.requested_on,
    heldOn: f.row.held_on,
    withdrawnOn: f.row.withdrawn_on,
    pending: f.inForce && f.row.held_on === null && f.row.withdrawn_on === null,
  }),
  signature: (f: PiisFile['signatures'][number]) => ({
    ...recordFields(f),
    version: f.row.version,
    party: f.row.party,
    thirdPartyName: f.row.third_party_name,
    signedOn: f.row.signed_on,
    signatoryName: f.row.signatory_name,
    notedByCouncilOn: f.row.noted_by_council_on,
  }),
  evaluation: (f: PiisFile['evaluations'][number]) => ({
    ...recordFields(f),
    version: f.row.version,
    heldOn: f.row.held_on,
    mode: f.row.mode,
    objectives: f.row.objectives as never,
    commitmentsKept: f.row.commitments_kept as never,
    assessmentId: f.row.assessment_id,
    adjustments: f.row.adjustments,
    prolongationMotivation: f.row.prolongation_motivation,
  }),
  interview: (f: PiisFile['interviews'][number], lang: Lang) => ({
    ...recordFields(f),
    requestedOn: f.row.requested_on,
    heldOn: f.row.held_on,
    dueOn: say(lang, interviewDue(f.row.requested_on)),
  }),
  notice: (f: PiisFile['notices'][number]) => ({
    ...recordFields(f),
    issuedOn: f.row.issued_on,
    breach: f.row.breach,
    complyBy: f.row.comply_by,
  }),
  extension: (f: PiisFile['extensions'][number], file: PiisFile, lang: Lang) => {
    const { facts, piis } = subsidyFactsOf(file);
    return {
      ...recordFields(f),
      requestedOn: f.row.requested_on,
      motivation: f.row.motivation,
      evaluationId: f.row.evaluation_id,
      verdict: say(lang, secondYearVerdict(facts, piis)),
    };
  },
};

export function sanctionView(f: Fact<SanctionRow>, personDecisions: readonly string[], lang: Lang) {
  return {
    ...recordFields(f),
    noticeId: f.row.notice_id,
    decidedOn: f.row.decided_on,
    notifiedOn: f.row.notified_on,
    hearing: { requested: f.row.hearing_requested, heldOn: f.row.hearing_held_on },
    noLegitimateReason: f.row.no_legitimate_reason,
    suspensionStartsOn: f.row.suspension_starts_on,
    suspensionEndsOn: f.row.suspension_ends_on,
    partialPercent: f.row.partial_percent,
    suspendedSentence: f.row.suspended_sentence,
    maxMonths: say(lang, sanctionMaxMonths(f.row.decided_on, personDecisions)),
    appealDeadline: say(lang, appealDeadline(f.row.notified_on)),
  };
}

/** R-OBLIG-DEADLINE for this PIIS: the date a compulsory PIIS is due, from the grant that opened the RI right. */
function conclusionDue(file: PiisFile, today: string): Explained<string> {
  if (file.piis.obligation !== 'compulsory')
    return explained<string>(null, 'R-OBLIG-DEADLINE', msg('view.no-deadline', { obligation: file.piis.obligation }));
  const opening = openingGrant(rightSegments(file.rights), conclusion(file) ?? today, ['ri']);
  if (!opening) return explained<string>(null, 'R-OBLIG-DEADLINE', msg('view.no-grant'));
  return conclusionDeadline(opening.grant);
}

function concludedInTime(file: PiisFile, due: Explained<string>, today: string): Explained<boolean> {
  if (due.value === null) return explained<boolean>(null, 'R-OBLIG-DEADLINE', due.explanation);
  const signedOn = conclusion(file);
  const exemption = file.exemptions.find((e) => e.decidedOn <= due.value!);
  if (signedOn) {
    return signedOn <= due.value
      ? explained(
          true,
          'R-OBLIG-DEADLINE',
          msg('view.concluded-within', { signedOn: date(signedOn), why: due.explanation }),
        )
      : explained(
          false,
          'R-OBLIG-DEADLINE',
          msg('view.concluded-late', { signedOn: date(signedOn), why: due.explanation }),
        );
  }
  if (exemption)
    return explained(
      true,
      'R-EXEMPT',
      msg('view.exempted-within', {
        reason: exemption.reason,
        decidedOn: date(exemption.decidedOn),
        why: due.explanation,
      }),
    );
  return today > due.value
    ? explained(false, 'R-OBLIG-DEADLINE', msg('view.deadline-passed', { why: due.explanation }))
    : explained<boolean>(null, 'R-OBLIG-DEADLINE', msg('view.not-yet-concluded', { why: due.explanation }));
}

function reflectionRespected(file: PiisFile): Explained<boolean> {
  const handedOverOn = file.piis.handed_over_on;
  const signedOn = conclusion(file);
  if (!handedOverOn || !signedOn) return explained<boolean>(null, 'R-REFLECT', msg('view.reflection-pending'));
  const { earliestSignatureOn } = reflectionPeriod(handedOverOn);
  const first = signaturesOf(file, 1)
    .filter((s) => s.row.party !== 'third_party')
    .map((s) => s.row.signed_on)
    .sort()[0]!;
  const waiverRecordedOn = (file.piis.reflection_waiver as { recordedOn?: string } | null)?.recordedOn;
  return first >= earliestSignatureOn.value!
    ? explained(
        true,
        'R-REFLECT',
        msg('view.signed-after-period', { signedOn: date(first), why: earliestSignatureOn.explanation }),
      )
    : explained(
        false,
        'R-REFLECT',
        msg('view.signed-under-waiver', {
          signedOn: date(first),
          recordedOn: waiverRecordedOn ? date(waiverRecordedOn) : '?',
          why: earliestSignatureOn.explanation,
        }),
      );
}

/** R-ASSESS-BASELINE: the assessment the PIIS names, else the person's first initial assessment, else their first. */
function baselineOf(file: PiisFile) {
  const byDate = [...file.assessments].sort((a, b) =>
    a.performedOn < b.performedOn ? -1 : a.performedOn > b.performedOn ? 1 : 0,
  );
  return (
    byDate.find((a) => a.id === file.piis.baseline_assessment_id) ??
    byDate.find((a) => a.kind === 'initial') ??
    byDate[0] ??
    null
  );
}

export function toPiis(file: PiisFile, today: string, lang: Lang): Piis {
  const p = file.piis;
  const version = current(file);
  const signedOn = conclusion(file);
  const closed = p.stage === 'closed';
  const reflection = p.handed_over_on ? reflectionPeriod(p.handed_over_on) : null;
  const notHanded = (rule: string) => explained<string>(null, rule, msg('view.not-handed-over'));
  const evaluations = file.evaluations
    .filter((e) => e.inForce)
    .map((e) => ({ heldOn: e.row.held_on, mode: e.row.mode }));
  const due = conclusionDue(file, today);
  const compliance = evaluationCompliance({
    signedOn,
    until: today,
    end: contractEnd(version.content.endsOn, p.ended_on),
    evaluations,
  });
  const cpasSignature = signaturesOf(file, 1).find((s) => s.row.party === 'cpas');
  return {
    id: p.id,
    beneficiaryId: p.beneficiary_id,
    track: p.track,
    obligation: p.obligation,
    draftedOn: p.drafted_on,
    status: statusOf(p, today),
    version: version.version,
    revision: p.version,
    ...normaliseContent(version.content),
    baselineAssessmentId: p.baseline_assessment_id,
    reusesPiisId: p.reuses_piis_id,
    handover: p.handed_over_on
      ? {
          handedOverOn: p.handed_over_on,
          informedOn: p.informed_on!,
          assistedBy: (p.assisted_by as never) ?? null,
          reflectionWaiver: (p.reflection_waiver as never) ?? null,
        }
      : null,
    signedOn,
    closure: p.ended_on ? { endedOn: p.ended_on, outcome: p.close_outcome!, note: p.close_note } : null,
    externalRef: p.external_ref,
    earliestSignatureOn: say(lang, reflection?.earliestSignatureOn ?? notHanded('R-REFLECT')),
    reflectionEndsOn: say(lang, reflection?.endsOn ?? notHanded('R-REFLECT')),
    conclusionDue: say(lang, due),
    nextEvaluationDue: say(lang, nextEvaluationDue({ signedOn, closed, evaluations })),
    subsidy: say(
      lang,
      subsidyStart({
        signedOn,
        notedByCouncilOn: cpasSignature?.row.noted_by_council_on ?? null,
        track: p.track,
        rights: file.rights,
      }),
    ),
    progress: say(
      lang,
      progressOn({
        baseline: baselineOf(file),
        measurements: file.assessments,
        on: p.ended_on ?? today,
      }),
    ),
    compliance: {
      concludedInTime: say(lang, concludedInTime(file, due, today)),
      reflectionRespected: say(lang, reflectionRespected(file)),
      evaluationFrequency: say(lang, compliance.frequency),
      inPersonEvaluations: say(lang, compliance.inPerson),
      pastEnd: say(lang, pastEnd({ signedOn, endsOn: version.content.endsOn ?? null, endedOn: p.ended_on, today })),
      pathDuration: say(
        lang,
        conventionPathWithinMaximum({
          activationCategory: version.content.activationCategory ?? null,
          startsOn: version.content.startsOn ?? null,
          endsOn: version.content.endsOn ?? null,
        }),
      ),
    },
    createdAt: p.created_at,
    createdBy: p.created_by,
    updatedAt: p.updated_at,
  };
}

/** Content as stored (a draft may lack fields) → the API's shape, absent values null or empty. */
export function normaliseContent(c: Partial<PiisVersion['content']>): PiisVersion['content'] {
  return {
    domains: c.domains ?? [],
    activationCategory: c.activationCategory ?? null,
    objectives: (c.objectives ?? []).map((o) => ({ ...o })),
    commitments: (c.commitments ?? []).map((x) => ({ ...x })),
    startsOn: c.startsOn ?? null,
    endsOn: c.endsOn ?? null,
    evaluationArrangements: c.evaluationArrangements ?? null,
    supplementaryAid: c.supplementaryAid ?? null,
  };
}

export function toVersions(file: PiisFile): PiisVersion[] {
  return file.versions.map((v) => {
    const sigs = signaturesOf(file, v.version);
    return {
      piisId: file.piis.id,
      version: v.version,
      kind: v.kind,
      content: normaliseContent(v.content),
      effectiveOn: v.effectiveOn,
      reason: v.reason,
      informedOn: v.informedOn,
      signed: sigs.some((s) => s.row.party === 'beneficiary') && sigs.some((s) => s.row.party === 'cpas'),
      signatures: sigs.map(views.signature),
      createdAt: v.createdAt,
      createdBy: v.createdBy,
    };
  });
}
