// listDeadlines: the stored deadlines of the caller's CPAS (kept current by the deadline engine in
// every unit of work that changes their facts), with the status that depends on today, filtered
// by period, kind and status, by due date, one indexed query per page.
import type { RequestContext } from '../../core/context.js';
import { readUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import * as repo from './deadlines.repository.js';
import type { Deadline, DeadlineListQuery } from './deadlines.schemas.js';
import { msg } from '../../i18n/catalogue.js';
import { renderStored } from '../../i18n/stored.js';

interface After {
  dueOn: string;
  kind: string;
  id: string;
}

function decodeAfter(cursor: string | undefined): After | null {
  if (cursor === undefined) return null;
  try {
    const a = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<After>;
    if (
      typeof a.dueOn === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(a.dueOn) &&
      typeof a.kind === 'string' &&
      /^[a-z-]{1,30}$/.test(a.kind) &&
      typeof a.id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(a.id)
    ) {
      return { dueOn: a.dueOn, kind: a.kind, id: a.id };
    }
  } catch {
    // fall through
  }
  throw new AppError('invalid-cursor', msg('cursor.invalid'));
}

export async function listDeadlines(
  ctx: RequestContext,
  query: DeadlineListQuery,
): Promise<{ items: Deadline[]; nextCursor: string | null }> {
  if (query.from && query.to && query.to < query.from) {
    throw new AppError(
      'validation-failed',
      msg('check.field-error', { path: 'to', message: msg('date.is-before', { field: 'from' }) }),
      { errors: [{ path: '/query/to', message: msg('date.not-before-start', { field: 'from' }) }] },
    );
  }
  const limit = query.limit ?? 50;
  const after = decodeAfter(query.cursor);
  const rows = await readUnit(
    ctx,
    async (tx) =>
      (
        await tx.executeQuery(
          repo.listDeadlinesQuery(tx, ctx.cpasId, {
            today: ctx.today,
            from: query.from,
            to: query.to,
            kind: query.kind,
            status: query.status,
            after,
            limit: limit + 1,
          }),
        )
      ).rows,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      kind: r.kind,
      dueOn: r.due_on,
      status: r.status,
      beneficiaryId: r.beneficiary_id,
      ...(r.piis_id ? { piisId: r.piis_id } : {}),
      ...(r.record_id ? { recordId: r.record_id } : {}),
      rule: r.rule,
      explanation: renderStored(ctx.lang, r.explanation),
    })),
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify({ dueOn: last.due_on, kind: last.kind, id: last.id })).toString('base64url')
        : null,
  };
}
