import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { AUTH_ERRORS, problems, type RoutesApp } from '../../http/schemas.js';
import { allowLongResponse, EXPORT_MEDIA_TYPES, exportFormat, jsonItemsStream, sendExport } from '../../http/export.js';
import { requestContext } from '../../http/request-context.js';
import { answer, PRODUCES, reportContent } from '../../http/report-answer.js';
import { ExtractQuery, ExtractSchema, NationalIndicatorsSchema, NationalQuery } from './national.schemas.js';
import { extractColumns, nationalColumns, nationalFigureRows } from './national.exports.js';
import { getNationalIndicators, getStatisticalExtract } from './national.service.js';
import { pseudonymMasterKey } from './pseudonyms.js';

function getNationalIndicatorsRoute(app: RoutesApp): void {
  app.get(
    '/reports/national/indicators',
    {
      config: { access: 'analyst', produces: PRODUCES },
      schema: {
        operationId: 'getNationalIndicators',
        tags: ['national'],
        summary: 'The indicators of a year for every CPAS and the nation, small cells suppressed (R-IND-PRIVACY)',
        description:
          'For the SPP IS (spp_analyst). One row per registered CPAS with the figures of getIndicators, and the ' +
          'national totals. A figure is null with `suppressed` when it would show a count of 1–4 persons (primary) ' +
          'or could let one be recomputed from the totals or the other figures (complementary). Counts only: no ' +
          'person is ever named.',
        querystring: NationalQuery,
        response: {
          200: reportContent(NationalIndicatorsSchema, 'The national indicators of the year'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const report = await getNationalIndicators(ctx, request.query);
      // the rows of a CSV or XLSX (17,000 labelled figures) are made for a download only
      if (exportFormat(request.query.format, request.headers.accept) === 'json') return report;
      return answer(request, reply, report, {
        name: `national-indicators-${report.year}`,
        year: report.year,
        columns: nationalColumns,
        items: nationalFigureRows(report, ctx.lang),
      });
    },
  );
}

function getStatisticalExtractRoute(app: RoutesApp, masterKey: string): void {
  app.get(
    '/reports/national/extract',
    {
      config: { access: 'analyst', produces: PRODUCES },
      schema: {
        operationId: 'getStatisticalExtract',
        tags: ['national'],
        summary:
          'The pseudonymised statistical extract of a year: one row per PIIS and year, every CPAS (R-IND-PRIVACY)',
        description:
          'For the SPP IS (spp_analyst). Persons and PIIS are keyed HMAC pseudonyms of their internal ids, per ' +
          'purpose; no name, NISS, free text or health data. Streamed (JSON, CSV or XLSX) as the database reads it. ' +
          'Every download is audited. A pseudonymised extract is still personal data under the GDPR.',
        querystring: ExtractQuery,
        response: { 200: reportContent(ExtractSchema, 'The extract of the year'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const extract = await getStatisticalExtract(ctx, request.query, masterKey);
      allowLongResponse(request, reply);
      const format = exportFormat(request.query.format, request.headers.accept);
      const name = `statistical-extract-${extract.year ?? 'all'}-${extract.purpose}`;
      if (format === 'json') {
        reply.type(EXPORT_MEDIA_TYPES.json);
        return (reply as FastifyReply).send(
          jsonItemsStream(
            { year: extract.year, purpose: extract.purpose, rule: 'R-IND-PRIVACY', explanation: extract.explanation },
            { batches: extract.batches },
          ),
        );
      }
      const audit = { ctx, entity: extract.auditEntity };
      return sendExport(reply, format, {
        name,
        sheetName: String(extract.year ?? 'extract'),
        columns: extractColumns,
        rows: { batches: extract.batches },
        lang: ctx.lang,
        delimiter: request.query.delimiter,
        audit,
      });
    },
  );
}

export const nationalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const masterKey = pseudonymMasterKey(app.deps.config);
  getNationalIndicatorsRoute(app);
  getStatisticalExtractRoute(app, masterKey);
};
