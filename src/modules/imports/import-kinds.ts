// What each kind of import row is and how it is applied. A row is the body the API takes to
// create the record, with its externalRef required (the key that makes re-running a file safe)
// and — for rows about a person — the person named by beneficiaryId or beneficiaryExternalRef.
// Rows go through the same service functions as API calls (every rule, audit entry, event and
// deadline as for a POST), each in a savepoint of its batch's transaction.
import { Type, type TObject } from 'typebox';
import { sql } from 'kysely';
import type { Outcome, RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { ExternalRef, Uuid } from '../../http/schemas.js';
import type { Tx } from '../../db/tenant.js';
import type { ImportKind } from '../../db/types.js';
import {
  BeneficiaryCreateBody,
  createBeneficiary,
  normaliseNiss,
  updateBeneficiary,
  toBeneficiary,
} from '../beneficiaries/index.js';
import { RightCreateBody, recordFact, rightDecisions } from '../facts/index.js';
import { AssessmentCreateBody, createAssessment, toAssessment } from '../assessments/index.js';
import { PiisCreateBody, createPiis, loadFile, updatePiisDraft, toPiis } from '../piis/index.js';
import { msg } from '../../i18n/catalogue.js';

const PersonRef = {
  beneficiaryId: Type.Optional(Uuid('The person, by id')),
  beneficiaryExternalRef: Type.Optional(ExternalRef),
};

/** A row: the create body with externalRef required (and, for facts of a person, who it is about). */
function rowSchema(body: TObject, aboutPerson: boolean): TObject {
  return Type.Object(
    { ...body.properties, externalRef: ExternalRef, ...(aboutPerson ? PersonRef : {}) },
    { additionalProperties: false },
  );
}

export interface Existing {
  id: string;
  /** the record as the API shows it */
  api: Record<string, unknown>;
}

/** A stored record as read from its table. */
export type StoredRow = Record<string, unknown> & { id: string; external_ref: string };

export interface KindSpec {
  schema: TObject;
  aboutPerson: boolean;
  /** the table whose external_ref the rows' externalRef is */
  table: 'beneficiary' | 'right_decision' | 'assessment' | 'piis';
  /** a stored row as the record the API shows */
  toExisting(tx: Tx, ctx: RequestContext, row: StoredRow): Promise<Existing>;
  create(ctx: RequestContext, beneficiaryId: string | null, body: Record<string, unknown>): Promise<Outcome>;
  /** brings an existing record to the row's values; without it a differing row is refused */
  update?(ctx: RequestContext, existing: Existing, body: Record<string, unknown>): Promise<Outcome>;
}

/**
 * The records of the kind that carry these externalRefs, in one statement per batch of rows (a
 * statement per row is planned each time against statistics that the import itself outdates: on
 * a CPAS new to the statistics, the planner took another index of cpas_id and read every person).
 */
export async function existingByRef(
  tx: Tx,
  cpasId: string,
  spec: KindSpec,
  externalRefs: readonly string[],
): Promise<Map<string, StoredRow>> {
  if (externalRefs.length === 0) return new Map();
  const { rows } =
    await sql<StoredRow>`select * from ${sql.table(spec.table)} where cpas_id = ${cpasId} and external_ref =
      any(${[...externalRefs]}::text[])`.execute(tx);
  return new Map(rows.map((r) => [r.external_ref, r]));
}

export const KINDS: Record<ImportKind, KindSpec> = {
  beneficiaries: {
    schema: rowSchema(BeneficiaryCreateBody, false),
    aboutPerson: false,
    table: 'beneficiary',
    toExisting: async (_tx, _ctx, row) => ({ id: row.id, api: toBeneficiary(row as never) as never }),
    create: (ctx, _b, body) => createBeneficiary(ctx, body as never),
    update: (ctx, existing, body) =>
      updateBeneficiary(
        ctx,
        existing.id,
        existing.api['version'] as number,
        changedFields(body, existing.api) as never,
      ),
  },
  right_decisions: {
    schema: rowSchema(RightCreateBody, true),
    aboutPerson: true,
    table: 'right_decision',
    toExisting: async (_tx, _ctx, row) => ({ id: row.id, api: rightDecisions.toApi(row as never) }),
    create: (ctx, beneficiaryId, body) => recordFact(rightDecisions, ctx, beneficiaryId!, body as never),
  },
  assessments: {
    schema: rowSchema(AssessmentCreateBody, true),
    aboutPerson: true,
    table: 'assessment',
    toExisting: async (_tx, _ctx, row) => ({ id: row.id, api: toAssessment(row as never) as never }),
    create: (ctx, beneficiaryId, body) => createAssessment(ctx, beneficiaryId!, body as never),
  },
  piis: {
    schema: rowSchema(PiisCreateBody, true),
    aboutPerson: true,
    table: 'piis',
    toExisting: async (tx, ctx, row) => ({
      id: row.id,
      api: toPiis(await loadFile(tx, ctx, row.id), ctx.today, ctx.lang) as never,
    }),
    create: (ctx, beneficiaryId, body) => createPiis(ctx, beneficiaryId!, body as never),
    update: (ctx, existing, body) => {
      // a draft's content may change; after its handover a PIIS changes by amendment only
      if (existing.api['status'] !== 'draft') throw new AppError('invalid-state', msg('check.piis-not-draft'));
      return updatePiisDraft(
        ctx,
        existing.id,
        existing.api['revision'] as number,
        changedFields(body, existing.api) as never,
      );
    },
  },
};

const REFERENCE_FIELDS = new Set(['beneficiaryId', 'beneficiaryExternalRef']);
const normalise = (key: string, value: unknown) =>
  key === 'niss' && typeof value === 'string' ? normaliseNiss(value) : value;

/** The fields of a row whose value differs from the record's (the row's reference fields aside). */
export function changedFields(body: Record<string, unknown>, api: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (REFERENCE_FIELDS.has(key)) continue;
    if (!deepEqual(normalise(key, value), normalise(key, api[key]))) changed[key] = value;
  }
  return changed;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const bo = b as Record<string, unknown>;
    // the row may omit what the record shows as null or empty
    return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], bo[k]));
  }
  return false;
}
