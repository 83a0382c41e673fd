import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AUTH_ERRORS, Language, problems } from '../../http/schemas.js';
import { requestContext } from '../../http/request-context.js';
import { VersionParams } from '../piis/index.js';
import * as service from './documents.service.js';

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const documentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/piis/:piisId/versions/:version/document',
    {
      config: { access: 'worker', produces: ['application/pdf'] },
      schema: {
        operationId: 'getPiisDocument',
        tags: ['piis'],
        summary:
          'The contract version as a PDF in fr, nl or de (the person’s language by default): parties, objectives, ' +
          'commitments, duration, evaluation, aid, rights and signatures',
        description:
          'Stored with its SHA-256 (ETag, Repr-Digest) the first time it is rendered from a given set of facts, and ' +
          'returned byte for byte every time after; when the facts it shows change (a signature recorded or voided, ' +
          'a draft edited), the next request renders and stores the new state.',
        params: VersionParams,
        querystring: Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false }),
        response: {
          200: {
            description: 'The PDF',
            content: {
              'application/pdf': {
                schema: {
                  type: 'string',
                  format: 'binary',
                  contentMediaType: 'application/pdf',
                  maxLength: MAX_DOCUMENT_BYTES,
                },
              },
            },
          },
          ...problems(400, ...AUTH_ERRORS, 404, 410),
        },
      },
    },
    async (request, reply) => {
      const doc = await service.getPiisDocument(
        requestContext(request),
        request.params.piisId,
        request.params.version,
        request.query.lang,
      );
      return reply
        .header('content-type', 'application/pdf')
        .header('content-language', doc.lang)
        .header('etag', `"${doc.sha256}"`)
        .header('repr-digest', `sha-256=:${Buffer.from(doc.sha256, 'hex').toString('base64')}:`)
        .header('content-disposition', `inline; filename="${doc.fileName}"`)
        .send(doc.bytes as never);
    },
  );
};
