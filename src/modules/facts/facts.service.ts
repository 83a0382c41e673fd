// Recording, listing and voiding the facts of a beneficiary. Each kind says how its body is
// checked and stored; the correction mechanics (R-CORRECT) are shared.
import type { Outcome, RequestContext } from '../../http/context.js';
import { created, ok } from '../../http/context.js';
import { readUnit, recordAccess, writeUnit } from '../../http/work.js';
import { AppError } from '../../http/problem.js';
import { assertCalendarDate, assertFactDate } from '../../http/guards.js';
import { decodeCursor, pageOf } from '../../http/cursor.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Tx } from '../../db/tenant.js';
import { appendChange } from '../audit/audit.repository.js';
import { refreshDeadlines } from '../deadlines/deadlines.engine.js';
import { findIdBy } from '../beneficiaries/beneficiaries.repository.js';
import * as repo from './facts.repository.js';
import type { FactRow, FactTable } from './facts.repository.js';
import type { ExemptionCreateBody, FactListQuery, RightCreateBody, SituationCreateBody } from './facts.schemas.js';

export interface FactKind<Body> {
  table: FactTable;
  /** path segment under /v1/beneficiaries/{id}/ */
  segment: string;
  /** event type prefix, e.g. right_decision → right_decision.recorded */
  label: string;
  rule: string;
  check(body: Body, today: string): void;
  columns(body: Body): Record<string, unknown>;
  correction(body: Body): { supersedes?: string; reason?: string; externalRef?: string };
  toApi(row: FactRow): Record<string, unknown>;
}

const common = (r: FactRow) => ({
  id: r.id,
  beneficiaryId: r.beneficiary_id,
  supersedes: r.supersedes_id,
  correctionReason: r.correction_reason,
  supersededBy: r.superseded_by,
  inForce: r.voided_at === null && r.superseded_by === null,
  voidedAt: r.voided_at,
  voidReason: r.void_reason,
  externalRef: r.external_ref,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
});

const invalid = (path: string, message: string) =>
  new AppError('validation-failed', `${path} ${message}`, { errors: [{ path, message }] });

export const rightDecisions: FactKind<RightCreateBody> = {
  table: 'right_decision',
  segment: 'rights',
  label: 'right_decision',
  rule: 'R-RIGHT',
  check(body, today) {
    assertFactDate(body.decidedOn, today, '/body/decidedOn');
    assertFactDate(body.notifiedOn, today, '/body/notifiedOn');
    assertCalendarDate(body.startsOn, '/body/startsOn');
    if (body.kind === 'end') {
      if (body.category !== undefined) throw invalid('/body/category', 'is not allowed when kind is end');
      if (body.monthlyAmountCents !== undefined) throw invalid('/body/monthlyAmountCents', 'is not allowed when kind is end');
    } else {
      if (body.category === undefined) throw invalid('/body/category', 'is required for a grant');
      if (body.monthlyAmountCents === undefined) throw invalid('/body/monthlyAmountCents', 'is required for a grant');
    }
    if (body.notifiedOn && body.notifiedOn < body.decidedOn) {
      throw new AppError('invalid-period', 'A decision cannot be notified before it is taken', { rule: 'R-RIGHT' });
    }
  },
  columns: (b) => ({
    kind: b.kind,
    category: b.category ?? null,
    decided_on: b.decidedOn,
    notified_on: b.notifiedOn ?? null,
    starts_on: b.startsOn,
    monthly_amount_cents: b.monthlyAmountCents ?? null,
  }),
  correction: (b) => ({ supersedes: b.supersedes, reason: b.reason, externalRef: b.externalRef }),
  toApi: (r) => ({
    ...common(r),
    kind: r['kind'],
    category: r['category'],
    decidedOn: r['decided_on'],
    notifiedOn: r['notified_on'],
    startsOn: r['starts_on'],
    monthlyAmountCents: r['monthly_amount_cents'],
  }),
};

export const situations: FactKind<SituationCreateBody> = {
  table: 'situation',
  segment: 'situations',
  label: 'situation',
  rule: 'R-RIGHT',
  check(body) {
    assertCalendarDate(body.startsOn, '/body/startsOn');
    assertCalendarDate(body.endsOn, '/body/endsOn');
    if (body.endsOn && body.endsOn < body.startsOn) {
      throw new AppError('invalid-period', 'A situation cannot end before it starts', { errors: [{ path: '/body/endsOn', message: 'must be on or after startsOn' }] });
    }
  },
  columns: (b) => ({ kind: b.kind, starts_on: b.startsOn, ends_on: b.endsOn ?? null }),
  correction: (b) => ({ supersedes: b.supersedes, reason: b.reason, externalRef: b.externalRef }),
  toApi: (r) => ({ ...common(r), kind: r['kind'], startsOn: r['starts_on'], endsOn: r['ends_on'] }),
};

export const exemptions: FactKind<ExemptionCreateBody> = {
  table: 'exemption',
  segment: 'exemptions',
  label: 'exemption',
  rule: 'R-EXEMPT',
  check(body, today) {
    assertFactDate(body.decidedOn, today, '/body/decidedOn');
  },
  columns: (b) => ({ reason: b.reason, decided_on: b.decidedOn, motivation: b.motivation }),
  correction: (b) => ({ supersedes: b.supersedes, reason: b.correctionReason, externalRef: b.externalRef }),
  toApi: (r) => ({ ...common(r), reason: r['reason'], decidedOn: r['decided_on'], motivation: r['motivation'] }),
};

async function assertBeneficiary(tx: Tx, cpasId: string, beneficiaryId: string): Promise<void> {
  if (!(await findIdBy(tx, cpasId, { id: beneficiaryId }))) throw new AppError('not-found', 'No such beneficiary in your CPAS');
}

export async function recordFact<Body>(kind: FactKind<Body>, ctx: RequestContext, beneficiaryId: string, body: Body): Promise<Outcome> {
  kind.check(body, ctx.today);
  const correction = kind.correction(body);
  if (correction.supersedes && !correction.reason) {
    throw new AppError('validation-failed', 'A correction needs the reason it corrects the earlier fact', {
      rule: 'R-CORRECT',
      errors: [{ path: '/body/reason', message: 'is required with supersedes' }],
    });
  }
  return writeUnit(ctx, async (tx) => {
    await assertBeneficiary(tx, ctx.cpasId, beneficiaryId);
    if (correction.supersedes) {
      const target = await repo.findFact(tx, kind.table, ctx.cpasId, beneficiaryId, correction.supersedes);
      if (!target) throw new AppError('invalid-reference', 'supersedes names no fact of this kind for this beneficiary', { rule: 'R-CORRECT' });
      if (target.voided_at !== null || target.superseded_by !== null) {
        throw new AppError('invalid-state', 'The fact named by supersedes is no longer in force', { rule: 'R-CORRECT' });
      }
    }
    const id = uuidv7();
    await repo.insertFact(tx, kind.table, {
      cpas_id: ctx.cpasId,
      id,
      beneficiary_id: beneficiaryId,
      ...kind.columns(body),
      supersedes_id: correction.supersedes ?? null,
      correction_reason: correction.reason ?? null,
      external_ref: correction.externalRef ?? null,
      recorded_by: ctx.actor,
    });
    await appendChange(tx, ctx, {
      action: 'create',
      entity: kind.table,
      entityId: id,
      event: { type: `${kind.label}.recorded`, data: { id, beneficiaryId, supersedes: correction.supersedes ?? null } },
    });
    await refreshDeadlines(tx, ctx.cpasId, ctx.today, [beneficiaryId]);
    const row = (await repo.findFact(tx, kind.table, ctx.cpasId, beneficiaryId, id))!;
    return created(kind.toApi(row), `/v1/beneficiaries/${beneficiaryId}/${kind.segment}/${id}`, '"1"');
  }).catch((error) => {
    if (uniqueViolation(error) !== null) {
      throw new AppError('duplicate-external-ref', `This externalRef is already used by another ${kind.label} of your CPAS`);
    }
    throw error;
  });
}

export async function listFacts<Body>(kind: FactKind<Body>, ctx: RequestContext, beneficiaryId: string, query: FactListQuery) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  const rows = await readUnit(ctx, async (tx) => {
    await assertBeneficiary(tx, ctx.cpasId, beneficiaryId);
    return repo.listFacts(tx, kind.table, ctx.cpasId, { beneficiaryId, includeVoided: query.includeVoided ?? false, externalRef: query.externalRef, afterId, limit: limit + 1 });
  });
  const page = pageOf(rows, limit);
  await recordAccess(ctx, kind.table, page.items);
  return { items: page.items.map(kind.toApi), nextCursor: page.nextCursor };
}

export async function voidFact<Body>(kind: FactKind<Body>, ctx: RequestContext, beneficiaryId: string, id: string, reason: string): Promise<Outcome> {
  return writeUnit(ctx, async (tx) => {
    const fact = await repo.findFact(tx, kind.table, ctx.cpasId, beneficiaryId, id);
    if (!fact) throw new AppError('not-found', `No such ${kind.label} for this beneficiary`);
    if (!(await repo.voidFact(tx, kind.table, ctx.cpasId, id, { reason, actor: ctx.actor }))) {
      throw new AppError('invalid-state', 'This fact is already void', { rule: 'R-CORRECT' });
    }
    await appendChange(tx, ctx, { action: 'void', entity: kind.table, entityId: id, event: { type: `${kind.label}.voided`, data: { id, beneficiaryId } } });
    await refreshDeadlines(tx, ctx.cpasId, ctx.today, [beneficiaryId]);
    return ok(kind.toApi((await repo.findFact(tx, kind.table, ctx.cpasId, beneficiaryId, id))!));
  });
}
