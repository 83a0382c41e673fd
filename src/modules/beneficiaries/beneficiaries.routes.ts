import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AUTH_ERRORS,
  IdempotencyHeader,
  IfMatchHeader,
  Page,
  json,
  problems,
  type RoutesApp,
} from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { requireIfMatch } from '../../core/etag.js';
import { sendOutcome } from '../../http/reply.js';
import {
  BeneficiaryCreateBody,
  BeneficiaryListQuery,
  BeneficiaryParams,
  BeneficiaryPatchBody,
  BeneficiarySchema,
} from './beneficiaries.schemas.js';
import * as service from './beneficiaries.service.js';

function createBeneficiaryRoute(app: RoutesApp): void {
  app.post(
    '/beneficiaries',
    {
      config: {
        access: 'worker',
        problemCodes: ['birth-date-mismatch', 'date-in-future', 'duplicate-beneficiary', 'invalid-partner'],
      },
      schema: {
        operationId: 'createBeneficiary',
        tags: ['beneficiaries'],
        summary: 'Register a beneficiary (R-ID-NISS)',
        description:
          'The NISS (or BIS number) is checked digit by digit (400 invalid-niss); one already registered in your ' +
          'CPAS answers 409 duplicate-beneficiary with its existingId. With an Idempotency-Key a retry answers the ' +
          'first answer again. Emits beneficiary.created.',
        headers: IdempotencyHeader,
        body: BeneficiaryCreateBody,
        response: {
          201: json(BeneficiarySchema, 'The registered beneficiary'),
          ...problems(400, ...AUTH_ERRORS, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.createBeneficiary(requestContext(request), request.body)),
  );
}

function listBeneficiariesRoute(app: RoutesApp): void {
  app.get(
    '/beneficiaries',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'listBeneficiaries',
        tags: ['beneficiaries'],
        summary: 'Find beneficiaries by NISS, externalRef or name',
        description:
          'Filters combine; none lists every beneficiary of your CPAS. Paged with limit and cursor; the read is ' +
          'logged as an access to every person listed.',
        querystring: BeneficiaryListQuery,
        response: {
          200: json(Page(BeneficiarySchema, 'Beneficiaries'), 'A page of beneficiaries'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request) => service.listBeneficiaries(requestContext(request), request.query),
  );
}

function getBeneficiaryRoute(app: RoutesApp): void {
  app.get(
    '/beneficiaries/:beneficiaryId',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'getBeneficiary',
        tags: ['beneficiaries'],
        summary: 'Read a beneficiary (the access is logged)',
        description: 'The ETag carries the version an update must name in If-Match.',
        params: BeneficiaryParams,
        response: { 200: json(BeneficiarySchema, 'The beneficiary'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.getBeneficiary(requestContext(request), request.params.beneficiaryId)),
  );
}

function updateBeneficiaryRoute(app: RoutesApp): void {
  app.patch(
    '/beneficiaries/:beneficiaryId',
    {
      config: {
        access: 'worker',
        problemCodes: [
          'birth-date-mismatch',
          'date-in-future',
          'duplicate-beneficiary',
          'invalid-partner',
          'invalid-state',
        ],
      },
      schema: {
        operationId: 'updateBeneficiary',
        tags: ['beneficiaries'],
        summary: 'Change a beneficiary (JSON merge patch, If-Match required)',
        description:
          'Send only the fields that change; null removes an optional one. Without If-Match: 428; with a version no ' +
          'longer current: 412 (read it again). Emits beneficiary.updated naming the fields changed.',
        params: BeneficiaryParams,
        headers: IfMatchHeader,
        body: BeneficiaryPatchBody,
        response: {
          200: json(BeneficiarySchema, 'The changed beneficiary'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 412, 413, 415, 422, 428),
        },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request.headers['if-match']);
      return sendOutcome(
        reply,
        await service.updateBeneficiary(requestContext(request), request.params.beneficiaryId, version, request.body),
      );
    },
  );
}

export const beneficiaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  createBeneficiaryRoute(app);
  listBeneficiariesRoute(app);
  getBeneficiaryRoute(app);
  updateBeneficiaryRoute(app);
};
