// What the lifecycle actions share when they record a fact of a PIIS: the R-CORRECT check of a
// correcting record, its columns, the insert that adds it to the file, and the common result.
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import { refuse } from '../../rules/explained.js';
import * as repo from './piis.repository.js';
import type { JsonRow, PiisFactTable } from './piis.repository.js';
import { type Fact, type PiisFile } from './piis.file.js';
import { refusalError, remember, type Unit, type UnitResult } from './piis.unit.js';
import { msg, type Message } from '../../i18n/catalogue.js';

export const invalidPeriod = (rule: string, message: Message, path: string) =>
  refusalError(refuse('invalid-period', rule, message, path));

/** A correcting record names one in force of the same kind and PIIS, with its reason (R-CORRECT). */
export function checkCorrection<T>(facts: Fact<T>[], body: { supersedes?: string; reason?: string }): Fact<T> | null {
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

export const correctionColumns = (
  ctx: RequestContext,
  body: { supersedes?: string; reason?: string; externalRef?: string },
) => ({
  supersedes_id: body.supersedes ?? null,
  correction_reason: body.supersedes ? (body.reason ?? null) : null,
  external_ref: body.externalRef ?? null,
  recorded_by: ctx.actor,
});

/** Inserts a lifecycle record and adds it to the file; answers the row as written. */
export async function insertRecord(
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

export const created = <B>(body: B, location: string) => ({ status: 201 as const, body, location });
export const factOf = <T>(facts: Fact<T>[], id: string) => facts.find((f) => f.id === id)!;

/** The common result of recording a lifecycle fact: audited under its own table and id, an event of the PIIS. */
export function recordResult<B>(
  table: PiisFactTable,
  id: string,
  event: { type: string; data: Record<string, unknown> },
  respond: (f: PiisFile) => { status: 200 | 201; body: B; location?: string },
  action: 'create' | 'update' | 'void' = 'create',
): UnitResult<B> {
  return { audit: { action, entity: table, entityId: id }, events: [event], respond };
}
