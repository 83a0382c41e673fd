import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AUTH_ERRORS, IdempotencyHeader, json, problems } from '../../http/schemas.js';
import { allowLongResponse, EXPORT_MEDIA_TYPES, exportFormat, jsonRawItemsStream, sendExport, type CsvDelimiter, type ExportColumn, type ExportFormat } from '../../http/export.js';
import { requestContext } from '../../http/request-context.js';
import { IndicatorsSchema, JustificationQuery, JustificationSchema, ReportQuery, SubsidyReportSchema, YearQuery, type SubsidyMonthItem } from './reports.schemas.js';
import { PasModulesReportSchema } from '../activation/activation.schemas.js';
import { getPasModulesReport } from '../activation/activation.service.js';
import * as service from './reports.service.js';
import { FreezeBody, ReportRunSchema, RunParams, freezeReport, getReportRun } from './runs.js';
import { sendOutcome } from '../../http/reply.js';
import { expenseColumns, indicatorColumns, pasModuleColumns, subsidyColumns } from './reports.exports.js';
import { sayMonthItem } from './subsidy.compute.js';
import type { Text } from '../../i18n/catalogue.js';

/** A month as the rollups keep it (its explanation a message, or text kept from before messages). */
type StoredMonth = Omit<SubsidyMonthItem, 'explanation'> & { explanation: Text };

export const PRODUCES = Object.values(EXPORT_MEDIA_TYPES);

/**
 * Answers a report as JSON, or its rows as CSV or XLSX (by ?format= or Accept), headers in the
 * caller's language. A download is audited as an export of `report/<name>`, or of the records its
 * rows name when `idOf` tells them.
 */
export function answer<T, R>(
  request: FastifyRequest,
  reply: FastifyReply,
  report: T,
  rows: { name: string; year: number; columns: ExportColumn<R>[]; items: R[]; names?: { entity: string; idOf: (row: R) => string } },
): T | FastifyReply {
  const format = exportFormat((request.query as { format?: ExportFormat }).format, request.headers.accept);
  if (format === 'json') return report;
  const ctx = requestContext(request);
  const audit = { ctx, entity: rows.names?.entity ?? `report/${rows.name}`, idOf: rows.names?.idOf };
  return sendExport(reply, format, { name: rows.name, sheetName: String(rows.year), columns: rows.columns, rows: rows.items, lang: ctx.lang, delimiter: (request.query as { delimiter?: CsvDelimiter }).delimiter, audit }) as FastifyReply;
}

/** The subsidy rows name beneficiaries: their download is an export of those beneficiaries. */
const SUBSIDY_NAMES = { entity: 'beneficiary', idOf: (row: SubsidyMonthItem) => row.beneficiaryId };

/** A report's 200: its JSON, or its rows as CSV or XLSX. */
export function reportContent<T extends TSchema>(schema: T, description: string) {
  return {
    description: `${description}; as CSV or XLSX (Accept or ?format=), the rows with headers in the Accept-Language`,
    content: {
      [EXPORT_MEDIA_TYPES.json]: { schema },
      [EXPORT_MEDIA_TYPES.csv]: { schema: Type.String({ maxLength: 2_000_000_000, description: 'RFC 4180, UTF-8 with a byte order mark' }) },
      [EXPORT_MEDIA_TYPES.xlsx]: { schema: Type.String({ format: 'binary', maxLength: 2_000_000_000, description: 'Office Open XML workbook' }) },
    },
  };
}

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/subsidy',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getSubsidyReport',
        tags: ['reports'],
        summary: 'The 10% PIIS subsidy of a year, per beneficiary and month, each month with its code, amounts, rule and explanation',
        description:
          'R-SUB-START, R-SUB-FIRST (code 11), R-SUB-SECOND (code 17, on a motivated request), R-SUB-INTERRUPT, R-SUB-COUPLE (once per couple on the category-3 rate), R-SUB-STUDENT (student PIIS apart, form codes 9/10), R-EXEMPT (form code 8). RI granted per month: each decision in force pro rata by day, less sanction suspensions, rounded to the cent; the subsidy is 10% of it.',
        querystring: ReportQuery,
        response: { 200: reportContent(SubsidyReportSchema, 'The subsidy months of the year and their totals'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const format = exportFormat(request.query.format, request.headers.accept);
      const report = await service.getSubsidyReport(ctx, request.query, { exported: format !== 'json' });
      if (!('persons' in report)) {
        return answer(request, reply, report, { name: `subsidy-${report.year}`, year: report.year, columns: subsidyColumns, items: report.items, names: SUBSIDY_NAMES });
      }
      allowLongResponse(request, reply);
      // months stored in the reader's language are sent as stored; others keep their explanations
      // as messages, said here in the reader's language
      const said = (p: { items: string; said: boolean }): string => (p.said ? p.items : JSON.stringify((JSON.parse(p.items) as StoredMonth[]).map((m) => sayMonthItem(ctx.lang, m))));
      if (format === 'json') {
        const persons = (async function* () {
          for await (const batch of report.persons) yield batch.map(said).filter((items) => items.length > 2).map((items) => items.slice(1, -1)).join(',');
        })();
        reply.type(EXPORT_MEDIA_TYPES.json);
        return (reply as FastifyReply).send(jsonRawItemsStream({ year: report.year, totals: report.totals }, persons));
      }
      const rows = (async function* () {
        for await (const batch of report.persons) yield batch.flatMap((p) => (p.said ? (JSON.parse(p.items) as SubsidyMonthItem[]) : (JSON.parse(p.items) as StoredMonth[]).map((m) => sayMonthItem(ctx.lang, m))));
      })();
      const audit = { ctx, ...SUBSIDY_NAMES };
      return sendExport(reply, format, { name: `subsidy-${report.year}`, sheetName: String(report.year), columns: subsidyColumns, rows: { batches: rows }, lang: ctx.lang, delimiter: request.query.delimiter, audit });
    },
  );
  app.get(
    '/reports/indicators',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getIndicators',
        tags: ['reports'],
        summary: 'The indicators of a year for your CPAS, each with its rule and explanation',
        description:
          'Both sets for any year: R-IND-2015 (assessments, activationPaths and its 2.1/2.2/2.3 split), R-IND-OUTCOMES (outcomes.socioProfessional, .autonomy, .volunteering, .employment; progress at 31 December, R-PROGRESS), R-IND-ENTITLED (entitled.total, .ri, .inPath and their percentages), R-IND-COMPLIANCE (compliance.concludedInTime, .fullReflection, .reflectionWaivers, .evaluationFrequency, .interviewsInTime, .medianDaysToSignature). Shares are percentages with one decimal, null when there is nothing to count.',
        querystring: YearQuery,
        response: { 200: reportContent(IndicatorsSchema, 'The indicators of the year'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      const report = await service.getIndicators(requestContext(request), request.query);
      return answer(request, reply, report, { name: `indicators-${report.year}`, year: report.year, columns: indicatorColumns, items: report.items });
    },
  );
  app.get(
    '/reports/pas-modules',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getPasModulesReport',
        tags: ['reports'],
        summary: 'The collective-modules table of a year (R-PAS-MODULES): theme, partners, sessions, hours, participants and of whom RI beneficiaries',
        querystring: YearQuery,
        response: { 200: reportContent(PasModulesReportSchema, 'The modules with a session in the year'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const report = await getPasModulesReport(ctx, request.query.year ?? Number(ctx.today.slice(0, 4)));
      return answer(request, reply, report, { name: `pas-modules-${report.year}`, year: report.year, columns: pasModuleColumns, items: report.items });
    },
  );
  app.get(
    '/reports/justification',
    {
      config: { access: 'manager', produces: PRODUCES },
      schema: {
        operationId: 'getJustificationReport',
        tags: ['reports'],
        summary: 'The eligible amounts of a year’s expenses against the computed subsidy (R-SUB-COSTS, R-PAS-COSTS)',
        querystring: JustificationQuery,
        response: { 200: reportContent(JustificationSchema, 'The justification of the year'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      const report = await service.getJustificationReport(requestContext(request), request.query);
      return answer(request, reply, report, { name: `justification-${report.subsidy}-${report.year}`, year: report.year, columns: expenseColumns, items: report.items });
    },
  );
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
};
