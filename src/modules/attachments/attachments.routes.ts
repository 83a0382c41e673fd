import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTH_ERRORS, IdempotencyHeader, Page, json, problems, type RoutesApp } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { sendOutcome } from '../../http/reply.js';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './content-type.js';
import {
  AttachmentListQuery,
  AttachmentParams,
  AttachmentSchema,
  PiisAttachmentsParams,
  UploadQuery,
} from './attachments.schemas.js';
import * as service from './attachments.service.js';

function uploadAttachmentRoute(app: RoutesApp): void {
  app.post(
    '/attachments',
    {
      config: { access: 'worker' },
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        operationId: 'uploadAttachment',
        tags: ['attachments'],
        summary:
          'Store a PDF or image (up to 10 MB) proving a PIIS or one of its facts; its type is checked from its ' +
          'bytes, its SHA-256 kept',
        description:
          'Send the file itself as the body, with its Content-Type (application/pdf, image/png or image/jpeg); what ' +
          'it proves goes in the query.',
        'x-binary-body': { types: [...ATTACHMENT_TYPES], maxBytes: MAX_ATTACHMENT_BYTES, description: 'The file' },
        headers: IdempotencyHeader,
        querystring: UploadQuery,
        response: {
          201: json(AttachmentSchema, 'The stored attachment'),
          ...problems(400, ...AUTH_ERRORS, 404, 409, 413, 415, 422),
        },
      } as never,
    },
    async (request, reply) =>
      sendOutcome(
        reply,
        await service.uploadAttachment(
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

function getAttachmentRoute(app: RoutesApp): void {
  app.get(
    '/attachments/:attachmentId',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'getAttachment',
        tags: ['attachments'],
        summary: 'An attachment: what it proves, its type, size and SHA-256 (the bytes: …/content)',
        params: AttachmentParams,
        response: { 200: json(AttachmentSchema, 'The attachment'), ...problems(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) =>
      sendOutcome(reply, await service.getAttachment(requestContext(request), request.params.attachmentId)),
  );
}

function getAttachmentContentRoute(app: RoutesApp): void {
  app.get(
    '/attachments/:attachmentId/content',
    {
      config: { access: 'worker', produces: [...ATTACHMENT_TYPES] },
      schema: {
        operationId: 'getAttachmentContent',
        tags: ['attachments'],
        summary: 'The bytes of an attachment, exactly as stored (Repr-Digest carries their SHA-256)',
        params: AttachmentParams,
        response: {
          200: {
            description: 'The file',
            content: Object.fromEntries(
              ATTACHMENT_TYPES.map((t) => [
                t,
                { schema: { type: 'string', format: 'binary', contentMediaType: t, maxLength: MAX_ATTACHMENT_BYTES } },
              ]),
            ),
          },
          ...problems(400, ...AUTH_ERRORS, 404, 410),
        },
      },
    },
    async (request, reply) => {
      const { row, bytes } = await service.getAttachmentContent(requestContext(request), request.params.attachmentId);
      return reply
        .header('content-type', row.media_type)
        .header('etag', `"${row.sha256}"`)
        .header('repr-digest', `sha-256=:${Buffer.from(row.sha256, 'hex').toString('base64')}:`)
        .header(
          'content-disposition',
          `attachment; filename="${(row.file_name ?? `${row.id}`).replace(/["\\]/g, '_')}"`,
        )
        .send(bytes);
    },
  );
}

function listAttachmentsRoute(app: RoutesApp): void {
  app.get(
    '/piis/:piisId/attachments',
    {
      config: { access: 'worker' },
      schema: {
        operationId: 'listAttachments',
        tags: ['attachments'],
        summary: 'The attachments of a PIIS, oldest first',
        params: PiisAttachmentsParams,
        querystring: AttachmentListQuery,
        response: {
          200: json(Page(AttachmentSchema, 'Attachments'), 'A page of attachments'),
          ...problems(400, ...AUTH_ERRORS, 404),
        },
      },
    },
    async (request) => service.listAttachments(requestContext(request), request.params.piisId, request.query),
  );
}

export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Files arrive as their own bytes (Content-Type: the file's type); these parsers live in this
  // plugin only, so no other route accepts a binary body.
  app.addContentTypeParser(
    [...ATTACHMENT_TYPES],
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_request, body, done) => done(null, body),
  );

  uploadAttachmentRoute(app);
  getAttachmentRoute(app);
  getAttachmentContentRoute(app);
  listAttachmentsRoute(app);
};
