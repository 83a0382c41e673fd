import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, IdempotencyHeader, Page, json, problems, type RoutesApp } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import { Type } from 'typebox';
import { Uuid } from '../../http/schemas.js';
import {
  ModuleCreateBody,
  ModuleListQuery,
  ModuleParams,
  ModuleSchema,
  ParticipantBody,
  ParticipantSchema,
  SessionBody,
  SessionSchema,
} from './activation.schemas.js';
import * as service from './activation.service.js';

const ParticipantParams = Type.Object(
  { moduleId: ModuleParams.properties.moduleId, participantId: Uuid('Enrolment id') },
  { additionalProperties: false },
);
const SessionParams = Type.Object(
  { moduleId: ModuleParams.properties.moduleId, sessionId: Uuid('Session id') },
  { additionalProperties: false },
);

function createActivationModuleRoute(app: RoutesApp): void {
  app.post(
    '/activation-modules',
    {
      config: { access: 'manager', problemCodes: ['activation-mark-missing', 'date-in-future', 'invalid-period'] },
      schema: {
        operationId: 'createActivationModule',
        tags: ['social activation'],
        summary: 'Record a collective social-activation module (R-PAS-MODULES)',
        headers: IdempotencyHeader,
        body: ModuleCreateBody,
        response: { 201: json(ModuleSchema, 'The module'), ...problems(400, ...AUTH_ERRORS, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => sendOutcome(reply, await service.createModule(requestContext(request), request.body)),
  );
}

function listActivationModulesRoute(app: RoutesApp): void {
  app.get(
    '/activation-modules',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'listActivationModules',
        tags: ['social activation'],
        summary: 'List the activation modules of your CPAS',
        querystring: ModuleListQuery,
        response: { 200: json(Page(ModuleSchema, 'Modules'), 'A page of modules'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => service.listModules(requestContext(request), request.query),
  );
}

function enrolParticipantRoute(app: RoutesApp): void {
  app.post(
    '/activation-modules/:moduleId/participants',
    {
      config: {
        access: 'manager',
        problemCodes: ['date-in-future', 'invalid-period', 'invalid-reference', 'invalid-state'],
      },
      schema: {
        operationId: 'enrolParticipant',
        tags: ['social activation'],
        summary: 'Enrol a beneficiary in a module, with the PIIS it belongs to',
        params: ModuleParams,
        headers: IdempotencyHeader,
        body: ParticipantBody,
        response: {
          201: json(ParticipantSchema, 'The enrolment'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.enrolParticipant(requestContext(request), request.params.moduleId, request.body),
      ),
  );
}

function recordModuleSessionRoute(app: RoutesApp): void {
  app.post(
    '/activation-modules/:moduleId/sessions',
    {
      config: {
        access: 'manager',
        problemCodes: ['date-in-future', 'invalid-period', 'invalid-reference', 'invalid-state'],
      },
      schema: {
        operationId: 'recordModuleSession',
        tags: ['social activation'],
        summary: 'Record a session of a module with its attendance (enrolled participants only)',
        params: ModuleParams,
        headers: IdempotencyHeader,
        body: SessionBody,
        response: {
          201: json(SessionSchema, 'The session'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.recordSession(requestContext(request), request.params.moduleId, request.body)),
  );
}

function getActivationModuleRoute(app: RoutesApp): void {
  app.get(
    '/activation-modules/:moduleId',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'getActivationModule',
        tags: ['social activation'],
        summary: 'One activation module of your CPAS',
        params: ModuleParams,
        response: { 200: json(ModuleSchema, 'The module'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) => service.getModule(requestContext(request), request.params.moduleId),
  );
}

function getParticipantRoute(app: RoutesApp): void {
  app.get(
    '/activation-modules/:moduleId/participants/:participantId',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'getParticipant',
        tags: ['social activation'],
        summary: 'One enrolment in a module (the access is logged)',
        params: ParticipantParams,
        response: { 200: json(ParticipantSchema, 'The enrolment'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) =>
      service.getParticipant(requestContext(request), request.params.moduleId, request.params.participantId),
  );
}

function getModuleSessionRoute(app: RoutesApp): void {
  app.get(
    '/activation-modules/:moduleId/sessions/:sessionId',
    {
      config: { access: 'manager' },
      schema: {
        operationId: 'getModuleSession',
        tags: ['social activation'],
        summary: 'One session of a module with its attendance (the access is logged)',
        params: SessionParams,
        response: { 200: json(SessionSchema, 'The session'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) => service.getSession(requestContext(request), request.params.moduleId, request.params.sessionId),
  );
}

export const activationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  createActivationModuleRoute(app);
  listActivationModulesRoute(app);
  enrolParticipantRoute(app);
  recordModuleSessionRoute(app);
  getActivationModuleRoute(app);
  getParticipantRoute(app);
  getModuleSessionRoute(app);
};
