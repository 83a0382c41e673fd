// The one error handler: every thrown error — domain refusal, validation, body limits, database
// trouble, bug — leaves as application/problem+json. 4xx details never carry stacks, SQL or
// personal data; a 500 says nothing beyond the request id.
import { allowedMethods } from './allowed-methods.js';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isAnswerable } from './problem-codes.js';
import { AppError, catalogue, problemTitle, problemType, type FieldError, type ProblemCode } from '../core/problem.js';
import { PROBLEM_MEDIA_TYPE } from './schemas.js';
import { requestLanguage } from './language.js';
import { msg, render, type Message, type Text } from '../i18n/catalogue.js';
import { bearerChallenge } from './auth.js';
import { uuidv7 } from '../db/ids.js';

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode,
  detail: Text,
  extra: { rule?: string; errors?: FieldError[]; headers?: Record<string, string>; existingId?: string } = {},
) {
  const status = catalogue[code].status;
  request.problemCode = code;
  if (!isAnswerable(request.routeOptions.config, code)) {
    const operationId =
      (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId ?? request.routeOptions.url;
    // kept for the tests (bounded: a server that meets one keeps answering, and says so in its log)
    if (request.server.undeclaredProblems.length < 100)
      request.server.undeclaredProblems.push(`${operationId} ${code}`);
    request.log.warn({ operationId, code }, 'answered with a problem code its operation does not document');
  }
  const lang = requestLanguage(request);
  const body: Record<string, unknown> = {
    type: problemType(code),
    title: problemTitle(code, lang),
    status,
    detail: render(lang, detail).slice(0, 4000),
    instance: request.url.split('?')[0]!.slice(0, 2000),
    code,
    requestId: request.id,
  };
  if (extra.rule) body['rule'] = extra.rule;
  if (extra.errors)
    body['errors'] = extra.errors
      .slice(0, 100)
      .map((e) => ({ path: e.path, message: render(lang, e.message).slice(0, 500) }));
  if (extra.existingId) body['existingId'] = extra.existingId;
  for (const [k, v] of Object.entries(extra.headers ?? {})) reply.header(k, v);
  reply.header('content-language', lang);
  // every 401 carries its challenge (RFC 6750 §3), whichever path refused the request
  if (status === 401 && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', bearerChallenge());
  return reply.code(status).type(PROBLEM_MEDIA_TYPE).send(body);
}

/** How much of an oversized body is read and dropped before the 413, and for how long at most. */
const DISCARD_MAX_BYTES = 64 * 1024 * 1024;
const DISCARD_MAX_MS = 10_000;

/** Reads and drops what is left of a request body, up to a bound; resolves when done or bounded. */
export function discardBody(raw: IncomingMessage, maxBytes = DISCARD_MAX_BYTES, maxMs = DISCARD_MAX_MS): Promise<void> {
  if (raw.complete || raw.destroyed || raw.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) finish();
    };
    const timer = setTimeout(finish, maxMs);
    raw.on('data', onData).on('end', finish).on('error', finish).on('close', finish);
    raw.resume();
  });
}

const fastifyStatusCodes: Record<number, ProblemCode> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  408: 'request-timeout',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  431: 'header-fields-too-large',
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

/** Ajv's error of one JSON Schema keyword, as a message of the catalogue (the path says where). */
export function keywordMessage(keyword: string, params: Record<string, unknown>): Message {
  const limit = Number(params['limit'] ?? params['multipleOf'] ?? 0);
  switch (keyword) {
    case 'required':
      return msg('validation.required');
    case 'additionalProperties':
      return msg('validation.unknown-field');
    case 'type':
      return msg('validation.type', { type: String(params['type']) });
    case 'format':
      return msg('validation.format', { format: String(params['format']).replace(/-/g, '_') });
    case 'pattern':
      return msg('validation.pattern');
    case 'minLength':
      return msg('validation.min-length', { limit });
    case 'maxLength':
      return msg('validation.max-length', { limit });
    case 'minimum':
    case 'formatMinimum':
      return msg('validation.minimum', { limit });
    case 'maximum':
    case 'formatMaximum':
      return msg('validation.maximum', { limit });
    case 'exclusiveMinimum':
      return msg('validation.exclusive-minimum', { limit });
    case 'exclusiveMaximum':
      return msg('validation.exclusive-maximum', { limit });
    case 'enum':
      return msg('validation.enum', { allowed: ((params['allowedValues'] as unknown[]) ?? []).map(String).join(', ') });
    case 'const':
      return msg('validation.const', { allowed: String(params['allowedValue']) });
    case 'minItems':
      return msg('validation.min-items', { limit });
    case 'maxItems':
      return msg('validation.max-items', { limit });
    case 'uniqueItems':
      return msg('validation.unique-items');
    case 'minProperties':
      return msg('validation.min-properties', { limit });
    case 'multipleOf':
      return msg('validation.multiple-of', { limit });
    default:
      return msg('validation.invalid');
  }
}

function validationErrors(error: FastifyError): FieldError[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = (v.params ?? {}) as Record<string, unknown>;
    const base = `/${where}${v.instancePath}`;
    if (typeof params['additionalProperty'] === 'string')
      return { path: `${base}/${params['additionalProperty']}`, message: keywordMessage(v.keyword, params) };
    if (typeof params['missingProperty'] === 'string')
      return { path: `${base}/${params['missingProperty']}`, message: keywordMessage(v.keyword, params) };
    return { path: base, message: keywordMessage(v.keyword, params) };
  });
}

/**
 * The rule that sets the bounds a value broke, when its schema names one (`x-rule`): the first
 * failing keyword whose schema path passes through a ruled field.
 */
function ruleOfFailure(error: FastifyError, request: FastifyRequest): string | undefined {
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[
    error.validationContext ?? 'body'
  ];
  for (const v of error.validation ?? []) {
    let node: unknown = schema;
    let rule: string | undefined;
    for (const step of v.schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1)) {
      node =
        node && typeof node === 'object'
          ? (node as Record<string, unknown>)[decodeURIComponent(step).replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined;
      const named = node && typeof node === 'object' ? (node as Record<string, unknown>)['x-rule'] : undefined;
      if (typeof named === 'string') rule = named;
    }
    if (rule) return rule;
  }
  return undefined;
}

/** Fastify's own 4xx, by its error code: a message of the catalogue (their texts are English). */
function frameworkMessage(error: FastifyError, status: number): Message {
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return msg('http.empty-json');
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.name === 'SyntaxError') return msg('http.malformed-json');
  return msg('http.framework', { status });
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
      const rule = ruleOfFailure(error, request);
      return sendProblem(
        request,
        reply,
        'validation-failed',
        msg('http.validation', { part: error.validationContext ?? 'body' }),
        { errors, rule },
      );
    }
    if (typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) {
      // A data exception: a value the client sent that the database cannot store or compare
      // (e.g. a NUL character in a text). Nothing was written: the transaction rolled back.
      return sendProblem(request, reply, 'validation-failed', msg('http.unstorable-value'));
    }
    if (error.code === TRANSFERRED) {
      // a guard trigger: the person's file was transferred to another CPAS (read-only here)
      return sendProblem(request, reply, 'invalid-state', msg('http.transferred'));
    }
    const dbProblem = databaseProblem(error);
    if (dbProblem === 'timeout') {
      request.log.warn({ err: { code: error.code } }, 'statement timeout');
      return sendProblem(request, reply, 'timeout', msg('http.statement-timeout'));
    }
    if (dbProblem === 'unavailable') {
      request.log.error({ err: { code: error.code, message: error.message } }, 'database unavailable');
      return sendProblem(request, reply, 'unavailable', msg('http.database-unavailable'), {
        headers: { 'retry-after': '5' },
      });
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    const mapped = status < 500 || status === 503 || status === 504 ? fastifyStatusCodes[status] : undefined;
    if (mapped === 'payload-too-large') {
      // the client may still be sending: read the rest (up to a bound) so that it can read the
      // answer, instead of writing into a closed connection
      return discardBody(request.raw).then(() => sendProblem(request, reply, mapped, msg('http.body-too-large')));
    }
    if (mapped) {
      // Fastify's own 4xx (malformed JSON, media type, URL): their messages hold no data.
      return sendProblem(request, reply, mapped, frameworkMessage(error, status));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, 'internal-error', msg('http.unexpected', { requestId: request.id }));
  });

  const methodsOf = allowedMethods(app.registeredRoutes);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = methodsOf(path);
    // a known path asked with a method it does not answer: 405 and the methods it does
    if (allowed.length > 0) {
      return sendProblem(
        request,
        reply,
        'method-not-allowed',
        msg('http.method-not-allowed', {
          method: request.method,
          path: path.slice(0, 200),
          allowed: allowed.join(', '),
        }),
        { headers: { allow: allowed.join(', ') } },
      );
    }
    return sendProblem(
      request,
      reply,
      'not-found',
      msg('http.no-operation', { method: request.method, path: path.slice(0, 200) }),
    );
  });
}

/**
 * Fastify's router refusals (a URL that cannot be decoded, a path parameter over its length), as
 * problems rather than Fastify's own JSON: 400 validation-failed, 414 uri-too-long.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const code = fastifyStatusCodes[error.statusCode ?? 400] ?? 'validation-failed';
  // no hook runs for these: the headers every answer carries (security-headers.ts) are set here
  reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  return sendProblem(
    request,
    reply,
    code,
    msg(code === 'uri-too-long' ? 'http.uri-part-too-long' : 'http.uri-invalid'),
  );
}

/**
 * Refusals Node.js makes before there is a request (headers too large, a request not received in
 * time, an unparsable request line), written on the socket as problems, then the connection is
 * ended once they are sent: 431 header-fields-too-large, 408 request-timeout, 400.
 */
export function clientError(error: Error & { code?: string }, socket: import('node:stream').Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ProblemCode =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'header-fields-too-large'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'request-timeout'
        : 'validation-failed';
  const status = catalogue[code].status;
  // no request was read, so no Accept-Language either: the default language (contract §2)
  const lang = 'fr';
  const detail = msg(
    code === 'header-fields-too-large'
      ? 'http.headers-too-large'
      : code === 'request-timeout'
        ? 'http.not-received-in-time'
        : 'http.not-http',
  );
  const body = JSON.stringify({
    type: problemType(code),
    title: problemTitle(code, lang),
    status,
    detail: render(lang, detail),
    instance: '',
    code,
    requestId: uuidv7(),
  });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_MEDIA_TYPE}; ` +
        `charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Language: ${lang}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
    // a client that never reads its answer does not keep the socket
    setTimeout(() => socket.destroy(), 5_000).unref();
  } else socket.destroy();
}
