import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AUTH_ERRORS,
  IdempotencyHeader,
  ListQuery,
  Page,
  Uuid,
  json,
  problems,
  type RoutesApp,
} from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { CpasCreateBody, CpasSchema } from './cpas.schemas.js';
import * as service from './cpas.service.js';
import { sendOutcome } from '../../http/reply.js';

function createCpasRoute(app: RoutesApp): void {
  app.post(
    '/cpas',
    {
      config: { access: 'platform', problemCodes: ['duplicate-kbo', 'duplicate-nis-code'] },
      schema: {
        operationId: 'createCpas',
        tags: ['cpas'],
        summary: 'Register a CPAS (platform_admin)',
        headers: IdempotencyHeader,
        body: CpasCreateBody,
        response: {
          201: json(CpasSchema, 'The registered CPAS'),
          ...problems(400, ...AUTH_ERRORS, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) => {
      const outcome = await service.createCpas(requestContext(request), request.body);
      if (outcome.status === 201)
        app.deps.cpasDirectory.remember(outcome.body.kboNumber, {
          id: outcome.body.id,
          language: outcome.body.language,
        });
      return sendOutcome(reply, outcome);
    },
  );
}

function listCpasRoute(app: RoutesApp): void {
  app.get(
    '/cpas',
    {
      config: { access: 'platform' },
      schema: {
        operationId: 'listCpas',
        tags: ['cpas'],
        summary: 'List registered CPAS (platform_admin)',
        querystring: Type.Object(ListQuery, { additionalProperties: false }),
        response: {
          200: json(Page(CpasSchema, 'Registered CPAS'), 'A page of CPAS'),
          ...problems(400, ...AUTH_ERRORS),
        },
      },
    },
    async (request) => service.listCpas(requestContext(request), request.query),
  );
}

function getCurrentCpasRoute(app: RoutesApp): void {
  app.get(
    '/cpas/current',
    {
      config: { access: 'anyTenant' },
      schema: {
        operationId: 'getCurrentCpas',
        tags: ['cpas'],
        summary: 'The CPAS the token acts for',
        response: { 200: json(CpasSchema, 'The caller’s CPAS'), ...problems(...AUTH_ERRORS, 404) },
      },
    },
    async (request) => service.getCurrentCpas(requestContext(request)),
  );
}

function getCpasRoute(app: RoutesApp): void {
  app.get(
    '/cpas/:cpasId',
    {
      config: { access: 'platform' },
      schema: {
        operationId: 'getCpas',
        tags: ['cpas'],
        summary: 'One registered CPAS (platform_admin)',
        params: Type.Object({ cpasId: Uuid('CPAS id') }, { additionalProperties: false }),
        response: { 200: json(CpasSchema, 'The CPAS'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) => service.getCpas(requestContext(request), request.params.cpasId),
  );
}

export const cpasRoutes: FastifyPluginAsyncTypebox = async (app) => {
  createCpasRoute(app);
  listCpasRoute(app);
  getCurrentCpasRoute(app);
  getCpasRoute(app);
};
