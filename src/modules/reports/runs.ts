// Frozen report runs (freezeReport, getReportRun): what a CPAS submits is kept with its figures,
// the version of every rule in force at the end of the year, and a SHA-256 of the facts the
// report was computed from (canonical JSON, rows and lists in a fixed order). Corrections made
// afterwards change the live report, never the run; reading a run says whether its inputs have
// changed since, by hashing them again.
import { createHash } from 'node:crypto';
import { named } from '../../http/openapi-components.js';
import { Type, type Static } from 'typebox';
import type { Outcome, RequestContext } from '../../core/context.js';
import { created, ok } from '../../core/context.js';
import { readUnit, writeUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { Instant, Int, Uuid } from '../../http/schemas.js';
import { uuidv7 } from '../../db/ids.js';
import { ruleTable, versionOn } from '../../rules/rule-table.js';
import { appendChange } from '../../core/audit-append.js';
import { PasModulesReportSchema, pasModulesFrom, pasModulesInputs } from '../activation/index.js';
import { IndicatorsSchema, JustificationSchema, RapportUniqueSchema, SubsidyReportSchema } from './reports.schemas.js';
import { formJson, pasForm, pasSubsidiesOf, piis10Form } from './rapport-unique.js';
import { expensesOfYear, Subsidy } from '../expenses/index.js';
import * as reports from './reports.service.js';
import { subsidyReportFrom } from './subsidy.compute.js';
import { msg } from '../../i18n/catalogue.js';

const ReportKind = Type.Union(
  [
    Type.Literal('subsidy'),
    Type.Literal('indicators'),
    Type.Literal('pas-modules'),
    Type.Literal('justification'),
    Type.Literal('rapport-unique-pas'),
    Type.Literal('rapport-unique-piis10'),
  ],
  {
    description:
      'The report frozen; rapport-unique-pas and rapport-unique-piis10: the Rapport unique forms as getRapportUnique ' +
      'answers them in JSON',
  },
);

export const FreezeBody = Type.Object(
  { report: ReportKind, year: Int(2002, 2100, 'The year'), subsidy: Type.Optional(Subsidy) },
  { additionalProperties: false, description: 'subsidy names the justification report’s subsidy (required for it)' },
);

export const ReportRunSchema = named(
  'ReportRun',
  Type.Object(
    {
      id: Uuid('Run id'),
      report: ReportKind,
      year: Int(2002, 2100, 'The year'),
      subsidy: Type.Union([Subsidy, Type.Null()]),
      figures: Type.Union(
        [SubsidyReportSchema, IndicatorsSchema, PasModulesReportSchema, JustificationSchema, RapportUniqueSchema],
        { description: 'The report as it was frozen' },
      ),
      ruleVersions: Type.Array(
        Type.Object(
          {
            id: Type.String({ maxLength: 50, description: 'Rule id' }),
            effectiveFrom: Type.String({
              format: 'date',
              maxLength: 10,
              description: 'First day of the version in force',
            }),
          },
          { additionalProperties: false, description: 'A rule and its version' },
        ),
        {
          maxItems: 500,
          description: 'The version of every rule in force on the last day of the year',
        },
      ),
      inputsHash: Type.String({
        pattern: '^[0-9a-f]{64}$',
        maxLength: 64,
        description: 'SHA-256 of the facts the figures were computed from',
      }),
      inputsChanged: Type.Boolean({
        description:
          'The facts have changed since the run was frozen (the live report may differ; the run does not change)',
      }),
      frozenAt: Instant('Frozen at'),
      frozenBy: Type.String({ maxLength: 200, description: 'Who froze it (the token’s sub)' }),
    },
    { additionalProperties: false },
  ),
);

export const RunParams = Type.Object({ runId: Uuid('Run id') }, { additionalProperties: false });
export type FreezeBody = Static<typeof FreezeBody>;
export type ReportRun = Static<typeof ReportRunSchema>;

/** JSON with object keys sorted, so that equal facts always hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const hashOf = (inputs: unknown) => createHash('sha256').update(canonical(inputs)).digest('hex');

/** The report and the facts it was computed from. */
async function computeWithInputs(
  ctx: RequestContext,
  body: FreezeBody,
): Promise<{ figures: ReportRun['figures']; inputs: unknown }> {
  switch (body.report) {
    case 'subsidy': {
      const inputs = await reports.subsidyInputs(ctx, body.year);
      return { figures: subsidyReportFrom(inputs, body.year, ctx.lang), inputs };
    }
    case 'indicators': {
      const inputs = await reports.indicatorInputs(ctx);
      return { figures: reports.indicatorsFrom(inputs, body.year, ctx.lang), inputs };
    }
    case 'pas-modules': {
      const inputs = await pasModulesInputs(ctx, body.year);
      return { figures: pasModulesFrom(inputs, body.year), inputs };
    }
    case 'justification': {
      const inputs = await reports.justificationInputs(ctx, body.year, body.subsidy!);
      return { figures: reports.justificationFromInputs(inputs, body.year, body.subsidy!, ctx.lang), inputs };
    }
    // a form is computed as getRapportUnique answers it; its inputs are the facts of its parts
    case 'rapport-unique-pas': {
      const inputs = {
        indicators: await reports.indicatorInputs(ctx),
        modules: await pasModulesInputs(ctx, body.year),
        expenses: await Promise.all(pasSubsidiesOf(body.year).map((s) => expensesOfYear(ctx, body.year, s))),
      };
      return { figures: await pasForm(ctx, body.year), inputs };
    }
    case 'rapport-unique-piis10': {
      const inputs = {
        indicators: await reports.indicatorInputs(ctx),
        subsidy: await reports.subsidyInputs(ctx, body.year),
        expenses: await expensesOfYear(ctx, body.year, 'piis10'),
      };
      return { figures: formJson(await piis10Form(ctx, body.year, { exported: false })), inputs };
    }
  }
}

const ruleVersionsOn = (date: string) =>
  ruleTable.flatMap((r) => {
    const v = versionOn(r.id, date);
    return v ? [{ id: r.id, effectiveFrom: v.effectiveFrom }] : [];
  });

export async function freezeReport(ctx: RequestContext, body: FreezeBody): Promise<Outcome<ReportRun>> {
  if (body.report === 'justification' && !body.subsidy) {
    throw new AppError('validation-failed', msg('check.justification-subsidy'), {
      errors: [{ path: '/body/subsidy', message: msg('check.required-for-justification') }],
    });
  }
  const { figures, inputs } = await computeWithInputs(ctx, body);
  const id = uuidv7();
  const ruleVersions = ruleVersionsOn(`${body.year}-12-31`);
  const inputsHash = hashOf(inputs);
  return writeUnit(ctx, async (tx) => {
    const row = await tx
      .insertInto('report_run')
      .values({
        cpas_id: ctx.cpasId,
        id,
        report: body.report,
        year: body.year,
        subsidy: body.report === 'justification' ? body.subsidy! : null,
        figures: JSON.stringify(figures),
        rule_versions: JSON.stringify(ruleVersions),
        inputs_hash: inputsHash,
        frozen_by: ctx.actor,
      })
      .returning(['frozen_at'])
      .executeTakeFirstOrThrow();
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'report_run',
      entityId: id,
      event: { type: 'report.frozen', data: { id, report: body.report, year: body.year, inputsHash } },
    });
    const run: ReportRun = {
      id,
      report: body.report,
      year: body.year,
      subsidy: body.report === 'justification' ? body.subsidy! : null,
      figures,
      ruleVersions,
      inputsHash,
      inputsChanged: false,
      frozenAt: row.frozen_at,
      frozenBy: ctx.actor,
    };
    return created(run, `/v1/reports/runs/${id}`, '"1"');
  });
}

export async function getReportRun(ctx: RequestContext, runId: string): Promise<Outcome<ReportRun>> {
  const row = await readUnit(ctx, (tx) =>
    tx
      .selectFrom('report_run')
      .selectAll()
      .where('cpas_id', '=', ctx.cpasId)
      .where('id', '=', runId)
      .executeTakeFirst(),
  );
  if (!row) throw new AppError('not-found', msg('not-found.report-run'));
  const { inputs } = await computeWithInputs(ctx, {
    report: row.report,
    year: row.year,
    ...(row.subsidy ? { subsidy: row.subsidy } : {}),
  });
  return ok(
    {
      id: row.id,
      report: row.report,
      year: row.year,
      subsidy: row.subsidy,
      figures: row.figures as ReportRun['figures'],
      ruleVersions: row.rule_versions,
      inputsHash: row.inputs_hash,
      inputsChanged: hashOf(inputs) !== row.inputs_hash,
      frozenAt: row.frozen_at,
      frozenBy: row.frozen_by,
    },
    '"1"',
  );
}
