import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, json, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import { answer, PRODUCES, reportContent } from '../../http/report-answer.js';
import { conventionColumns, evaluationRows } from './convention.exports.js';
import { ConventionBody, ConventionParams, ConventionQuery, ConventionSchema } from './convention.schemas.js';
import * as service from './convention.service.js';

export const conventionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/reports/convention/:year',
    {
      config: { access: 'manager', problemCodes: ['date-in-future', 'no-convention'] },
      schema: {
        operationId: 'setConvention',
        tags: ['reports'],
        summary:
          'Record your CPAS’s 2015–2016 social-activation convention for a year: objectives, subsidies granted, the ' +
          'final report’s evaluation (R-IND-2015)',
        description:
          'For 2015 and 2016 only (another year: 422 no-convention). The objectives are numbered as the SPP IS ' +
          'numbers them: 1 bilans, 2 = 2.1 + 2.2 + 2.3 paths (a split, when given, adds up to 2). The evaluation ' +
          'says whether the objectives were met, through which partnerships, and why not where they were not (then ' +
          'required). Recording again replaces the year’s convention.',
        params: ConventionParams,
        body: ConventionBody,
        response: {
          200: json(ConventionSchema, 'The convention with the year’s results set against it'),
          ...problems(400, ...AUTH_ERRORS, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.setConvention(requestContext(request), request.params.year, request.body)),
  );
  app.get(
    '/reports/convention/:year',
    {
      config: { access: 'manager', produces: PRODUCES, problemCodes: ['no-convention'] },
      schema: {
        operationId: 'getConventionReport',
        tags: ['reports'],
        summary:
          'The 2015–2016 convention of a year set against its results: objectives 1, 2, 2.1–2.3, progress and ' +
          'results of the paths, advance and balance of each subsidy, the evaluation (R-IND-2015)',
        params: ConventionParams,
        querystring: ConventionQuery,
        response: {
          200: reportContent(ConventionSchema, 'The convention report'),
          ...problems(400, ...AUTH_ERRORS, 422),
        },
      },
    },
    async (request, reply) => {
      const ctx = requestContext(request);
      const report = await service.getConvention(ctx, request.params.year);
      return answer(request, reply, report, {
        name: `convention-${report.year}`,
        year: report.year,
        columns: conventionColumns,
        items: [...report.results, ...evaluationRows(report, ctx.lang)],
      });
    },
  );
};
