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

export interface DB {
  cpas: CpasTable;
  cpas_nis_code: CpasNisCodeTable;
  beneficiary: BeneficiaryTable;
  right_decision: RightDecisionTable;
  situation: SituationTable;
  exemption: ExemptionTable;
  audit_entry: AuditEntryTable;
  audit_chain: AuditChainTable;
  audit_checkpoint: AuditCheckpointTable;
  outbox_event: OutboxEventTable;
  idempotency_key: IdempotencyKeyTable;
}
