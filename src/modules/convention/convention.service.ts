// The 2015–2016 social-activation convention of the caller's CPAS (R-IND-2015): recorded per year
// (objectives, the two subsidies granted, the final report's qualitative evaluation), and read
// with the year's results set against its objectives, the advance and balance of each subsidy and
// the costs justified against it.
import type { Outcome, RequestContext } from '../../core/context.js';
import { ok } from '../../core/context.js';
import { readUnit, writeUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { assertFactDate } from '../../core/guards.js';
import { appendAudit } from '../../core/audit-append.js';
import { checkConventionYear, evaluationDue, payments, targetOf, targetsError } from '../../rules/convention.js';
import { CONVENTION_SUBSIDIES } from '../../rules/expenses.js';
import { refusalError } from '../piis/index.js';
import { getIndicators, getJustificationReport } from '../reports/index.js';
import * as repo from './convention.repository.js';
import type { Convention, ConventionBody } from './convention.schemas.js';
import { msg, render, type Message } from '../../i18n/catalogue.js';

/** The keys a convention report sets against the year: the objectives, then progress and results. */
const RESULT_KEYS = [
  'assessments',
  'activationPaths',
  'activationPaths.2.1',
  'activationPaths.2.2',
  'activationPaths.2.3',
  'progress',
  'progress.socioProfessional',
  'progress.autonomy',
  'progress.volunteering',
  'outcomes.socioProfessional',
  'outcomes.autonomy',
  'outcomes.volunteering',
  'outcomes.employment',
];

const invalid = (path: string, message: Message) =>
  new AppError('validation-failed', msg('check.field-error', { path, message }), {
    rule: 'R-IND-2015',
    errors: [{ path, message }],
  });

function assertYear(year: number): void {
  const refusal = checkConventionYear(year);
  if (refusal) throw refusalError(refusal);
}

export async function setConvention(
  ctx: RequestContext,
  year: number,
  body: ConventionBody,
): Promise<Outcome<Convention>> {
  assertYear(year);
  assertFactDate(body.signedOn, ctx.today, '/body/signedOn');
  assertFactDate(body.evaluation?.submittedOn, ctx.today, '/body/evaluation/submittedOn');
  const split = targetsError(body.targets);
  if (split) throw invalid('/body/targets', split);
  if (body.evaluation && body.evaluation.objectivesMet !== 'yes' && !body.evaluation.reasonsNotMet) {
    throw invalid('/body/evaluation/reasonsNotMet', msg('convention.reasons-required'));
  }
  await writeUnit({ ...ctx, idempotency: null }, async (tx) => {
    await repo.upsertConvention(tx, ctx.cpasId, year, body, ctx.actor);
    await appendAudit(tx, ctx, { action: 'update', entity: 'convention', entityId: null });
    return ok(null);
  });
  return ok(await getConvention(ctx, year));
}

export async function getConvention(ctx: RequestContext, year: number): Promise<Convention> {
  assertYear(year);
  const row = await readUnit(ctx, (tx) => repo.findConvention(tx, ctx.cpasId, year));
  const indicators = await getIndicators(ctx, { year });
  const results = RESULT_KEYS.map((key) => {
    const item = indicators.items.find((i) => i.key === key)!;
    const target = targetOf(row?.targets ?? null, key);
    return {
      key,
      number: item.number,
      label: item.label,
      target,
      result: item.value,
      reached: target === null || item.value === null ? null : item.value >= target,
      rule: item.rule,
      explanation: item.explanation,
    };
  });
  const paid = await Promise.all(
    CONVENTION_SUBSIDIES.map(async (subsidy) => {
      const grant = row?.grant_cents?.[subsidy as 'pas2015' | 'clusters2015'] ?? null;
      const justified = await getJustificationReport(ctx, { subsidy, year });
      return {
        subsidy: subsidy as 'pas2015' | 'clusters2015',
        grantCents: grant,
        ...(grant === null ? { advanceCents: null, balanceCents: null } : payments(grant)),
        justifiedCents: justified.justifiedCents,
      };
    }),
  );
  const due = evaluationDue(year);
  return {
    year,
    rule: 'R-IND-2015',
    recorded: row !== undefined,
    signedOn: row?.signed_on ?? null,
    evaluationDueOn: due.value!,
    evaluation: row?.evaluation ?? null,
    results,
    payments: paid,
    explanation: render(
      ctx.lang,
      row
        ? msg('convention.explained', { due: due.explanation })
        : msg('convention.not-recorded', { year: String(year), due: due.explanation }),
    ),
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}
