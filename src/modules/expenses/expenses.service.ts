// Expenses justified against a subsidy, each with its eligibility verdict (R-SUB-COSTS,
// R-PAS-COSTS), and the justification report that sets the eligible amounts against the
// computed subsidy of the year.
import type { Outcome, RequestContext } from '../../core/context.js';
import { created } from '../../core/context.js';
import { readUnit, writeUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import {
  activationMarkNeeded,
  CONVENTION_SUBSIDIES,
  CONVENTION_YEARS,
  expenseVerdict,
  type Subsidy,
} from '../../rules/expenses.js';
import { appendChange } from '../../core/audit-append.js';
import * as repo from './expenses.repository.js';
import type { Expense, ExpenseBody, ExpenseListQuery } from './expenses.schemas.js';
import { msg, type Lang } from '../../i18n/catalogue.js';
import { say } from '../../rules/explained.js';

export function toExpense(r: repo.ExpenseRow, lang: Lang): Expense {
  const staff = r.staff
    ? {
        timeShare: r.staff.timeShare,
        assignmentProof: r.staff.assignmentProof ?? null,
        role: r.staff.role ?? 'coaching',
      }
    : null;
  const verdict = expenseVerdict({
    subsidy: r.subsidy,
    category: r.category,
    amountCents: Number(r.amount_cents),
    activation: r.activation,
    staff,
    linkJustification: r.link_justification,
    alreadyJustifiedUnder: r.already_under,
  });
  return {
    id: r.id,
    year: r.year,
    subsidy: r.subsidy,
    category: r.category,
    amountCents: Number(r.amount_cents),
    description: r.description,
    activation: r.activation,
    staff,
    linkJustification: r.link_justification,
    invoiceRef: r.invoice_ref,
    externalRef: r.external_ref,
    verdict: say(lang, verdict),
    eligibleCents: verdict.eligibleCents,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

export async function recordExpense(ctx: RequestContext, body: ExpenseBody): Promise<Outcome<Expense>> {
  if (body.staff && body.category !== 'staff') {
    throw new AppError('validation-failed', msg('check.staff-only'), {
      errors: [{ path: '/body/staff', message: msg('check.only-staff-category') }],
    });
  }
  const subsidy = msg('expense.subsidy-name', { subsidy: body.subsidy });
  if (CONVENTION_SUBSIDIES.includes(body.subsidy) && !CONVENTION_YEARS.includes(body.year)) {
    throw new AppError('no-convention', msg('check.convention-years', { subsidy, year: String(body.year) }), {
      rule: 'R-IND-2015',
      errors: [{ path: '/body/year', message: msg('check.convention-years', { subsidy, year: String(body.year) }) }],
    });
  }
  if (!body.activation && activationMarkNeeded(body.subsidy, body.category)) {
    const message = msg('check.expense-mark', { subsidy });
    throw new AppError('activation-mark-missing', message, {
      rule: 'R-PAS-COSTS',
      errors: [{ path: '/body/activation', message }],
    });
  }
  return writeUnit(ctx, async (tx) => {
    const id = uuidv7();
    await repo.insertExpense(tx, {
      cpas_id: ctx.cpasId,
      id,
      year: body.year,
      subsidy: body.subsidy,
      category: body.category,
      amount_cents: body.amountCents,
      description: body.description,
      activation: body.activation ?? null,
      staff: body.staff
        ? JSON.stringify({
            timeShare: body.staff.timeShare,
            assignmentProof: body.staff.assignmentProof ?? null,
            role: body.staff.role ?? 'coaching',
          })
        : null,
      link_justification: body.linkJustification ?? null,
      invoice_ref: body.invoiceRef ?? null,
      external_ref: body.externalRef ?? null,
      recorded_by: ctx.actor,
    });
    const [row] = (await tx.executeQuery(repo.expensesQuery(tx, ctx.cpasId, { id }))).rows;
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'expense',
      entityId: id,
      event: { type: 'expense.recorded', data: { id, year: body.year, subsidy: body.subsidy } },
    });
    return created(toExpense(row!, ctx.lang), `/v1/expenses/${id}`, '"1"');
  }).catch((error) => {
    if (uniqueViolation(error) !== null)
      throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'expense' }));
    throw error;
  });
}

export async function getExpense(ctx: RequestContext, id: string): Promise<Expense> {
  const [row] = await readUnit(
    ctx,
    async (tx) => (await tx.executeQuery(repo.expensesQuery(tx, ctx.cpasId, { id }))).rows,
  );
  if (!row) throw new AppError('not-found', msg('not-found.record'));
  return toExpense(row, ctx.lang);
}

export async function listExpenses(ctx: RequestContext, query: ExpenseListQuery) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await tx.executeQuery(
          repo.expensesQuery(tx, ctx.cpasId, {
            year: query.year,
            subsidy: query.subsidy,
            category: query.category,
            externalRef: query.externalRef,
            afterId,
            limit: limit + 1,
          }),
        )
      ).rows,
  );
  const page = pageOf(rows, limit);
  return { items: page.items.map((r) => toExpense(r, ctx.lang)), nextCursor: page.nextCursor };
}

/** Every expense of a year and subsidy as stored (the justification report's input). */
export function expensesOfYear(ctx: RequestContext, year: number, subsidy: Subsidy): Promise<repo.ExpenseRow[]> {
  return readUnit(
    ctx,
    async (tx) => (await tx.executeQuery(repo.expensesQuery(tx, ctx.cpasId, { year, subsidy }))).rows,
  );
}
