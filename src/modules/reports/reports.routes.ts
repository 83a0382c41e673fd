import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, json, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { IndicatorsSchema, ReportQuery, SubsidyReportSchema, YearQuery } from './reports.schemas.js';
import * as service from './reports.service.js';

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reports/subsidy',
    {
      config: { access: 'anyTenant' },
      schema: {
        operationId: 'getSubsidyReport',
        tags: ['reports'],
        summary: 'The 10% PIIS subsidy of a year, per beneficiary and month, each month with its code, amounts, rule and explanation',
        description:
          'R-SUB-START, R-SUB-FIRST (code 11), R-SUB-SECOND (code 17, on a motivated request), R-SUB-INTERRUPT, R-SUB-COUPLE (once per couple on the category-3 rate), R-SUB-STUDENT (student PIIS apart, form codes 9/10), R-EXEMPT (form code 8). RI granted per month: each decision in force pro rata by day, less sanction suspensions, rounded to the cent; the subsidy is 10% of it.',
        querystring: ReportQuery,
        response: { 200: json(SubsidyReportSchema, 'The subsidy months of the year and their totals'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => service.getSubsidyReport(requestContext(request), request.query),
  );
  app.get(
    '/reports/indicators',
    {
      config: { access: 'anyTenant' },
      schema: {
        operationId: 'getIndicators',
        tags: ['reports'],
        summary: 'The indicators of a year for your CPAS, each with its rule and explanation',
        description:
          'Both sets for any year: R-IND-2015 (assessments, activationPaths and its 2.1/2.2/2.3 split), R-IND-OUTCOMES (outcomes.socioProfessional, .autonomy, .volunteering, .employment; progress at 31 December, R-PROGRESS), R-IND-ENTITLED (entitled.total, .ri, .inPath and their percentages), R-IND-COMPLIANCE (compliance.concludedInTime, .fullReflection, .reflectionWaivers, .evaluationFrequency, .interviewsInTime, .medianDaysToSignature). Shares are percentages with one decimal, null when there is nothing to count.',
        querystring: YearQuery,
        response: { 200: json(IndicatorsSchema, 'The indicators of the year'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => service.getIndicators(requestContext(request), request.query),
  );
};
