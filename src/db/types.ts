// Table types as Kysely sees them (snake_case columns; the repositories map to camelCase).
// Dates are 'YYYY-MM-DD' strings and instants RFC 3339 strings (see database.ts parsers).
import type { ColumnType, Generated } from 'kysely';
import type { ActivationKind } from '../rules/activation-kinds.js';
import type { StaffRole, Subsidy as ExpenseSubsidy } from '../rules/expenses.js';

type Instant = ColumnType<string, string | undefined, string>;
/** where a transferred record came from, {transferId, fromKbo, sourceId}: written by the transfer's function only */
type Provenance = ColumnType<unknown, never, never>;

export interface CpasTable {
  id: string;
  kbo_number: string;
  name: { fr: string; nl: string; de: string };
  language: 'fr' | 'nl' | 'de';
  /** where the CPAS receives the public (the contract document prints it) */
  address: { street: string; postalCode: string; municipality: string } | null;
  contact: { phone?: string; email?: string; website?: string } | null;
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
  /** set by an accepted transfer: the record is read-only here from then on */
  transferred_out_at: ColumnType<string | null, never, never>;
  transferred_to_kbo: ColumnType<string | null, never, never>;
  transferred_from: Provenance;
  /** set when the retention period ended and the person was anonymised (piis_anonymise_person) */
  anonymised_at: ColumnType<string | null, never, never>;
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
  household_amount_cents: number | null;
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
  transferred_from: Provenance;
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
  transferred_from: Provenance;
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
  transferred_from: Provenance;
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
  transferred_from: Provenance;
  version: number;
  party: 'beneficiary' | 'cpas' | 'third_party';
  third_party_name: string | null;
  signed_on: string;
  signatory_name: string;
  noted_by_council_on: string | null;
}

export interface PiisEvaluationTable extends PiisFactColumns {
  transferred_from: Provenance;
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
  kind:
    | 'piis-conclusion'
    | 'reflection-end'
    | 'hearing-pending'
    | 'evaluation'
    | 'interview'
    | 'piis-end'
    | 'subsidy-extension'
    | 'sanction-appeal';
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
  data: ColumnType<object, string, string>;
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
  activation: ActivationKind | null;
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

export type ExpenseCategory =
  'staff' | 'rent' | 'activity' | 'equipment' | 'building_purchase' | 'renovation' | 'other';

export interface ExpenseTable {
  cpas_id: string;
  id: string;
  year: number;
  subsidy: ExpenseSubsidy;
  category: ExpenseCategory;
  amount_cents: number;
  description: string;
  /** R-PAS-COSTS: what the cost serves; required for a social-activation subsidy */
  activation: ActivationKind | null;
  staff: Json<{ timeShare: number; assignmentProof: string | null; role?: StaffRole | null } | null> | null;
  link_justification: string | null;
  invoice_ref: string | null;
  external_ref: string | null;
  recorded_at: Instant;
  recorded_by: string;
}

export interface ReportRunTable {
  cpas_id: string;
  id: string;
  report: 'subsidy' | 'indicators' | 'pas-modules' | 'justification' | 'rapport-unique-pas' | 'rapport-unique-piis10';
  year: number;
  subsidy: ExpenseSubsidy | null;
  figures: Json<object>;
  rule_versions: Json<Array<{ id: string; effectiveFrom: string }>>;
  inputs_hash: string;
  frozen_at: Instant;
  frozen_by: string;
}

/** Webhook subscriptions, their messages (one per event) and every delivery attempt. */
export interface WebhookSubscriptionTable {
  cpas_id: string;
  id: string;
  url: string;
  events: string[];
  description: string | null;
  secret: string;
  status: Generated<'enabled' | 'disabled' | 'deleted'>;
  status_reason: string | null;
  status_changed_at: Instant | null;
  cursor_tx: string;
  cursor_id: string;
  created_at: Generated<string>;
  created_by: string;
  external_ref: string | null;
}

export interface WebhookMessageTable {
  cpas_id: string;
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  payload: string;
  status: Generated<'pending' | 'delivered' | 'failed' | 'cancelled'>;
  attempts: Generated<number>;
  next_attempt_at: Instant | null;
  first_attempt_at: Instant | null;
  created_at: Generated<string>;
  finished_at: Instant | null;
}

export type WebhookOutcome = 'delivered' | 'http-error' | 'timeout' | 'network-error' | 'refused';

export interface WebhookAttemptTable {
  cpas_id: string;
  id: string;
  webhook_id: string;
  message_id: string;
  attempt: number;
  attempted_at: Instant;
  duration_ms: number;
  outcome: WebhookOutcome;
  status_code: number | null;
  error: string | null;
  next_attempt_at: Instant | null;
}

/** Evidence attachments: metadata, and the bytes apart (a purge removes them, the hash stays). */
export interface AttachmentTable {
  cpas_id: string;
  id: string;
  piis_id: string;
  fact_id: string | null;
  purpose: 'signed_contract' | 'reflection_waiver' | 'notice_delivery' | 'hearing_minutes';
  media_type: 'application/pdf' | 'image/png' | 'image/jpeg';
  size: number;
  sha256: string;
  file_name: string | null;
  uploaded_at: Generated<string>;
  uploaded_by: string;
  external_ref: string | null;
  content_removed_at: Instant | null;
}

export interface AttachmentContentTable {
  cpas_id: string;
  id: string;
  bytes: Buffer;
}

/** Bulk imports: the job (with the file until it ends) and one verdict per row. */
export type ImportKind = 'beneficiaries' | 'right_decisions' | 'assessments' | 'piis';
export type ImportVerdict = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportJobTable {
  cpas_id: string;
  id: string;
  kind: ImportKind;
  format: 'ndjson' | 'csv';
  dry_run: boolean;
  status: Generated<'queued' | 'running' | 'completed' | 'failed'>;
  payload: Buffer | null;
  payload_sha256: string;
  payload_bytes: number;
  total_rows: number | null;
  next_row: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  lease_until: Instant | null;
  failure: string | null;
  created_at: Generated<string>;
  created_by: string;
  started_at: Instant | null;
  finished_at: Instant | null;
}

export interface ImportRowTable {
  cpas_id: string;
  import_id: string;
  row_number: number;
  external_ref: string | null;
  verdict: ImportVerdict;
  record_id: string | null;
  code: string | null;
  rule: string | null;
  detail: string | null;
}

/**
 * Contract documents as first rendered from a set of facts (their bytes may be removed by retention; the hash stays).
 */
export interface PiisDocumentTable {
  cpas_id: string;
  piis_id: string;
  version: number;
  lang: 'fr' | 'nl' | 'de';
  input_sha256: string;
  sha256: string;
  size: number;
  bytes: Buffer | null;
  rendered_at: Generated<string>;
}

/** A transfer as each party holds it: the sender's outgoing row, the receiver's incoming one (same id). */
export interface TransferTable {
  cpas_id: string;
  id: string;
  direction: 'outgoing' | 'incoming';
  beneficiary_id: string | null;
  counterpart_cpas_id: string;
  counterpart_kbo: string;
  legal_basis: string;
  consent_on: string | null;
  requested_on: string;
  status: Generated<'pending' | 'accepted' | 'refused'>;
  decided_at: Instant | null;
  decided_by: string | null;
  refusal_reason: string | null;
  copied: ColumnType<Record<string, unknown> | null, never, never>;
  created_at: Generated<string>;
  created_by: string;
}

/**
 * Indicator rollups (R-IND-*): indicator_tally and indicator_rollup are read and written in raw SQL (their count
 * columns follow TALLY_COUNTS).
 */
export interface RollupDirtyTable {
  cpas_id: string;
  beneficiary_id: string;
  /** whether the person's subsidy months need recomputing too (not for indicator-only facts) */
  subsidy: Generated<boolean>;
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
  webhook_subscription: WebhookSubscriptionTable;
  webhook_message: WebhookMessageTable;
  webhook_attempt: WebhookAttemptTable;
  attachment: AttachmentTable;
  attachment_content: AttachmentContentTable;
  import_job: ImportJobTable;
  import_row: ImportRowTable;
  piis_document: PiisDocumentTable;
  transfer: TransferTable;
}
