// Transfers of a person's file between CPAS (createTransfer, listTransfers, getTransfer,
// acceptTransfer, refuseTransfer). The sender offers; the receiver sees an envelope only, and on
// acceptance gets a copy of the file with its provenance; the sender keeps its history read-only.
import { created, ok, type Outcome, type RequestContext } from '../../core/context.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { AppError } from '../../core/problem.js';
import { assertIfMatch } from '../../core/etag.js';
import { assertFactDate } from '../../core/guards.js';
import { readUnit, writeUnit } from '../../core/work.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import { isValidKbo } from '../../rules/identifiers.js';
import { appendChange } from '../../core/audit-append.js';
import { refreshDeadlines } from '../deadlines/index.js';
import type { Transfer, TransferBody, TransferListQuery } from './transfers.schemas.js';
import * as repo from './transfers.repository.js';
import { msg } from '../../i18n/catalogue.js';

const NO_TRANSFER = () => new AppError('not-found', msg('not-found.transfer'));

/** The owner functions' refusals, as problems. */
function fromDatabase(error: unknown): never {
  const code = (error as { code?: string })?.code;
  if (code === 'PT404') throw NO_TRANSFER();
  if (code === 'PT409') throw new AppError('invalid-state', msg('conflict.transfer-decided'));
  throw error;
}

export async function createTransfer(
  ctx: RequestContext,
  beneficiaryId: string,
  body: TransferBody,
): Promise<Outcome<Transfer>> {
  if (!isValidKbo(body.toKboNumber))
    throw new AppError('invalid-kbo', msg('check.kbo-invalid'), {
      errors: [{ path: '/body/toKboNumber', message: msg('check.kbo-check-digits') }],
    });
  const requestedOn = body.requestedOn ?? ctx.today;
  assertFactDate(requestedOn, ctx.today, '/body/requestedOn');
  if (body.consentOn) assertFactDate(body.consentOn, ctx.today, '/body/consentOn');
  return writeUnit(ctx, async (tx) => {
    const person = await repo.personState(tx, ctx.cpasId, beneficiaryId);
    if (!person) throw new AppError('not-found', msg('not-found.beneficiary'));
    if (person.transferred_out_at) throw new AppError('invalid-state', msg('conflict.already-transferred'));
    const to = await repo.cpasByKbo(tx, body.toKboNumber);
    if (!to) throw new AppError('invalid-reference', msg('check.no-cpas-with-kbo'));
    if (to.id === ctx.cpasId) throw new AppError('invalid-reference', msg('check.transfer-to-self'));
    const id = uuidv7();
    await repo.insertTransfer(tx, {
      cpas_id: ctx.cpasId,
      id,
      direction: 'outgoing',
      beneficiary_id: beneficiaryId,
      counterpart_cpas_id: to.id,
      counterpart_kbo: body.toKboNumber,
      legal_basis: body.legalBasis,
      consent_on: body.consentOn ?? null,
      requested_on: requestedOn,
      decided_at: null,
      decided_by: null,
      refusal_reason: null,
      created_by: ctx.actor,
    });
    await repo.offer(tx, id, ctx.actor);
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'transfer',
      entityId: id,
      event: { type: 'transfer.requested', data: { id, beneficiaryId, toKbo: body.toKboNumber } },
    });
    const [row] = (await tx.executeQuery(repo.transfersQuery(tx, ctx.cpasId, { id }))).rows;
    return created(toTransfer(row!), `/v1/transfers/${id}`, `"${row!.status}"`);
  }).catch((error) => {
    if (uniqueViolation(error) !== null) throw new AppError('invalid-state', msg('conflict.transfer-pending'));
    throw error;
  });
}

export async function decideTransfer(
  ctx: RequestContext,
  transferId: string,
  ifMatch: string | undefined,
  accept: boolean,
  reason: string | null,
): Promise<Outcome<Transfer>> {
  return writeUnit(ctx, async (tx) => {
    if (ifMatch !== undefined) {
      const [before] = (await tx.executeQuery(repo.transfersQuery(tx, ctx.cpasId, { id: transferId }))).rows;
      if (!before) throw NO_TRANSFER();
      assertIfMatch(ifMatch, `"${before.status}"`);
    }
    const copied = await repo.decide(tx, transferId, accept, ctx.actor, reason).catch(fromDatabase);
    const [row] = (await tx.executeQuery(repo.transfersQuery(tx, ctx.cpasId, { id: transferId }))).rows;
    if (accept && copied) {
      // the copied file's deadlines, computed here as for any change of the person's facts
      await refreshDeadlines(tx, ctx.cpasId, ctx.today, [copied['beneficiaryId'] as string]);
    }
    await appendChange(tx, ctx, {
      action: 'transition',
      entity: 'transfer',
      entityId: transferId,
      event: accept
        ? {
            type: 'transfer.accepted',
            data: { id: transferId, beneficiaryId: row!.beneficiary_id, fromKbo: row!.counterpart_kbo },
          }
        : { type: 'transfer.refused', data: { id: transferId, fromKbo: row!.counterpart_kbo } },
    });
    return ok(toTransfer(row!), `"${row!.status}"`);
  });
}

export async function listTransfers(ctx: RequestContext, query: TransferListQuery) {
  const limit = query.limit ?? 50;
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await tx.executeQuery(
          repo.transfersQuery(tx, ctx.cpasId, {
            direction: query.direction,
            status: query.status,
            afterId: decodeCursor(query.cursor),
            limit: limit + 1,
          }),
        )
      ).rows,
  );
  const page = pageOf(rows, limit);
  return { items: page.items.map(toTransfer), nextCursor: page.nextCursor };
}

export async function getTransfer(ctx: RequestContext, transferId: string): Promise<Outcome<Transfer>> {
  const [row] = await readUnit(
    ctx,
    async (tx) => (await tx.executeQuery(repo.transfersQuery(tx, ctx.cpasId, { id: transferId }))).rows,
  );
  if (!row) throw NO_TRANSFER();
  return ok(toTransfer(row), `"${row.status}"`);
}

function toTransfer(row: repo.TransferRow): Transfer {
  const copied = row.copied as Transfer['copied'];
  return {
    id: row.id,
    direction: row.direction,
    status: row.status,
    beneficiaryId: row.beneficiary_id,
    counterpartKbo: row.counterpart_kbo,
    legalBasis: row.legal_basis,
    consentOn: row.consent_on,
    healthDataIncluded: row.consent_on !== null,
    requestedOn: row.requested_on,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    refusalReason: row.refusal_reason,
    copied: copied ?? null,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
