// The one error handler: every thrown error — domain refusal, validation, body limits, database
// trouble, bug — leaves as application/problem+json. 4xx details never carry stacks, SQL or
// personal data; a 500 says nothing beyond the request id.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, catalogue, problemTitle, problemType, type FieldError, type ProblemCode } from './problem.js';
import { PROBLEM_MEDIA_TYPE } from './schemas.js';
import { negotiateLanguage } from './language.js';
import { NotInlinable } from '../db/one-round-trip.js';

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  detail: string,
  extra: { rule?: string; errors?: FieldError[]; headers?: Record<string, string>; existingId?: string } = {},
) {
  const status = catalogue[code].status;
  request.problemCode = code;
  const body: Record<string, unknown> = {
    type: problemType(code),
    title: problemTitle(code, negotiateLanguage(request.headers['accept-language'])),
    status,
    detail,
    instance: request.url.split('?')[0]!.slice(0, 2000),
    code,
    requestId: request.id,
  };
  if (extra.rule) body['rule'] = extra.rule;
  if (extra.errors) body['errors'] = extra.errors.slice(0, 100);
  if (extra.existingId) body['existingId'] = extra.existingId;
  for (const [k, v] of Object.entries(extra.headers ?? {})) reply.header(k, v);
  return reply.code(status).type(PROBLEM_MEDIA_TYPE).send(body);
}

const fastifyStatusCodes: Record<number, ProblemCode> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'unavailable',
  504: 'timeout',
};

/** SQLSTATE of the transfer guard triggers (migration …_transfers): a transferred file is read-only. */
export const TRANSFERRED = 'PT409';

interface PgLikeError {
  code?: string;
  message?: string;
}

function databaseProblem(error: PgLikeError): ProblemCode | null {
  const code = error.code ?? '';
  if (code === '57014') return 'timeout'; // statement timeout
  if (code === '57P01' || code === '57P02' || code === '57P03' || code.startsWith('08')) return 'unavailable';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code)) return 'unavailable';
  // pg-pool: every connection busy for longer than connectionTimeoutMillis
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(error.message ?? '')) return 'unavailable';
  return null;
}

function validationErrors(error: FastifyError): FieldError[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const extra = (v.params as { additionalProperty?: string }).additionalProperty;
    const base = `/${where}${v.instancePath}`;
    if (extra) return { path: `${base}/${extra}`, message: 'unknown field' };
    if (missing) return { path: `${base}/${missing}`, message: 'is required' };
    return { path: base, message: v.message ?? 'is not valid' };
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & PgLikeError, request, reply) => {
    if (error instanceof AppError) {
      const { rule, errors, headers, existingId } = error.extra as {
        rule?: string;
        errors?: FieldError[];
        headers?: Record<string, string>;
        existingId?: string;
      };
      return sendProblem(request, reply, error.code, error.detail, { rule, errors, headers, existingId });
    }
    if (error.validation) {
      const errors = validationErrors(error);
      return sendProblem(request, reply, 'validation-failed', `The request ${error.validationContext ?? 'body'} is not valid`, { errors });
    }
    if ((typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) || error instanceof NotInlinable) {
      // A data exception: a value the client sent that the database cannot store or compare
      // (e.g. a NUL character in a text). Nothing was written: the transaction rolled back.
      return sendProblem(request, reply, 'validation-failed', 'A value in the request cannot be stored (invalid characters or out of range)');
    }
    if (error.code === TRANSFERRED) {
      // a guard trigger: the person's file was transferred to another CPAS (read-only here)
      return sendProblem(request, reply, 'invalid-state', 'This person’s file was transferred to another CPAS: it is read-only here');
    }
    const dbProblem = databaseProblem(error);
    if (dbProblem === 'timeout') {
      request.log.warn({ err: { code: error.code } }, 'statement timeout');
      return sendProblem(request, reply, 'timeout', 'The request took too long and was cancelled; nothing was written');
    }
    if (dbProblem === 'unavailable') {
      request.log.error({ err: { code: error.code, message: error.message } }, 'database unavailable');
      return sendProblem(request, reply, 'unavailable', 'The database is unreachable; retry later', { headers: { 'retry-after': '5' } });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    const mapped = status < 500 || status === 503 || status === 504 ? fastifyStatusCodes[status] : undefined;
    if (mapped) {
      // Fastify's own 4xx (malformed JSON, body limit, media type): their messages hold no data.
      const detail = mapped === 'payload-too-large' ? 'The request body exceeds the size limit' : error.message.slice(0, 300);
      return sendProblem(request, reply, mapped, detail);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, 'internal-error', `Unexpected error; quote request id ${request.id}`);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 'not-found', `No operation ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`),
  );
}
