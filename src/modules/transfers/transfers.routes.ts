import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AUTH_ERRORS,
  IdempotencyHeader,
  OptionalIfMatchHeader,
  Page,
  json,
  problems,
  type RoutesApp,
} from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import {
  BeneficiaryParams,
  RefuseBody,
  TransferBody,
  TransferListQuery,
  TransferParams,
  TransferSchema,
} from './transfers.schemas.js';
import * as service from './transfers.service.js';

const DecisionHeaders = Type.Object({ ...OptionalIfMatchHeader.properties, ...IdempotencyHeader.properties });

function createTransferRoute(app: RoutesApp): void {
  app.post(
    '/beneficiaries/:beneficiaryId/transfers',
    {
      config: { access: 'worker', problemCodes: ['date-in-future', 'invalid-reference', 'invalid-state'] },
      schema: {
        operationId: 'createTransfer',
        tags: ['beneficiaries'],
        summary: "Offer a person's file to the CPAS they moved to; it sees an envelope only until it accepts",
        description:
          'On acceptance the receiving CPAS gets a copy of the beneficiary, the assessments and every PIIS with its ' +
          'versions, signatures and evaluations, each with its provenance; health-domain scores travel only with ' +
          'consentOn. Your record of the person then stays readable but no longer changes (409 invalid-state).',
        headers: IdempotencyHeader,
        params: BeneficiaryParams,
        body: TransferBody,
        response: {
          201: json(TransferSchema, 'The transfer, pending'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.createTransfer(requestContext(request), request.params.beneficiaryId, request.body),
      ),
  );
}

function listTransfersRoute(app: RoutesApp): void {
  app.get(
    '/transfers',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'listTransfers',
        tags: ['beneficiaries'],
        summary: 'Transfers of your CPAS, incoming and outgoing',
        querystring: TransferListQuery,
        response: {
          200: json(Page(TransferSchema, 'Transfers'), 'A page of transfers'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request) => service.listTransfers(requestContext(request), request.query),
  );
}

function getTransferRoute(app: RoutesApp): void {
  app.get(
    '/transfers/:transferId',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'getTransfer',
        tags: ['beneficiaries'],
        summary: 'One transfer, as your CPAS holds it',
        params: TransferParams,
        response: { 200: json(TransferSchema, 'The transfer'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.getTransfer(requestContext(request), request.params.transferId)),
  );
}

function acceptTransferRoute(app: RoutesApp): void {
  app.post(
    '/transfers/:transferId/accept',
    {
      config: { access: 'worker', problemCodes: ['invalid-state'] },
      schema: {
        operationId: 'acceptTransfer',
        tags: ['beneficiaries'],
        summary:
          'Accept an incoming transfer: the file is copied into your CPAS (joined to your record of the person when ' +
          'you know the NISS already)',
        headers: DecisionHeaders,
        params: TransferParams,
        response: {
          200: json(TransferSchema, 'The transfer, accepted, with what was copied'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 412),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.decideTransfer(
          requestContext(request),
          request.params.transferId,
          request.headers['if-match'],
          true,
          null,
        ),
      ),
  );
}

function refuseTransferRoute(app: RoutesApp): void {
  app.post(
    '/transfers/:transferId/refuse',
    {
      config: { access: 'worker', problemCodes: ['invalid-state'] },
      schema: {
        operationId: 'refuseTransfer',
        tags: ['beneficiaries'],
        summary: 'Refuse an incoming transfer: nothing is copied; the sender may offer it again',
        headers: DecisionHeaders,
        params: TransferParams,
        body: RefuseBody,
        response: {
          200: json(TransferSchema, 'The transfer, refused'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 412, 413, 415),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.decideTransfer(
          requestContext(request),
          request.params.transferId,
          request.headers['if-match'],
          false,
          request.body?.reason ?? null,
        ),
      ),
  );
}

export const transferRoutes: FastifyPluginAsyncTypebox = async (app) => {
  createTransferRoute(app);
  listTransfersRoute(app);
  getTransferRoute(app);
  acceptTransferRoute(app);
  refuseTransferRoute(app);
};
