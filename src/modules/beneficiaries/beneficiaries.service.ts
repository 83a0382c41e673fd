// Beneficiaries: registration with NISS validation (R-ID-NISS), search, reads with access
// logging, and merge-patch updates under If-Match.
import type { Outcome, RequestContext } from '../../core/context.js';
import { created, ok } from '../../core/context.js';
import { readPersonal, writeUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { assertFactDate } from '../../core/guards.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { etagOf } from '../../core/etag.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Tx } from '../../db/tenant.js';
import { checkNiss } from '../../rules/identifiers.js';
import { appendChange } from '../../core/audit-append.js';
import * as repo from './beneficiaries.repository.js';
import type {
  Beneficiary,
  BeneficiaryCreateBody,
  BeneficiaryListQuery,
  BeneficiaryPatchBody,
} from './beneficiaries.schemas.js';
import { msg } from '../../i18n/catalogue.js';

/** A NISS as stored: digits only (dots, dashes and spaces of a written NISS dropped). */
export const normaliseNiss = (s: string) => s.replace(/[\s.-]/g, '');

export function validNiss(input: string) {
  const niss = normaliseNiss(input);
  const check = checkNiss(niss);
  if (!check.valid) {
    throw new AppError('invalid-niss', msg('niss.invalid', { reason: check.reason }), {
      rule: 'R-ID-NISS',
      errors: [{ path: '/body/niss', message: check.reason }],
    });
  }
  return { niss, check };
}

/** The birth date to store: the one given, checked against the NISS, else the NISS's own. */
export function birthDateFor(
  check: Extract<ReturnType<typeof checkNiss>, { valid: true }>,
  given: string | null | undefined,
  today: string,
): string | null {
  if (given === undefined || given === null) return check.birthDate;
  assertFactDate(given, today, '/body/birthDate');
  const matches = check.birthDate ? given === check.birthDate : given.startsWith(`${check.birthYear}-`);
  if (!matches) {
    throw new AppError('birth-date-mismatch', msg('niss.birth-date-mismatch', { explanation: check.explanation }), {
      rule: 'R-ID-NISS',
    });
  }
  return given;
}

async function assertPartner(
  tx: Tx,
  cpasId: string,
  partnerId: string | null | undefined,
  selfId: string,
): Promise<void> {
  if (!partnerId) return;
  if (partnerId === selfId || !(await repo.findIdBy(tx, cpasId, { id: partnerId }))) {
    throw new AppError('invalid-partner', msg('check.partner'), { rule: 'R-COUPLE' });
  }
}

/**
 * A unique violation means a concurrent request won the race the service's own checks could not
 * see: answer the same 409 (the transaction is aborted, so the existing id is read afresh).
 */
async function conflictFrom(ctx: RequestContext, error: unknown, niss: string | undefined): Promise<never> {
  const constraint = uniqueViolation(error);
  if (constraint !== null && constraint.includes('niss') && niss) {
    const existing = await ctx.database.unit(ctx.cpasId, (tx) => repo.findIdBy(tx, ctx.cpasId, { niss }));
    throw new AppError('duplicate-beneficiary', msg('conflict.beneficiary-niss'), { existingId: existing?.id });
  }
  if (constraint !== null && constraint.includes('external_ref')) {
    throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'beneficiary' }));
  }
  throw error;
}

export async function createBeneficiary(
  ctx: RequestContext,
  body: BeneficiaryCreateBody,
): Promise<Outcome<Beneficiary>> {
  const { niss, check } = validNiss(body.niss);
  const birthDate = birthDateFor(check, body.birthDate, ctx.today);
  return writeUnit(ctx, async (tx) => {
    const existing = await repo.findIdBy(tx, ctx.cpasId, { niss });
    if (existing) {
      throw new AppError('duplicate-beneficiary', msg('conflict.beneficiary-niss'), { existingId: existing.id });
    }
    if (body.externalRef && (await repo.findIdBy(tx, ctx.cpasId, { externalRef: body.externalRef }))) {
      throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'beneficiary' }));
    }
    const id = uuidv7();
    await assertPartner(tx, ctx.cpasId, body.partnerId, id);
    const beneficiary = await repo.insertBeneficiary(tx, {
      cpas_id: ctx.cpasId,
      id,
      niss,
      given_name: body.givenName,
      family_name: body.familyName,
      birth_date: birthDate,
      language: body.language,
      partner_id: body.partnerId ?? null,
      external_ref: body.externalRef ?? null,
      created_by: ctx.actor,
    });
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'beneficiary',
      entityId: id,
      event: { type: 'beneficiary.created', data: { id } },
    });
    return created(beneficiary, `/v1/beneficiaries/${id}`, etagOf(beneficiary.version));
  }).catch((error) => conflictFrom(ctx, error, niss));
}

export async function getBeneficiary(ctx: RequestContext, id: string): Promise<Outcome<Beneficiary>> {
  const [row] = await readPersonal(ctx, 'beneficiary', repo.beneficiaryById(ctx.database.db, ctx.cpasId, id).compile());
  const beneficiary = row && repo.toBeneficiary(row);
  if (!beneficiary) throw new AppError('not-found', msg('not-found.beneficiary'));
  return ok(beneficiary, etagOf(beneficiary.version));
}

export async function listBeneficiaries(ctx: RequestContext, query: BeneficiaryListQuery) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  let niss: string | undefined;
  if (query.niss !== undefined) {
    niss = normaliseNiss(query.niss);
    // a filter value that cannot match returns an empty list (contract §2 "Lists")
    if (!checkNiss(niss).valid) return { items: [], nextCursor: null };
  }
  const rows = await readPersonal(
    ctx,
    'beneficiary',
    repo.searchBeneficiariesQuery(ctx.database.db, ctx.cpasId, {
      niss,
      externalRef: query.externalRef,
      q: query.q,
      afterId,
      limit: limit + 1,
    }),
  );
  return pageOf(rows.map(repo.toBeneficiary), limit);
}

export async function updateBeneficiary(
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: BeneficiaryPatchBody,
): Promise<Outcome<Beneficiary>> {
  const nissChange = patch.niss !== undefined ? validNiss(patch.niss) : null;
  return writeUnit(ctx, async (tx) => {
    const current = await repo.findIdBy(tx, ctx.cpasId, { id });
    if (!current) throw new AppError('not-found', msg('not-found.beneficiary'));
    if (current.version !== expectedVersion) {
      throw new AppError(
        'precondition-failed',
        msg('conflict.changed', { entity: 'beneficiary', etag: etagOf(current.version) }),
      );
    }
    if (nissChange && patch.birthDate !== undefined) birthDateFor(nissChange.check, patch.birthDate, ctx.today);
    else if (patch.birthDate) assertFactDate(patch.birthDate, ctx.today, '/body/birthDate');
    await assertPartner(tx, ctx.cpasId, patch.partnerId, id);
    const changes = {
      ...(nissChange ? { niss: nissChange.niss } : {}),
      ...(nissChange && patch.birthDate === undefined ? { birth_date: nissChange.check.birthDate } : {}),
      ...(patch.givenName !== undefined ? { given_name: patch.givenName } : {}),
      ...(patch.familyName !== undefined ? { family_name: patch.familyName } : {}),
      ...(patch.birthDate !== undefined ? { birth_date: patch.birthDate } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.partnerId !== undefined ? { partner_id: patch.partnerId } : {}),
      ...(patch.externalRef !== undefined ? { external_ref: patch.externalRef } : {}),
    };
    const updated = await repo.updateBeneficiary(tx, ctx.cpasId, id, expectedVersion, changes);
    // Of two writers holding the same ETag, the second finds the version moved on: 412.
    if (!updated)
      throw new AppError('precondition-failed', msg('conflict.changed', { entity: 'beneficiary', etag: 'none' }));
    await appendChange(tx, ctx, {
      action: 'update',
      entity: 'beneficiary',
      entityId: id,
      event: { type: 'beneficiary.updated', data: { id, fields: Object.keys(patch) } },
    });
    return ok(updated, etagOf(updated.version));
  }).catch((error) => conflictFrom(ctx, error, nissChange?.niss));
}
