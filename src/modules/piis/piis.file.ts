// The file of one PIIS as the rules see it: its row, versions and lifecycle facts, with the facts
// in force told apart from voided and superseded ones (R-CORRECT), and the state that follows
// from the facts in force — the stage, the conclusion date — derived, never stored by hand.
import { toIsoInstant } from '../../db/database.js';
import type { CorrectionColumns, PiisSanctionTable, PiisStage } from '../../db/types.js';
import type { RightDecisionFact } from '../../rules/rights.js';
import { conclusionDate, hearingPendingOn } from '../../rules/parties.js';
import { withCorrections as correctionsOf } from '../../rules/corrections.js';
import type { Content } from './piis.schemas.js';
import type { PiisStatus } from './piis.transitions.js';
import type { EngineInput } from '../deadlines/index.js';
import { toRightDecisionFact, type RightDecisionColumns } from '../../db/right-decision-row.js';
import type { SubsidyFacts, SubsidyPiisFacts } from '../../rules/subsidy-months.js';
import type { FileRow, JsonRow, PiisRow } from './piis.repository.js';

/** A lifecycle fact with its correction state. */
export interface Fact<T = Record<string, unknown>> {
  id: string;
  row: JsonRow & T;
  inForce: boolean;
  supersededBy: string | null;
}

/** Marks each fact in force unless voided or superseded by a fact that is itself not voided (R-CORRECT). */
function withCorrections<T>(rows: readonly JsonRow[]): Fact<T>[] {
  return correctionsOf(rows).map((c) => ({
    id: c.fact.id,
    row: c.fact as JsonRow & T,
    inForce: c.inForce,
    supersededBy: c.supersededBy,
  }));
}

const inForce = <T>(facts: Fact<T>[]) => facts.filter((f) => f.inForce).map((f) => f.row);

export interface VersionInfo {
  version: number;
  kind: 'initial' | 'amendment' | 'prolongation';
  content: Content;
  effectiveOn: string | null;
  reason: string | null;
  informedOn: string | null;
  createdAt: string;
  createdBy: string;
}

export type SignatureRow = {
  version: number;
  party: 'beneficiary' | 'cpas' | 'third_party';
  signed_on: string;
  third_party_name: string | null;
  signatory_name: string;
  noted_by_council_on: string | null;
};
export type EvaluationRow = {
  version: number;
  held_on: string;
  mode: 'in_person' | 'remote' | 'written';
  objectives: unknown;
  commitments_kept: unknown;
  assessment_id: string | null;
  adjustments: string | null;
  prolongation_motivation: string | null;
};
export type HearingRow = { requested_on: string; held_on: string | null; withdrawn_on: string | null };
export type InterviewRow = { requested_on: string; held_on: string | null };
export type NoticeRow = { issued_on: string; breach: string; comply_by: string };
export type SanctionRow = Omit<PiisSanctionTable, keyof CorrectionColumns | 'cpas_id' | 'id'>;
export type ExtensionRow = { requested_on: string; motivation: string; evaluation_id: string | null };

export interface PiisFile {
  piis: PiisRow;
  birthDate: string | null;
  versions: VersionInfo[];
  hearings: Fact<HearingRow>[];
  signatures: Fact<SignatureRow>[];
  evaluations: Fact<EvaluationRow>[];
  interviews: Fact<InterviewRow>[];
  notices: Fact<NoticeRow>[];
  extensions: Fact<ExtensionRow>[];
  /** the sanctions of this PIIS */
  sanctions: Fact<SanctionRow>[];
  /** decision dates of the person's sanctions in force, every PIIS (R-SANCTION-LENGTH) */
  personSanctionDecisions: string[];
  rights: RightDecisionFact[];
  employment: Array<{ startsOn: string; endsOn: string | null }>;
  /** the person's situations in force (employment, studies, training) */
  situations: Array<{ kind: string; startsOn: string; endsOn: string | null }>;
  assessments: Array<{
    id: string;
    performedOn: string;
    kind: string;
    participationRung: number | null;
    domainScores: Array<{ domain: string; score: number }>;
  }>;
  exemptions: Array<{ id: string; decidedOn: string; reason: string }>;
}

export function toFile(r: FileRow): PiisFile {
  const rights = inForce(withCorrections<RightDecisionColumns>(r.rights)).map(toRightDecisionFact);
  return {
    piis: r,
    birthDate: r.birth_date,
    versions: r.versions.map((v) => ({
      version: Number(v['version']),
      kind: v['kind'] as VersionInfo['kind'],
      content: v['content'] as Content,
      effectiveOn: (v['effective_on'] ?? null) as string | null,
      reason: (v['reason'] ?? null) as string | null,
      informedOn: (v['informed_on'] ?? null) as string | null,
      createdAt: toIsoInstant(String(v['created_at'])),
      createdBy: String(v['created_by']),
    })),
    hearings: withCorrections<HearingRow>(r.hearing_requests),
    signatures: withCorrections<SignatureRow>(r.signatures),
    evaluations: withCorrections<EvaluationRow>(r.evaluations),
    interviews: withCorrections<InterviewRow>(r.interview_requests),
    notices: withCorrections<NoticeRow>(r.notices),
    extensions: withCorrections<ExtensionRow>(r.subsidy_extension_requests),
    sanctions: withCorrections<SanctionRow>(r.person_sanctions).filter((s) => s.row.piis_id === r.id),
    personSanctionDecisions: inForce(withCorrections<SanctionRow>(r.person_sanctions)).map((s) => s.decided_on),
    rights,
    situations: inForce(withCorrections<Record<string, unknown>>(r.situations)).map((s) => ({
      kind: s['kind'] as string,
      startsOn: s['starts_on'] as string,
      endsOn: (s['ends_on'] ?? null) as string | null,
    })),
    employment: inForce(withCorrections<Record<string, unknown>>(r.situations))
      .filter((s) => s['kind'] === 'employment')
      .map((s) => ({ startsOn: s['starts_on'] as string, endsOn: (s['ends_on'] ?? null) as string | null })),
    assessments: inForce(withCorrections<Record<string, unknown>>(r.assessments)).map((a) => ({
      id: a.id,
      performedOn: a['performed_on'] as string,
      kind: a['kind'] as string,
      participationRung: (a['participation_rung'] ?? null) as number | null,
      domainScores: (a['domain_scores'] ?? []) as Array<{ domain: string; score: number }>,
    })),
    exemptions: inForce(withCorrections<Record<string, unknown>>(r.exemptions)).map((e) => ({
      id: e.id,
      decidedOn: e['decided_on'] as string,
      reason: e['reason'] as string,
    })),
  };
}

export const current = (file: PiisFile): VersionInfo =>
  file.versions.find((v) => v.version === file.piis.current_version) ?? file.versions[file.versions.length - 1]!;

/** The signatures in force of one version. */
export const signaturesOf = (file: PiisFile, version: number) =>
  file.signatures.filter((s) => s.inForce && s.row.version === version);

/** The conclusion date of the contract (R-PARTIES): from the signatures in force of version 1. */
export function conclusion(file: PiisFile): string | null {
  return conclusionDate(signaturesOf(file, 1).map((s) => ({ party: s.row.party, signedOn: s.row.signed_on })));
}

/** The stage that follows from the facts in force. */
export function deriveStage(file: PiisFile): PiisStage {
  if (file.piis.ended_on) return 'closed';
  if (file.piis.handed_over_on && conclusion(file)) return 'signed';
  if (file.piis.handed_over_on) return 'in_reflection';
  return 'draft';
}

/** The status clients see: a signed PIIS is active from its start date (rulebook: the one status that uses today). */
export function statusOf(piis: Pick<PiisRow, 'stage' | 'starts_on'>, today: string): PiisStatus {
  if (piis.stage === 'signed') return piis.starts_on && piis.starts_on <= today ? 'active' : 'signed';
  return piis.stage;
}

/** The version in force on a date: the latest whose effective date has come (version 1 from the start). */
export function versionOn(file: PiisFile, date: string): VersionInfo {
  const candidates = file.versions.filter((v) => v.version === 1 || (v.effectiveOn !== null && v.effectiveOn <= date));
  return candidates[candidates.length - 1] ?? file.versions[0]!;
}

/** Hearing requests in force pending on a date (R-HEARING). */
export function hearingsPendingOn(file: PiisFile, date: string) {
  return file.hearings.filter(
    (h) =>
      h.inForce &&
      hearingPendingOn(
        { requestedOn: h.row.requested_on, heldOn: h.row.held_on, withdrawnOn: h.row.withdrawn_on },
        date,
      ),
  );
}

/** What the deadline engine needs of this PIIS's own facts (those in force), taken from its file. */
export function deadlineFactsOf(file: PiisFile): Omit<EngineInput, 'exemptions'> {
  const p = file.piis;
  const person = { piis_id: p.id, beneficiary_id: p.beneficiary_id };
  const requested = inForce(file.extensions)
    .map((x) => x.requested_on)
    .sort();
  return {
    piis: [
      {
        id: p.id,
        beneficiary_id: p.beneficiary_id,
        stage: p.stage,
        track: p.track,
        obligation: p.obligation,
        handed_over_on: p.handed_over_on,
        signed_on: p.signed_on,
        ends_on: p.ends_on,
        noted_by_council_on: signaturesOf(file, 1).find((s) => s.row.party === 'cpas')?.row.noted_by_council_on ?? null,
        evaluations: inForce(file.evaluations).map((e) => ({ held_on: e.held_on, mode: e.mode })),
        first_extension_on: requested[0] ?? null,
      },
    ],
    rights: new Map([[p.beneficiary_id, file.rights]]),
    hearings: inForce(file.hearings).map((h) => ({
      id: h.id,
      ...person,
      requested_on: h.requested_on,
      held_on: h.held_on,
      withdrawn_on: h.withdrawn_on,
    })),
    interviews: inForce(file.interviews).map((i) => ({
      id: i.id,
      ...person,
      requested_on: i.requested_on,
      held_on: i.held_on,
      withdrawn_on: null,
    })),
    sanctions: inForce(file.sanctions).map((s) => ({ id: s.id, ...person, notified_on: s.notified_on })),
  };
}

/** What the subsidy rules need of this PIIS and its person (R-SUB-SECOND's verdict on a request). */
export function subsidyFactsOf(file: PiisFile): { facts: SubsidyFacts; piis: SubsidyPiisFacts } {
  const p = file.piis;
  const piis: SubsidyPiisFacts = {
    id: p.id,
    track: p.track,
    signedOn: p.signed_on,
    notedByCouncilOn: signaturesOf(file, 1).find((s) => s.row.party === 'cpas')?.row.noted_by_council_on ?? null,
    endedOn: p.ended_on,
    endsOn: p.ends_on,
    extensionRequestedOn: inForce(file.extensions).map((x) => x.requested_on),
  };
  const facts: SubsidyFacts = {
    birthDate: file.birthDate,
    rights: file.rights,
    suspensions: inForce(file.sanctions)
      .filter((s) => !s.suspended_sentence)
      .map((s) => ({ from: s.suspension_starts_on, to: s.suspension_ends_on, percent: s.partial_percent ?? 100 })),
    piis: [piis],
    exemptions: file.exemptions.map((e) => ({ decidedOn: e.decidedOn })),
    situations: file.situations,
  };
  return { facts, piis };
}
