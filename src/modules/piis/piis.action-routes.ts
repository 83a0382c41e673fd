// The PIIS lifecycle's actions and recorded facts over HTTP: one route per transition of the table
// (its access from there), each calling one lifecycle function; the lists and reads of its facts.
import { Type, type TSchema } from 'typebox';
import {
  AUTH_ERRORS,
  IdempotencyHeader,
  OptionalIfMatchHeader,
  Uuid,
  json,
  problems,
  type RoutesApp,
} from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { optionalIfMatch } from '../../core/etag.js';
import { sendOutcome } from '../../http/reply.js';
import type { Outcome } from '../../core/context.js';
import * as schemas from './piis.schemas.js';
import * as lifecycle from './piis.lifecycle.js';
import { transitions, type Action } from './piis.transitions.js';

export const TransitionHeaders = Type.Object({ ...OptionalIfMatchHeader.properties, ...IdempotencyHeader.properties });
const HearingParams = Type.Object(
  { piisId: Uuid('PIIS id'), hearingId: Uuid('Hearing request id') },
  { additionalProperties: false },
);
const InterviewParams = Type.Object(
  { piisId: Uuid('PIIS id'), interviewId: Uuid('Interview request id') },
  { additionalProperties: false },
);
export const WRITE_ERRORS = [400, ...AUTH_ERRORS, 404, 409, 412, 413, 415, 422] as const;

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

export function actionRoutesEach(app: RoutesApp): void {
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
