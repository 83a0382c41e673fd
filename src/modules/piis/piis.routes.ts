// HTTP for the PIIS lifecycle. Each action route takes its access from the transition table and
// calls one service function; the services own the transactions and the rules.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import {
  AUTH_ERRORS,
  IdempotencyHeader,
  IfMatchHeader,
  OptionalIfMatchHeader,
  Page,
  Uuid,
  json,
  problems,
  type RoutesApp,
} from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { optionalIfMatch, requireIfMatch } from '../../core/etag.js';
import { sendOutcome } from '../../http/reply.js';
import type { Outcome } from '../../core/context.js';
import * as schemas from './piis.schemas.js';
import * as service from './piis.service.js';
import * as lifecycle from './piis.lifecycle.js';
import { transitions, type Action } from './piis.transitions.js';

const TransitionHeaders = Type.Object({ ...OptionalIfMatchHeader.properties, ...IdempotencyHeader.properties });
const BeneficiaryParams = Type.Object({ beneficiaryId: Uuid('Beneficiary id') }, { additionalProperties: false });
const HearingParams = Type.Object(
  { piisId: Uuid('PIIS id'), hearingId: Uuid('Hearing request id') },
  { additionalProperties: false },
);
const InterviewParams = Type.Object(
  { piisId: Uuid('PIIS id'), interviewId: Uuid('Interview request id') },
  { additionalProperties: false },
);
const TimelineQuery = Type.Object(
  { limit: schemas.FactListQuery.properties.limit, cursor: schemas.FactListQuery.properties.cursor },
  { additionalProperties: false },
);

const WRITE_ERRORS = [400, ...AUTH_ERRORS, 404, 409, 412, 413, 415, 422] as const;

type Req = { params: Record<string, string>; body: unknown; headers: Record<string, string | string[] | undefined> };

interface ActionRoute {
  action: Action;
  path: string;
  summary: string;
  params: TSchema;
  body: TSchema;
  status: 200 | 201;
  response: TSchema;
  run(ctx: ReturnType<typeof requestContext>, req: Req, ifMatch: number | undefined): Promise<Outcome>;
}

const actionRoutes: ActionRoute[] = [
  {
    action: 'handover',
    path: '/piis/:piisId/handover',
    summary: 'Hand the draft over for the reflection period',
    params: schemas.PiisParams,
    body: schemas.HandoverBody,
    status: 200,
    response: schemas.PiisSchema,
    run: (ctx, r, m) => lifecycle.handOver(ctx, r.params['piisId']!, m, r.body as schemas.HandoverBody),
  },
  {
    action: 'requestHearing',
    path: '/piis/:piisId/hearing-requests',
    summary: 'Record that the person asked to be heard before signing',
    params: schemas.PiisParams,
    body: schemas.HearingRequestBody,
    status: 201,
    response: schemas.HearingRequestSchema,
    run: (ctx, r, m) => lifecycle.requestHearing(ctx, r.params['piisId']!, m, r.body as schemas.HearingRequestBody),
  },
  {
    action: 'recordHearingOutcome',
    path: '/piis/:piisId/hearing-requests/:hearingId/outcome',
    summary: 'Record that the hearing was held or the request withdrawn',
    params: HearingParams,
    body: schemas.HearingOutcomeBody,
    status: 200,
    response: schemas.HearingRequestSchema,
    run: (ctx, r, m) =>
      lifecycle.recordHearingOutcome(
        ctx,
        r.params['piisId']!,
        r.params['hearingId']!,
        m,
        r.body as schemas.HearingOutcomeBody,
      ),
  },
  {
    action: 'sign',
    path: '/piis/:piisId/signatures',
    summary: 'Record one party’s signature; the PIIS is signed when the beneficiary and the CPAS have signed',
    params: schemas.PiisParams,
    body: schemas.SignatureBody,
    status: 201,
    response: schemas.SignatureSchema,
    run: (ctx, r, m) => lifecycle.sign(ctx, r.params['piisId']!, m, r.body as schemas.SignatureBody),
  },
  {
    action: 'evaluate',
    path: '/piis/:piisId/evaluations',
    summary: 'Record an evaluation of the signed contract',
    params: schemas.PiisParams,
    body: schemas.EvaluationBody,
    status: 201,
    response: schemas.EvaluationSchema,
    run: (ctx, r, m) => lifecycle.evaluate(ctx, r.params['piisId']!, m, r.body as schemas.EvaluationBody),
  },
  {
    action: 'requestInterview',
    path: '/piis/:piisId/interview-requests',
    summary: 'Record that the person asked for an interview',
    params: schemas.PiisParams,
    body: schemas.InterviewRequestBody,
    status: 201,
    response: schemas.InterviewRequestSchema,
    run: (ctx, r, m) => lifecycle.requestInterview(ctx, r.params['piisId']!, m, r.body as schemas.InterviewRequestBody),
  },
  {
    action: 'recordInterviewHeld',
    path: '/piis/:piisId/interview-requests/:interviewId/held',
    summary: 'Record that the interview was held',
    params: InterviewParams,
    body: schemas.InterviewHeldBody,
    status: 200,
    response: schemas.InterviewRequestSchema,
    run: (ctx, r, m) =>
      lifecycle.recordInterviewHeld(
        ctx,
        r.params['piisId']!,
        r.params['interviewId']!,
        m,
        r.body as schemas.InterviewHeldBody,
      ),
  },
  {
    action: 'amend',
    path: '/piis/:piisId/amendments',
    summary: 'Amend (or prolong) the signed contract: a new version signed by both parties',
    params: schemas.PiisParams,
    body: schemas.AmendmentBody,
    status: 201,
    response: schemas.PiisSchema,
    run: (ctx, r, m) => lifecycle.amend(ctx, r.params['piisId']!, m, r.body as schemas.AmendmentBody),
  },
  {
    action: 'requestSubsidyExtension',
    path: '/piis/:piisId/subsidy-extension-requests',
    summary: 'Record a motivated request for a second subsidy year (cpas_manager)',
    params: schemas.PiisParams,
    body: schemas.SubsidyExtensionBody,
    status: 201,
    response: schemas.SubsidyExtensionSchema,
    run: (ctx, r, m) =>
      lifecycle.requestSubsidyExtension(ctx, r.params['piisId']!, m, r.body as schemas.SubsidyExtensionBody),
  },
  {
    action: 'close',
    path: '/piis/:piisId/close',
    summary: 'Close the PIIS with its actual end date and outcome',
    params: schemas.PiisParams,
    body: schemas.CloseBody,
    status: 200,
    response: schemas.PiisSchema,
    run: (ctx, r, m) => lifecycle.close(ctx, r.params['piisId']!, m, r.body as schemas.CloseBody),
  },
  {
    action: 'issueNotice',
    path: '/piis/:piisId/notices',
    summary: 'Record a written formal notice (cpas_manager)',
    params: schemas.PiisParams,
    body: schemas.NoticeBody,
    status: 201,
    response: schemas.NoticeSchema,
    run: (ctx, r, m) => lifecycle.issueNotice(ctx, r.params['piisId']!, m, r.body as schemas.NoticeBody),
  },
  {
    action: 'decideSanction',
    path: '/piis/:piisId/sanctions',
    summary: 'Record a sanction: a suspension of RI (cpas_manager)',
    params: schemas.PiisParams,
    body: schemas.SanctionBody,
    status: 201,
    response: schemas.SanctionSchema,
    run: (ctx, r, m) => lifecycle.decideSanction(ctx, r.params['piisId']!, m, r.body as schemas.SanctionBody),
  },
];

const recordLists: Array<{
  segment: string;
  kind: keyof typeof service.recordLists;
  operationId: string;
  getOp: string;
  one: string;
  schema: TSchema;
  noun: string;
  voidOp?: string;
  action: Action;
}> = [
  {
    segment: 'hearing-requests',
    kind: 'hearings',
    operationId: 'listHearingRequests',
    getOp: 'getHearingRequest',
    one: 'hearing request',
    schema: schemas.HearingRequestSchema,
    noun: 'hearing requests',
    voidOp: 'voidHearingRequest',
    action: 'requestHearing',
  },
  {
    segment: 'signatures',
    kind: 'signatures',
    operationId: 'listSignatures',
    getOp: 'getSignature',
    one: 'signature',
    schema: schemas.SignatureSchema,
    noun: 'signatures',
    voidOp: 'voidSignature',
    action: 'sign',
  },
  {
    segment: 'evaluations',
    kind: 'evaluations',
    operationId: 'listEvaluations',
    getOp: 'getEvaluation',
    one: 'evaluation',
    schema: schemas.EvaluationSchema,
    noun: 'evaluations',
    voidOp: 'voidEvaluation',
    action: 'evaluate',
  },
  {
    segment: 'interview-requests',
    kind: 'interviews',
    operationId: 'listInterviewRequests',
    getOp: 'getInterviewRequest',
    one: 'interview request',
    schema: schemas.InterviewRequestSchema,
    noun: 'interview requests',
    voidOp: 'voidInterviewRequest',
    action: 'requestInterview',
  },
  {
    segment: 'notices',
    kind: 'notices',
    operationId: 'listNotices',
    getOp: 'getNotice',
    one: 'formal notice',
    schema: schemas.NoticeSchema,
    noun: 'formal notices',
    voidOp: 'voidNotice',
    action: 'issueNotice',
  },
  {
    segment: 'sanctions',
    kind: 'sanctions',
    operationId: 'listSanctions',
    getOp: 'getSanction',
    one: 'sanction',
    schema: schemas.SanctionSchema,
    noun: 'sanctions',
    voidOp: 'voidSanction',
    action: 'decideSanction',
  },
  {
    segment: 'subsidy-extension-requests',
    kind: 'extensions',
    operationId: 'listSubsidyExtensionRequests',
    getOp: 'getSubsidyExtensionRequest',
    one: 'subsidy extension request',
    schema: schemas.SubsidyExtensionSchema,
    noun: 'subsidy extension requests',
    action: 'requestSubsidyExtension',
  },
];

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
          ('current: 412. Once handed over the contract changes only by amendment (amendPiis). Emits piis.updated ' +
            'naming the fields changed.'),
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

function actionRoutesEach(app: RoutesApp): void {
  for (const route of actionRoutes) {
    const t = transitions[route.action];
    app.post(
      route.path,
      {
        config: { access: t.access, problemCodes: t.refusals },
        schema: {
          operationId: t.operationId,
          tags: ['piis'],
          summary: `${route.summary} (${t.rules.join(', ')})`,
          description:
            `Allowed while the PIIS is ${t.from.join(', ')}; otherwise 409 invalid-state. Emits ` +
            `${t.events.join(' or ')} (see listEvents).`,
          params: route.params,
          headers: TransitionHeaders,
          body: route.body,
          response: { [route.status]: json(route.response, 'The result'), ...problems(...WRITE_ERRORS) },
        },
      },
      async (request, reply) => {
        const req = request as unknown as Req;
        const ifMatch = optionalIfMatch(request.headers['if-match'] as string | undefined);
        return sendOutcome(reply, await route.run(requestContext(request), req, ifMatch));
      },
    );
  }
}

function recordListsRoutes(app: RoutesApp): void {
  for (const list of recordLists) {
    app.get(
      `/piis/:piisId/${list.segment}`,
      {
        config: { access: 'worker' },
        schema: {
          operationId: list.operationId,
          tags: ['piis'],
          summary: `List the ${list.noun} of a PIIS in force (all with includeVoided=true)`,
          description:
            `Voided ${list.noun} are listed only with includeVoided=true. Paged with limit and cursor; ` +
            `reading them is an access to the person’s file, logged.`,
          params: schemas.PiisParams,
          querystring: schemas.FactListQuery,
          response: {
            200: json(Page(list.schema, list.noun), `A page of ${list.noun}`),
            ...problems(400, ...AUTH_ERRORS, 404),
          },
        },
      },
      async (request) =>
        service.listRecords(requestContext(request), request.params.piisId, list.kind, request.query) as never,
    );
    app.get(
      `/piis/:piisId/${list.segment}/:factId`,
      {
        config: { access: 'worker' },
        schema: {
          operationId: list.getOp,
          tags: ['piis'],
          summary: `One ${list.one} of a PIIS, in force or not (the Location of its creation)`,
          description:
            `Answers the ${list.one} whether or not it is still in force; 404 when it is not one of this ` + `PIIS’s.`,
          params: schemas.FactParams,
          response: { 200: json(list.schema, `The ${list.one}`), ...problems(400, ...AUTH_ERRORS, 404) },
        },
      },
      async (request) =>
        service.getRecord(requestContext(request), request.params.piisId, list.kind, request.params.factId) as never,
    );
    if (!list.voidOp) continue;
    app.post(
      `/piis/:piisId/${list.segment}/:factId/void`,
      {
        config: { access: transitions[list.action].access, problemCodes: ['invalid-state'] },
        schema: {
          operationId: list.voidOp,
          tags: ['piis'],
          summary: `Void one of the ${list.noun} with a reason (R-CORRECT); the rules then follow the records in force`,
          description:
            `The record stays readable, marked void with its reason; the PIIS’s dates and flags are ` +
            (`computed again from the records still in force. Emits ` +
              `piis.${list.segment.replace(/-/g, '_').replace(/s$/, '')}_voided.`),
          params: schemas.FactParams,
          headers: TransitionHeaders,
          body: schemas.VoidBody,
          response: { 200: json(list.schema, 'The voided record'), ...problems(...WRITE_ERRORS) },
        },
      },
      async (request, reply) =>
        sendOutcome(
          reply,
          await lifecycle.voidRecord(
            requestContext(request),
            request.params.piisId,
            list.segment,
            request.params.factId,
            optionalIfMatch(request.headers['if-match']),
            request.body.reason,
          ),
        ),
    );
  }
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
