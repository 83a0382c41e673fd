import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, IdempotencyHeader, json, problems, type RoutesApp } from '../../http/schemas.js';
import { allowLongResponse, exportFormat, sendForm } from '../../http/export.js';
import { requestContext } from '../../http/request-context.js';
import { answer, PRODUCES, reportContent } from '../../http/report-answer.js';
import {
  IndicatorsSchema,
  JustificationQuery,
  JustificationSchema,
  RapportUniqueParams,
  RapportUniqueQuery,
  RapportUniqueSchema,
  ReportQuery,
  SubsidyReportSchema,
  YearQuery,
  type SubsidyMonthItem,
} from './reports.schemas.js';
import { formJson, pasForm, piis10Form } from './rapport-unique.js';
import { getPasModulesReport, PasModulesReportSchema } from '../activation/index.js';
import * as service from './reports.service.js';
import { FreezeBody, ReportRunSchema, RunParams, freezeReport, getReportRun } from './runs.js';
import { sendOutcome } from '../../http/reply.js';
import { expenseColumns, indicatorColumns, pasModuleColumns, subsidyColumns } from './reports.exports.js';
import { formSections, sendSubsidyPersons, SUBSIDY_NAMES } from './reports.sections.js';

/** A month as the rollups keep it (its explanation a message, or text kept from before messages). */

function getSubsidyReportRoute(app: RoutesApp): void {
  app.get(
    '/reports/subsidy',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getSubsidyReport',
        tags: ['reports'],
        summary:
          'The 10% PIIS subsidy of a year, per beneficiary and month, each month with its code, amounts, rule and ' +
          'explanation',
        description:
          'R-SUB-START, R-SUB-FIRST (code 11), R-SUB-SECOND (code 17, on a motivated request), R-SUB-INTERRUPT, ' +
          'R-SUB-COUPLE (once per couple on the category-3 rate), R-SUB-STUDENT (student PIIS apart, form codes ' +
          '9/10), R-EXEMPT (form code 8). RI granted per month: each decision in force pro rata by day, less ' +
          'sanction suspensions, rounded to the cent; the subsidy is 10% of it.',
        querystring: ReportQuery,
        response: {
          200: reportContent(SubsidyReportSchema, 'The subsidy months of the year and their totals'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const format = exportFormat(request.query.format, request.headers.accept);
      const report = await service.getSubsidyReport(ctx, request.query, { exported: format !== 'json' });
      if (!('persons' in report)) {
        const items = format === 'json' ? [] : await service.namedMonths(ctx, report.items);
        return answer(request, reply, report, {
          name: `subsidy-${report.year}`,
          year: report.year,
          columns: subsidyColumns,
          items,
          names: SUBSIDY_NAMES,
        });
      }
      allowLongResponse(request, reply);
      return sendSubsidyPersons(reply, ctx, report, format, request.query.delimiter);
    },
  );
}

function getIndicatorsRoute(app: RoutesApp): void {
  app.get(
    '/reports/indicators',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getIndicators',
        tags: ['reports'],
        summary: 'The indicators of a year for your CPAS, each with its rule and explanation',
        description:
          'Two groups, each figure with its SPP IS number and label. Social activation, over the persons in a path ' +
          'of category 2.1–2.3: R-IND-2015 (1 assessments, 2 activationPaths = 2.1 + 2.2 + 2.3), R-PROGRESS ' +
          '(progress on 31 December, towards (a) a socio-professional path, (b) reinforced autonomy, (c) ' +
          'volunteering — the direction of the path), R-IND-OUTCOMES (results (a)–(d) of the paths closed in the ' +
          'year), R-IND-ENTITLED (entitled persons: the CPAS’s users in the target group, with or without financial ' +
          'aid; of whom entitled to RI, of whom followed in a path; the two ratios total ÷ RI and total ÷ in a path, ' +
          'as percentages). Every PIIS: piis.inForce, .concluded, .closed, .pastEndOpen and R-IND-COMPLIANCE ' +
          '(compliance.concludedInTime, .fullReflection, .reflectionWaivers, .evaluationFrequency, ' +
          '.interviewsInTime, .medianDaysToSignature). Shares and ratios are percentages with one decimal, null when ' +
          'there is nothing to count.',
        querystring: YearQuery,
        response: {
          200: reportContent(IndicatorsSchema, 'The indicators of the year'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const report = await service.getIndicators(requestContext(request), request.query);
      return answer(request, reply, report, {
        name: `indicators-${report.year}`,
        year: report.year,
        columns: indicatorColumns,
        items: report.items,
      });
    },
  );
}

function getPasModulesReportRoute(app: RoutesApp): void {
  app.get(
    '/reports/pas-modules',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getPasModulesReport',
        tags: ['reports'],
        summary:
          'The collective-modules table of a year (R-PAS-MODULES): theme, partners, sessions, hours, participants ' +
          'and of whom RI beneficiaries',
        querystring: YearQuery,
        response: {
          200: reportContent(PasModulesReportSchema, 'The modules with a session in the year'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const report = await getPasModulesReport(ctx, request.query.year ?? Number(ctx.today.slice(0, 4)));
      return answer(request, reply, report, {
        name: `pas-modules-${report.year}`,
        year: report.year,
        columns: pasModuleColumns,
        items: report.items,
      });
    },
  );
}

function getJustificationReportRoute(app: RoutesApp): void {
  app.get(
    '/reports/justification',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getJustificationReport',
        tags: ['reports'],
        summary: 'The eligible amounts of a year’s expenses against the computed subsidy (R-SUB-COSTS, R-PAS-COSTS)',
        querystring: JustificationQuery,
        response: {
          200: reportContent(JustificationSchema, 'The justification of the year'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const report = await service.getJustificationReport(requestContext(request), request.query);
      return answer(request, reply, report, {
        name: `justification-${report.subsidy}-${report.year}`,
        year: report.year,
        columns: expenseColumns,
        items: report.items,
      });
    },
  );
}

function getRapportUniqueRoute(app: RoutesApp): void {
  app.get(
    '/reports/rapport-unique/:form',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getRapportUnique',
        tags: ['reports'],
        summary:
          'A form of the SPP IS’s Rapport unique for a year, laid out as the CPAS files it: participation and social ' +
          'activation (pas) or the specific PIIS subsidy (piis10)',
        description:
          'pas: the social-activation figures in the SPP IS’s numbering (R-IND-2015 objectives 1, 2 = 2.1 + 2.2 + ' +
          '2.3; progress and results a–d; R-IND-ENTITLED), the collective-modules table (R-PAS-MODULES, ' +
          'professional-activation modules left out) and the costs justified against the year’s social-activation ' +
          'subsidies (PAS from 2017; the two convention subsidies in 2015–2016, R-PAS-COSTS). piis10: the 10% ' +
          'subsidy of the year by federal code (R-SUB-*), the costs justified against it (R-SUB-COSTS), the ' +
          'compliance figures (R-IND-COMPLIANCE) and, in the XLSX (or CSV with section=months), each person’s months ' +
          'named by NISS and name — the CPAS’s own file. As XLSX every section is a sheet; as CSV one section ' +
          '(`section`). Labels in the Accept-Language.',
        params: RapportUniqueParams,
        querystring: RapportUniqueQuery,
        response: { 200: reportContent(RapportUniqueSchema, 'The form'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const year = request.query.year ?? Number(ctx.today.slice(0, 4));
      const format = exportFormat(request.query.format, request.headers.accept);
      const { form } = request.params;
      const filled =
        form === 'pas' ? await pasForm(ctx, year) : await piis10Form(ctx, year, { exported: format !== 'json' });
      if (format === 'json') return formJson(filled);
      allowLongResponse(request, reply);
      const sections = await formSections(ctx, filled);
      const named = 'months' in filled;
      return sendForm(reply, format, {
        name: `rapport-unique-${form}-${year}`,
        sections,
        section: request.query.section ?? 'lines',
        audited: named ? 'months' : 'lines',
        lang: ctx.lang,
        delimiter: request.query.delimiter,
        audit: named
          ? { ctx, entity: SUBSIDY_NAMES.entity, idOf: (row: unknown) => SUBSIDY_NAMES.idOf(row as SubsidyMonthItem) }
          : { ctx, entity: `report/rapport-unique-${form}` },
      });
    },
  );
}

function freezeReportRoute(app: RoutesApp): void {
  app.post(
    '/reports/runs',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'freezeReport',
        tags: ['reports'],
        summary: 'Freeze a report as submitted: its figures, the rule versions used and a hash of its inputs',
        headers: IdempotencyHeader,
        body: FreezeBody,
        response: { 201: json(ReportRunSchema, 'The frozen run'), ...problems(400, ...AUTH_ERRORS, 409, 413, 415) },
      },
    },
    async (request, reply) => sendOutcome(reply, await freezeReport(requestContext(request), request.body)),
  );
}

function getReportRunRoute(app: RoutesApp): void {
  app.get(
    '/reports/runs/:runId',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'getReportRun',
        tags: ['reports'],
        summary: 'A frozen report run, unchanged by later corrections, and whether its inputs have changed since',
        params: RunParams,
        response: { 200: json(ReportRunSchema, 'The run'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) => sendOutcome(reply, await getReportRun(requestContext(request), request.params.runId)),
  );
}

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  getSubsidyReportRoute(app);
  getIndicatorsRoute(app);
  getPasModulesReportRoute(app);
  getJustificationReportRoute(app);
  getRapportUniqueRoute(app);
  freezeReportRoute(app);
  getReportRunRoute(app);
};
