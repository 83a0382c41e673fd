import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AUTH_ERRORS, IdempotencyHeader, Page, Uuid, json, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import {
  AssessmentCreateBody,
  AssessmentListQuery,
  AssessmentParams,
  AssessmentSchema,
} from './assessments.schemas.js';
import * as service from './assessments.service.js';

const BeneficiaryParams = Type.Object({ beneficiaryId: Uuid('Beneficiary id') }, { additionalProperties: false });

export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/beneficiaries/:beneficiaryId/assessments',
    {
      config: { access: 'worker', problemCodes: ['date-in-future', 'invalid-reference', 'invalid-state'] },
      schema: {
        operationId: 'createAssessment',
        tags: ['assessments'],
        summary: 'Record an assessment (bilan social) of a beneficiary (R-ASSESS-FIRST, R-ASSESS-BASELINE)',
        params: BeneficiaryParams,
        headers: IdempotencyHeader,
        body: AssessmentCreateBody,
        response: {
          201: json(AssessmentSchema, 'The recorded assessment'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.createAssessment(requestContext(request), request.params.beneficiaryId, request.body),
      ),
  );
  app.get(
    '/beneficiaries/:beneficiaryId/assessments',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'listAssessments',
        tags: ['assessments'],
        summary: 'List the assessments of a beneficiary (the access is logged)',
        params: BeneficiaryParams,
        querystring: AssessmentListQuery,
        response: {
          200: json(Page(AssessmentSchema, 'Assessments'), 'A page of assessments'),
          ...problems(400, ...AUTH_ERRORS, 404),
        },
      },
    },
    async (request) => service.listAssessments(requestContext(request), request.params.beneficiaryId, request.query),
  );
  app.get(
    '/assessments/:assessmentId',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'getAssessment',
        tags: ['assessments'],
        summary: 'Read an assessment (the access is logged)',
        params: AssessmentParams,
        response: { 200: json(AssessmentSchema, 'The assessment'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.getAssessment(requestContext(request), request.params.assessmentId)),
  );
};
