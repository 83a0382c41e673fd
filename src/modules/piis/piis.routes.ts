// HTTP for the PIIS lifecycle. Each action route takes its access from the transition table and
// calls one service function; the services own the transactions and the rules.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AUTH_ERRORS,
  IdempotencyHeader,
  IfMatchHeader,
  Page,
  Uuid,
  json,
  problems,
  type RoutesApp,
} from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { requireIfMatch } from '../../core/etag.js';
import { sendOutcome } from '../../http/reply.js';
import * as schemas from './piis.schemas.js';
import * as service from './piis.service.js';
import { transitions } from './piis.transitions.js';
import { actionRoutesEach, WRITE_ERRORS } from './piis.action-routes.js';
import { recordListsRoutes } from './piis.record-routes.js';

const BeneficiaryParams = Type.Object({ beneficiaryId: Uuid('Beneficiary id') }, { additionalProperties: false });
const TimelineQuery = Type.Object(
  { limit: schemas.FactListQuery.properties.limit, cursor: schemas.FactListQuery.properties.cursor },
  { additionalProperties: false },
);

function createPiisRoute(app: RoutesApp): void {
  app.post(
    '/beneficiaries/:beneficiaryId/piis',
    {
      config: {
        access: 'worker',
        problemCodes: [
          'category-not-allowed',
          'content-incomplete',
          'date-in-future',
          'invalid-period',
          'invalid-reference',
          'invalid-state',
        ],
      },
      schema: {
        operationId: 'createPiis',
        tags: ['piis'],
        summary: 'Create a PIIS draft (version 1); the content may be incomplete until handover',
        description:
          'The beneficiary must be one of your CPAS’s (422 invalid-reference); dates and the activation category are ' +
          'checked now, the completeness of the content (R-CONTENT) at handover. Emits piis.created.',
        params: BeneficiaryParams,
        headers: IdempotencyHeader,
        body: schemas.PiisCreateBody,
        response: {
          201: json(schemas.PiisSchema, 'The draft'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.createPiis(requestContext(request), request.params.beneficiaryId, request.body)),
  );
}

function listPiisRoute(app: RoutesApp): void {
  app.get(
    '/piis',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'listPiis',
        tags: ['piis'],
        summary: 'List PIIS by status or beneficiary (the access is logged)',
        description:
          'Filters combine; paged with limit and cursor. The read is logged as an access to every person listed.',
        querystring: schemas.PiisListQuery,
        response: { 200: json(Page(schemas.PiisSchema, 'PIIS'), 'A page of PIIS'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => service.listPiis(requestContext(request), request.query),
  );
}

function getPiisRoute(app: RoutesApp): void {
  app.get(
    '/piis/:piisId',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'getPiis',
        tags: ['piis'],
        summary: 'Read a PIIS: current content, status and every computed date with its rule',
        description:
          'Each computed date and flag comes with the rule and an explanation in the Accept-Language. The ETag ' +
          'carries the version a change must name in If-Match. The read is logged as an access to the person’s file.',
        params: schemas.PiisParams,
        response: { 200: json(schemas.PiisSchema, 'The PIIS'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) => sendOutcome(reply, await service.getPiis(requestContext(request), request.params.piisId)),
  );
}

function updatePiisDraftRoute(app: RoutesApp): void {
  app.patch(
    '/piis/:piisId',
    {
      config: { access: transitions.updateDraft.access, problemCodes: transitions.updateDraft.refusals },
      schema: {
        operationId: 'updatePiisDraft',
        tags: ['piis'],
        summary: 'Change a draft (JSON merge patch, If-Match required); only in draft',
        description:
          'Send only what changes; null removes an optional value. Without If-Match: 428; with a version no longer ' +
          'current: 412. Once handed over the contract changes only by amendment (amendPiis). Emits piis.updated ' +
          'naming the fields changed.',
        params: schemas.PiisParams,
        headers: IfMatchHeader,
        body: schemas.PiisPatchBody,
        response: { 200: json(schemas.PiisSchema, 'The changed draft'), ...problems(...WRITE_ERRORS, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request.headers['if-match']);
      return sendOutcome(
        reply,
        await service.updatePiisDraft(requestContext(request), request.params.piisId, version, request.body),
      );
    },
  );
}

function listPiisVersionsRoute(app: RoutesApp): void {
  app.get(
    '/piis/:piisId/versions',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'listPiisVersions',
        tags: ['piis'],
        summary: 'Every version of the contract, as signed (R-SIGNED-VERSION)',
        params: schemas.PiisParams,
        response: {
          200: json(Page(schemas.VersionSchema, 'Versions'), 'The versions'),
          ...problems(400, ...AUTH_ERRORS, 404),
        },
      },
    },
    async (request) => service.listVersions(requestContext(request), request.params.piisId),
  );
}

function getPiisVersionRoute(app: RoutesApp): void {
  app.get(
    '/piis/:piisId/versions/:version',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'getPiisVersion',
        tags: ['piis'],
        summary: 'One version of the contract, as signed',
        params: schemas.VersionParams,
        response: { 200: json(schemas.VersionSchema, 'The version'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.getVersion(requestContext(request), request.params.piisId, request.params.version),
      ),
  );
}

function getPiisTimelineRoute(app: RoutesApp): void {
  app.get(
    '/piis/:piisId/timeline',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'getPiisTimeline',
        tags: ['piis'],
        summary: 'Every event of the PIIS, in order, with its actor',
        params: schemas.PiisParams,
        querystring: TimelineQuery,
        response: {
          200: json(Page(schemas.TimelineEvent, 'Events'), 'The events'),
          ...problems(400, ...AUTH_ERRORS, 404),
        },
      },
    },
    async (request) => service.getTimeline(requestContext(request), request.params.piisId, request.query),
  );
}

export const piisRoutes: FastifyPluginAsyncTypebox = async (app) => {
  createPiisRoute(app);
  listPiisRoute(app);
  getPiisRoute(app);
  updatePiisDraftRoute(app);
  actionRoutesEach(app);
  recordListsRoutes(app);
  listPiisVersionsRoute(app);
  getPiisVersionRoute(app);
  getPiisTimelineRoute(app);
};
