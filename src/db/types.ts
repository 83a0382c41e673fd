// Table types as Kysely sees them (snake_case columns; the repositories map to camelCase).
// Dates are 'YYYY-MM-DD' strings and instants RFC 3339 strings (see database.ts parsers).
import type { ColumnType, Generated } from 'kysely';

type Instant = ColumnType<string, string | undefined, string>;

export interface CpasTable {
  id: string;
  kbo_number: string;
  name: { fr: string; nl: string; de: string };
  language: 'fr' | 'nl' | 'de';
  version: Generated<number>;
  created_at: Instant;
  created_by: string;
}

export interface CpasNisCodeTable {
  nis_code: string;
  cpas_id: string;
  valid_from: ColumnType<string, string | undefined, string>;
  valid_to: string | null;
}

export interface BeneficiaryTable {
  cpas_id: string;
  id: string;
  niss: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  language: 'fr' | 'nl' | 'de';
  partner_id: string | null;
  external_ref: string | null;
  version: Generated<number>;
  created_at: Instant;
  created_by: string;
  updated_at: Instant;
}

/** Columns of facts that are corrected, never edited (R-CORRECT). */
export interface CorrectionColumns {
  supersedes_id: string | null;
  correction_reason: string | null;
  voided_at: string | null;
  void_reason: string | null;
  voided_by: string | null;
  external_ref: string | null;
  recorded_at: Instant;
  recorded_by: string;
}

export interface RightDecisionTable extends CorrectionColumns {
  cpas_id: string;
  id: string;
  beneficiary_id: string;
  kind: 'ri' | 'equivalent_aid' | 'end';
  category: 'cohabitant' | 'isolated' | 'family' | null;
  decided_on: string;
  notified_on: string | null;
  starts_on: string;
  monthly_amount_cents: number | null;
}

export interface SituationTable extends CorrectionColumns {
  cpas_id: string;
  id: string;
  beneficiary_id: string;
  kind: 'employment' | 'studies' | 'training';
  starts_on: string;
  ends_on: string | null;
}

export interface ExemptionTable extends CorrectionColumns {
  cpas_id: string;
  id: string;
  beneficiary_id: string;
  reason: 'health' | 'equity';
  decided_on: string;
  motivation: string;
}

/** A jsonb column: read as the value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface AssessmentTable extends CorrectionColumns {
  cpas_id: string;
  id: string;
  beneficiary_id: string;
  performed_on: string;
  kind: 'initial' | 'intermediate' | 'final';
  instrument: string;
  domain_scores: Json<Array<{ domain: string; score: number }>>;
  participation_rung: number | null;
  aspirations: string | null;
  aptitudes: string | null;
  qualifications: string | null;
  needs: string | null;
  barriers: Json<string[]>;
}

export type PiisStage = 'draft' | 'in_reflection' | 'signed' | 'closed';

export interface PiisTable {
  cpas_id: string;
  id: string;
  beneficiary_id: string;
  track: 'general' | 'student';
  obligation: 'compulsory' | 'optional' | 'coaching';
  drafted_on: string;
  stage: ColumnType<PiisStage, PiisStage | undefined, PiisStage>;
  current_version: ColumnType<number, number | undefined, number>;
  starts_on: string | null;
  ends_on: string | null;
  baseline_assessment_id: string | null;
  reuses_piis_id: string | null;
  handed_over_on: string | null;
  informed_on: string | null;
  assisted_by: Json<{ name: string; relation: string } | null> | null;
  reflection_waiver: Json<{ recordedOn: string; statement: string } | null> | null;
  signed_on: string | null;
  ended_on: string | null;
  close_outcome: string | null;
  close_note: string | null;
  external_ref: string | null;
  version: Generated<number>;
  created_at: Instant;
  created_by: string;
  updated_at: Instant;
  file_doc: ColumnType<unknown, never, never>;
}

export interface PiisVersionTable {
  cpas_id: string;
  id: string;
  piis_id: string;
  version: number;
  kind: 'initial' | 'amendment' | 'prolongation';
  content: Json<Record<string, unknown>>;
  effective_on: string | null;
  reason: string | null;
  informed_on: string | null;
  created_at: Instant;
  created_by: string;
}

interface PiisFactColumns extends CorrectionColumns {
  cpas_id: string;
  id: string;
  piis_id: string;
}

export interface PiisHearingRequestTable extends PiisFactColumns {
  requested_on: string;
  held_on: string | null;
  withdrawn_on: string | null;
}

export interface PiisSignatureTable extends PiisFactColumns {
  version: number;
  party: 'beneficiary' | 'cpas' | 'third_party';
  third_party_name: string | null;
  signed_on: string;
  signatory_name: string;
  noted_by_council_on: string | null;
}

export interface PiisEvaluationTable extends PiisFactColumns {
  version: number;
  held_on: string;
  mode: 'in_person' | 'remote' | 'written';
  objectives: Json<Array<{ key: string; status: string; note?: string }>>;
  commitments_kept: Json<{ beneficiary: boolean; cpas: boolean }>;
  assessment_id: string | null;
  adjustments: string | null;
  prolongation_motivation: string | null;
}

export interface PiisInterviewRequestTable extends PiisFactColumns {
  requested_on: string;
  held_on: string | null;
}

export interface PiisNoticeTable extends PiisFactColumns {
  issued_on: string;
  breach: string;
  comply_by: string;
}

export interface PiisSanctionTable extends PiisFactColumns {
  notice_id: string;
  decided_on: string;
  notified_on: string;
  hearing_requested: boolean;
  hearing_held_on: string | null;
  no_legitimate_reason: boolean;
  suspension_starts_on: string;
  suspension_ends_on: string;
  partial_percent: number | null;
  suspended_sentence: boolean;
}

export interface PiisSubsidyExtensionRequestTable extends PiisFactColumns {
  requested_on: string;
  motivation: string;
  evaluation_id: string | null;
}

export interface DeadlineTable {
  cpas_id: string;
  id: string;
  beneficiary_id: string;
  piis_id: string | null;
  record_id: string | null;
  kind: 'piis-conclusion' | 'reflection-end' | 'hearing-pending' | 'evaluation' | 'interview' | 'piis-end' | 'subsidy-extension' | 'sanction-appeal';
  due_on: string;
  met: boolean;
  rule: string;
  explanation: string;
}

export type AuditAction = 'read' | 'create' | 'update' | 'transition' | 'void' | 'export' | 'refused';

export interface AuditEntryTable {
  cpas_id: string;
  id: string;
  at: Instant;
  actor: string;
  action: AuditAction;
  entity: string;
  entity_id: string | null;
  entity_ids: string[] | null;
  request_id: string;
  outcome: ColumnType<string, string | undefined, string>;
  tx_id: Generated<string>;
}

export interface AuditChainTable {
  cpas_id: string;
  position: number;
  entry_id: string;
  prev_hash: string;
  hash: string;
  sealed_at: Instant;
}

export interface AuditCheckpointTable {
  cpas_id: string;
  position: number;
  hash: string;
  at: Instant;
}

export interface OutboxEventTable {
  cpas_id: string;
  id: string;
  type: string;
  occurred_at: Instant;
  entity: string;
  entity_id: string | null;
  actor: string;
  data: ColumnType<unknown, string, string>;
  request_id: string;
  tx_id: Generated<string>;
}

export interface IdempotencyKeyTable {
  cpas_id: string;
  principal: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: ColumnType<StoredResponse, string, string>;
  created_at: Instant;
  expires_at: string;
}

export interface StoredResponse {
  headers: Record<string, string>;
  body: unknown;
}

export interface ActivationModuleTable {
  cpas_id: string;
  id: string;
  theme: string;
  title: string;
  partners: Json<string[]>;
  starts_on: string;
  ends_on: string | null;
  hours: number;
  notes: string | null;
  external_ref: string | null;
  created_at: Instant;
  created_by: string;
}

export interface ActivationParticipantTable {
  cpas_id: string;
  id: string;
  module_id: string;
  beneficiary_id: string;
  piis_id: string | null;
  enrolled_at: Instant;
  enrolled_by: string;
}

export interface ActivationSessionTable {
  cpas_id: string;
  id: string;
  module_id: string;
  held_on: string;
  hours: number;
  recorded_at: Instant;
  recorded_by: string;
}

export interface ActivationAttendanceTable {
  cpas_id: string;
  session_id: string;
  beneficiary_id: string;
}

export type ExpenseCategory = 'staff' | 'rent' | 'activity' | 'equipment' | 'building_purchase' | 'renovation' | 'other';

export interface ExpenseTable {
  cpas_id: string;
  id: string;
  year: number;
  subsidy: 'piis10' | 'pas';
  category: ExpenseCategory;
  amount_cents: number;
  description: string;
  staff: Json<{ timeShare: number; assignmentProof: string | null } | null> | null;
  link_justification: string | null;
  invoice_ref: string | null;
  external_ref: string | null;
  recorded_at: Instant;
  recorded_by: string;
}

export interface ReportRunTable {
  cpas_id: string;
  id: string;
  report: 'subsidy' | 'indicators' | 'pas-modules' | 'justification';
  year: number;
  subsidy: 'piis10' | 'pas' | null;
  figures: Json<unknown>;
  rule_versions: Json<Array<{ id: string; effectiveFrom: string }>>;
  inputs_hash: string;
  frozen_at: Instant;
  frozen_by: string;
}

/** Indicator rollups (R-IND-*): indicator_tally and indicator_rollup are read and written in raw SQL (their count columns follow TALLY_COUNTS). */
export interface RollupDirtyTable {
  cpas_id: string;
  beneficiary_id: string;
}

export interface RollupCoverageTable {
  cpas_id: string;
  through_year: number;
}

export interface DB {
  cpas: CpasTable;
  cpas_nis_code: CpasNisCodeTable;
  beneficiary: BeneficiaryTable;
  right_decision: RightDecisionTable;
  situation: SituationTable;
  exemption: ExemptionTable;
  assessment: AssessmentTable;
  piis: PiisTable;
  deadline: DeadlineTable;
  piis_version: PiisVersionTable;
  piis_hearing_request: PiisHearingRequestTable;
  piis_signature: PiisSignatureTable;
  piis_evaluation: PiisEvaluationTable;
  piis_interview_request: PiisInterviewRequestTable;
  piis_notice: PiisNoticeTable;
  piis_sanction: PiisSanctionTable;
  piis_subsidy_extension_request: PiisSubsidyExtensionRequestTable;
  audit_entry: AuditEntryTable;
  audit_chain: AuditChainTable;
  audit_checkpoint: AuditCheckpointTable;
  outbox_event: OutboxEventTable;
  idempotency_key: IdempotencyKeyTable;
  activation_module: ActivationModuleTable;
  activation_participant: ActivationParticipantTable;
  activation_session: ActivationSessionTable;
  activation_attendance: ActivationAttendanceTable;
  expense: ExpenseTable;
  report_run: ReportRunTable;
  rollup_dirty: RollupDirtyTable;
  rollup_coverage: RollupCoverageTable;
}
