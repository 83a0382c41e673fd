import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, IdempotencyHeader, Page, json, problems, type RoutesApp } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import {
  IMPORT_TYPES,
  ImportListQuery,
  ImportParams,
  ImportQuery,
  ImportRowSchema,
  ImportRowsQuery,
  ImportSchema,
  MAX_IMPORT_BYTES,
} from './imports.schemas.js';
import * as service from './imports.service.js';

function createImportRoute(app: RoutesApp): void {
  app.post(
    '/imports',
    {
      config: { access: 'integration' },
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        operationId: 'createImport',
        tags: ['integration'],
        summary:
          'Import a file of beneficiaries, right decisions, assessments or PIIS drafts in the background; 202 with ' +
          'the import to follow',
        description:
          'NDJSON (application/x-ndjson: one JSON object per line) or CSV (text/csv: a header row of field names; ' +
          'arrays and objects as JSON in their cell). Each row is the body the API takes to create such a record, ' +
          'with externalRef required: a row whose externalRef exists already is unchanged (same values), updated (a ' +
          'beneficiary, a PIIS draft) or rejected (a fact: facts are corrected, not re-imported), so re-running a ' +
          'file changes nothing. Every row gets a verdict (GET /v1/imports/{importId}/rows); a refused row never ' +
          'stops the others. Up to 64 MB.',
        'x-binary-body': { types: [...IMPORT_TYPES], maxBytes: MAX_IMPORT_BYTES, description: 'The file' },
        headers: IdempotencyHeader,
        querystring: ImportQuery,
        response: {
          202: json(ImportSchema, 'Accepted: the import, queued'),
          ...problems(400, ...AUTH_ERRORS, 409, 413, 415, 422),
        },
      } as never,
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.createImport(
          requestContext(request),
          request.query as never,
          request.body as Buffer,
          String(request.headers['content-type'] ?? '')
            .split(';')[0]!
            .trim()
            .toLowerCase(),
        ),
      ),
  );
}

function listImportsRoute(app: RoutesApp): void {
  app.get(
    '/imports',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'listImports',
        tags: ['integration'],
        summary: 'The imports of your CPAS, oldest first',
        querystring: ImportListQuery,
        response: { 200: json(Page(ImportSchema, 'Imports'), 'A page of imports'), ...problems(400, ...AUTH_ERRORS) },
      },
    },
    async (request) => service.listImports(requestContext(request), request.query),
  );
}

function getImportRoute(app: RoutesApp): void {
  app.get(
    '/imports/:importId',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'getImport',
        tags: ['integration'],
        summary: "An import's status and progress: rows processed, created, updated, unchanged, rejected",
        params: ImportParams,
        response: { 200: json(ImportSchema, 'The import'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request) => service.getImport(requestContext(request), request.params.importId),
  );
}

function listImportRowsRoute(app: RoutesApp): void {
  app.get(
    '/imports/:importId/rows',
    {
      config: { access: 'integration' },
      schema: {
        operationId: 'listImportRows',
        tags: ['integration'],
        summary:
          'The verdict of every row, in file order (?verdict=rejected for the refusals, with their problem code and ' +
          'rule)',
        params: ImportParams,
        querystring: ImportRowsQuery,
        response: {
          200: json(Page(ImportRowSchema, 'Row verdicts'), 'A page of verdicts'),
          ...problems(400, ...AUTH_ERRORS, 404),
        },
      },
    },
    async (request) => service.listImportRows(requestContext(request), request.params.importId, request.query),
  );
}

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // the file arrives as its own bytes; these parsers live in this plugin only
  app.addContentTypeParser(
    [...IMPORT_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => done(null, body),
  );

  createImportRoute(app);
  listImportsRoute(app);
  getImportRoute(app);
  listImportRowsRoute(app);
};
