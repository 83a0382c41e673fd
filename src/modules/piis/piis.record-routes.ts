// The facts a PIIS records (hearings, signatures, evaluations, interviews, notices, sanctions,
// extension requests) over HTTP: their lists and reads, and their voiding (R-CORRECT).
import { type TSchema } from 'typebox';
import { AUTH_ERRORS, Page, json, problems, type RoutesApp } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { optionalIfMatch } from '../../core/etag.js';
import { sendOutcome } from '../../http/reply.js';
import * as schemas from './piis.schemas.js';
import { TransitionHeaders, WRITE_ERRORS } from './piis.action-routes.js';
import * as service from './piis.service.js';
import * as lifecycle from './piis.lifecycle.js';
import { transitions, type Action } from './piis.transitions.js';

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

export function recordListsRoutes(app: RoutesApp): void {
  for (const list of recordLists) {
    listRecordsRoute(app, list);
    getRecordRoute(app, list);
    if (list.voidOp) voidRecordRoute(app, list);
  }
}

type RecordList = (typeof recordLists)[number];

/** The records of one kind of a PIIS, paged. */
function listRecordsRoute(app: RoutesApp, list: RecordList): void {
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
}

/** One record of a PIIS, in force or not. */
function getRecordRoute(app: RoutesApp, list: RecordList): void {
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
}

/** Voiding a record with its reason (R-CORRECT). */
function voidRecordRoute(app: RoutesApp, list: RecordList): void {
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
          `computed again from the records still in force. Emits ` +
          `piis.${list.segment.replace(/-/g, '_').replace(/s$/, '')}_voided.`,
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
