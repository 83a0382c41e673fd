// Three fact kinds, one route shape each: record (POST), list (GET), void (POST …/{id}/void).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { AUTH_ERRORS, IdempotencyHeader, Page, Uuid, json, problems, type RoutesApp } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import type { AccessName } from '../../http/auth.js';
import {
  ExemptionCreateBody,
  ExemptionSchema,
  FactListQuery,
  RightCreateBody,
  RightSchema,
  SituationCreateBody,
  SituationSchema,
  VoidBody,
} from './facts.schemas.js';
import * as service from './facts.service.js';

interface FactRouteSpec {
  kind: service.FactKind<never>;
  body: TSchema;
  schema: TSchema;
  ops: { record: string; list: string; get: string; void: string };
  /** the record in the singular with its article, and in the plural, as summaries name it */
  one: string;
  many: string;
  write: AccessName;
  rules: string;
}

const specs: FactRouteSpec[] = [
  {
    kind: service.rightDecisions as service.FactKind<never>,
    body: RightCreateBody,
    schema: RightSchema,
    ops: {
      record: 'recordRightDecision',
      list: 'listRightDecisions',
      get: 'getRightDecision',
      void: 'voidRightDecision',
    },
    one: 'a right decision',
    many: 'right decisions',
    write: 'worker',
    rules: 'R-RIGHT, R-CORRECT',
  },
  {
    kind: service.situations as service.FactKind<never>,
    body: SituationCreateBody,
    schema: SituationSchema,
    ops: { record: 'recordSituation', list: 'listSituations', get: 'getSituation', void: 'voidSituation' },
    one: 'a situation (employment, studies or training)',
    many: 'situations (employment, studies, training)',
    write: 'worker',
    rules: 'R-RIGHT, R-CORRECT',
  },
  {
    kind: service.exemptions as service.FactKind<never>,
    body: ExemptionCreateBody,
    schema: ExemptionSchema,
    ops: { record: 'recordExemption', list: 'listExemptions', get: 'getExemption', void: 'voidExemption' },
    one: 'an exemption',
    many: 'exemptions',
    write: 'manager',
    rules: 'R-EXEMPT, R-CORRECT',
  },
];

const BeneficiaryParams = Type.Object({ beneficiaryId: Uuid('Beneficiary id') }, { additionalProperties: false });
const FactParams = Type.Object(
  { beneficiaryId: Uuid('Beneficiary id'), factId: Uuid('Fact id') },
  { additionalProperties: false },
);

function specsRoutes(app: RoutesApp): void {
  for (const spec of specs) {
    const base = `/beneficiaries/:beneficiaryId/${spec.kind.segment}`;
    recordRoute(app, spec, base);
    listRoute(app, spec, base);
    getRoute(app, spec, base);
    voidRoute(app, spec, base);
  }
}

/** Recording a fact: a correction names the one it replaces. */
function recordRoute(app: RoutesApp, spec: FactRouteSpec, base: string): void {
  app.post(
    base,
    {
      config: {
        access: spec.write,
        problemCodes: ['date-in-future', 'invalid-period', 'invalid-reference', 'invalid-state'],
      },
      schema: {
        operationId: spec.ops.record,
        tags: ['beneficiaries'],
        summary: `Record ${spec.one} (${spec.rules})`,
        description:
          `A correction names the fact it replaces (supersedes) and why (reason): the replaced fact ` +
          `stops being in force and stays readable. Emits ${spec.kind.label}.recorded.`,
        params: BeneficiaryParams,
        headers: IdempotencyHeader,
        body: spec.body,
        response: {
          201: json(spec.schema, 'The recorded fact'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.recordFact(
          spec.kind,
          requestContext(request),
          request.params.beneficiaryId,
          request.body as never,
        ),
      ),
  );
}

/** The facts of a beneficiary, paged. */
function listRoute(app: RoutesApp, spec: FactRouteSpec, base: string): void {
  app.get(
    base,
    {
      config: { access: 'worker' },
      schema: {
        operationId: spec.ops.list,
        tags: ['beneficiaries'],
        summary: `List the ${spec.many} in force (all with includeVoided=true)`,
        description:
          `Voided and superseded ${spec.many} are listed only with includeVoided=true; each says ` +
          'whether it is in force (inForce). Paged with limit and cursor.',
        params: BeneficiaryParams,
        querystring: FactListQuery,
        response: {
          200: json(Page(spec.schema, spec.many), `A page of ${spec.many}`),
          ...problems(400, ...AUTH_ERRORS, 404),
        },
      },
    },
    async (request) =>
      service.listFacts(spec.kind, requestContext(request), request.params.beneficiaryId, request.query),
  );
}

/** One fact, in force or not. */
function getRoute(app: RoutesApp, spec: FactRouteSpec, base: string): void {
  app.get(
    `${base}/:factId`,
    {
      config: { access: 'worker' },
      schema: {
        operationId: spec.ops.get,
        tags: ['beneficiaries'],
        summary: `Read ${spec.one}, in force or not (the Location of its recording)`,
        description:
          'Answers the fact whether or not it is still in force (inForce, supersededBy, voidedAt say why not); 404 ' +
          'when it is not one of this beneficiary’s.',
        params: FactParams,
        response: { 200: json(spec.schema, 'The record'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) =>
      service.getFact(spec.kind, requestContext(request), request.params.beneficiaryId, request.params.factId),
  );
}

/** Voiding a fact with its reason (R-CORRECT). */
function voidRoute(app: RoutesApp, spec: FactRouteSpec, base: string): void {
  app.post(
    `${base}/:factId/void`,
    {
      config: { access: spec.write, problemCodes: ['invalid-state'] },
      schema: {
        operationId: spec.ops.void,
        tags: ['beneficiaries'],
        summary: `Void ${spec.one} with a reason (R-CORRECT)`,
        description:
          `The fact stays readable, marked void with its reason; voiding a correction puts the fact it ` +
          `corrected back in force. Every date computed from it is computed again. Emits ${spec.kind.label}.voided.`,
        params: FactParams,
        headers: IdempotencyHeader,
        body: VoidBody,
        response: {
          200: json(spec.schema, 'The voided record'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 413, 415, 422),
        },
      },
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.voidFact(
          spec.kind,
          requestContext(request),
          request.params.beneficiaryId,
          request.params.factId,
          request.body.reason,
        ),
      ),
  );
}

export const factRoutes: FastifyPluginAsyncTypebox = async (app) => {
  specsRoutes(app);
};
