// Recording, listing and voiding the facts of a beneficiary. Each kind says how its body is
// checked and stored; the correction mechanics (R-CORRECT) are shared.
import type { Outcome, RequestContext } from '../../core/context.js';
import { created, ok } from '../../core/context.js';
import { readUnit, recordAccess, writeUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { assertCalendarDate, assertFactDate } from '../../core/guards.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Tx } from '../../db/tenant.js';
import { appendChange } from '../../core/audit-append.js';
import { refreshDeadlines } from '../deadlines/index.js';
import { findIdBy } from '../beneficiaries/index.js';
import * as repo from './facts.repository.js';
import type { FactRow, FactTable } from './facts.repository.js';
import type { ExemptionCreateBody, FactListQuery, RightCreateBody, SituationCreateBody } from './facts.schemas.js';
import { cents, msg, type Message } from '../../i18n/catalogue.js';

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

const invalid = (path: string, message: Message, rule?: string) =>
  new AppError('validation-failed', msg('check.field-error', { path, message }), {
    errors: [{ path, message }],
    ...(rule ? { rule } : {}),
  });

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
      if (body.category !== undefined) throw invalid('/body/category', msg('check.not-allowed-for-end'));
      if (body.monthlyAmountCents !== undefined)
        throw invalid('/body/monthlyAmountCents', msg('check.not-allowed-for-end'));
    } else {
      if (body.category === undefined) throw invalid('/body/category', msg('check.required-for-grant'));
      if (body.monthlyAmountCents === undefined)
        throw invalid('/body/monthlyAmountCents', msg('check.required-for-grant'));
    }
    if (body.householdAmountCents !== undefined) {
      // R-SUB-COUPLE: a share of the household's category-3 amount, never more than the whole
      if (body.kind !== 'ri' || body.category !== 'family')
        throw invalid('/body/householdAmountCents', msg('check.household-family-only'), 'R-SUB-COUPLE');
      if (body.monthlyAmountCents !== undefined && body.monthlyAmountCents > body.householdAmountCents) {
        throw invalid(
          '/body/householdAmountCents',
          msg('check.household-below-share', { share: cents(body.monthlyAmountCents) }),
          'R-SUB-COUPLE',
        );
      }
    }
    if (body.notifiedOn && body.notifiedOn < body.decidedOn) {
      throw new AppError('invalid-period', msg('check.decision-before-notified'), { rule: 'R-RIGHT' });
    }
  },
  columns: (b) => ({
    kind: b.kind,
    category: b.category ?? null,
    decided_on: b.decidedOn,
    notified_on: b.notifiedOn ?? null,
    starts_on: b.startsOn,
    monthly_amount_cents: b.monthlyAmountCents ?? null,
    household_amount_cents: b.householdAmountCents ?? null,
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
    householdAmountCents: r['household_amount_cents'] ?? null,
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
      throw new AppError('invalid-period', msg('check.situation-reversed'), {
        errors: [{ path: '/body/endsOn', message: msg('date.not-before-start', { field: 'startsOn' }) }],
      });
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
  if (!(await findIdBy(tx, cpasId, { id: beneficiaryId })))
    throw new AppError('not-found', msg('not-found.beneficiary'));
}

export async function recordFact<Body>(
  kind: FactKind<Body>,
  ctx: RequestContext,
  beneficiaryId: string,
  body: Body,
): Promise<Outcome> {
  kind.check(body, ctx.today);
  const correction = kind.correction(body);
  if (correction.supersedes && !correction.reason) {
    throw new AppError('validation-failed', msg('check.correction-reason', { what: 'fact' }), {
      rule: 'R-CORRECT',
      errors: [{ path: '/body/reason', message: msg('check.required-with-supersedes') }],
    });
  }
  return writeUnit(ctx, async (tx) => {
    await assertBeneficiary(tx, ctx.cpasId, beneficiaryId);
    if (correction.supersedes) {
      const target = await repo.findFact(tx, kind.table, ctx.cpasId, beneficiaryId, correction.supersedes);
      if (!target)
        throw new AppError('invalid-reference', msg('check.supersedes-unknown', { what: 'fact' }), {
          rule: 'R-CORRECT',
        });
      if (target.voided_at !== null || target.superseded_by !== null) {
        throw new AppError('invalid-state', msg('check.supersedes-not-in-force', { what: 'fact' }), {
          rule: 'R-CORRECT',
        });
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
      throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: kind.label }));
    }
    throw error;
  });
}

export async function listFacts<Body>(
  kind: FactKind<Body>,
  ctx: RequestContext,
  beneficiaryId: string,
  query: FactListQuery,
) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  const rows = await readUnit(ctx, async (tx) => {
    await assertBeneficiary(tx, ctx.cpasId, beneficiaryId);
    return repo.listFacts(tx, kind.table, ctx.cpasId, {
      beneficiaryId,
      includeVoided: query.includeVoided ?? false,
      externalRef: query.externalRef,
      afterId,
      limit: limit + 1,
    });
  });
  const page = pageOf(rows, limit);
  await recordAccess(ctx, kind.table, page.items);
  return { items: page.items.map(kind.toApi), nextCursor: page.nextCursor };
}

/** One fact of a beneficiary by id, voided or not (an access to it); 404 when the caller's CPAS has none such. */
export async function getFact<Body>(kind: FactKind<Body>, ctx: RequestContext, beneficiaryId: string, id: string) {
  const fact = await readUnit(ctx, (tx) => repo.findFact(tx, kind.table, ctx.cpasId, beneficiaryId, id));
  if (!fact) throw new AppError('not-found', msg('not-found.fact', { kind: kind.label }));
  await recordAccess(ctx, kind.table, [fact]);
  return kind.toApi(fact);
}

export async function voidFact<Body>(
  kind: FactKind<Body>,
  ctx: RequestContext,
  beneficiaryId: string,
  id: string,
  reason: string,
): Promise<Outcome> {
  return writeUnit(ctx, async (tx) => {
    const fact = await repo.findFact(tx, kind.table, ctx.cpasId, beneficiaryId, id);
    if (!fact) throw new AppError('not-found', msg('not-found.fact', { kind: kind.label }));
    if (!(await repo.voidFact(tx, kind.table, ctx.cpasId, id, { reason, actor: ctx.actor }))) {
      throw new AppError('invalid-state', msg('check.already-void', { what: 'fact' }), { rule: 'R-CORRECT' });
    }
    await appendChange(tx, ctx, {
      action: 'void',
      entity: kind.table,
      entityId: id,
      event: { type: `${kind.label}.voided`, data: { id, beneficiaryId } },
    });
    await refreshDeadlines(tx, ctx.cpasId, ctx.today, [beneficiaryId]);
    return ok(kind.toApi((await repo.findFact(tx, kind.table, ctx.cpasId, beneficiaryId, id))!));
  });
}
