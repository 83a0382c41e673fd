// Shared TypeBox schemas: one source of truth for common shapes (ids, dates, problems, pages) and
// the helpers that declare every status an operation can return, with its media type.
import { Type, type TLiteral, type TSchema, type TUnion } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { codeLists, type CodeList } from '../rules/code-lists.js';
import { codesForStatus } from '../core/problem.js';
import { named } from './openapi-components.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * A field whose bounds a rule sets: a value out of them answers 400 validation-failed naming the
 * rule (`x-rule`, read by the error handler; an OpenAPI specification extension for readers).
 */
export const ruled = <T extends TSchema>(schema: T, rule: string): T => ({ ...schema, 'x-rule': rule });

/** An integer with its bounds and OpenAPI format (int32 within ±2^31, else int64). */
export const Int = (minimum: number, maximum: number, description: string, extra: { default?: number } = {}) =>
  Type.Integer({
    minimum,
    maximum,
    format: Math.max(Math.abs(minimum), Math.abs(maximum)) < 2 ** 31 ? 'int32' : 'int64',
    description,
    ...extra,
  });

export const Uuid = (description: string) => Type.String({ format: 'uuid', minLength: 36, maxLength: 36, description });

export const CivilDate = (description: string) =>
  Type.String({
    format: 'date',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
    minLength: 10,
    maxLength: 10,
    description: `${description} (civil date YYYY-MM-DD, Belgian calendar)`,
  });

export const Instant = (description: string) =>
  Type.String({ format: 'date-time', minLength: 20, maxLength: 35, description: `${description} (RFC 3339, UTC)` });

export const Text = (description: string, maxLength = 2000) => Type.String({ minLength: 1, maxLength, description });

/** A value or null, described as a whole (the value's own description unless told). */
export const Nullable = <T extends TSchema>(
  schema: T,
  description = (schema as { description?: string }).description,
) => Type.Union([schema, Type.Null()], description ? { description } : {});

/** An output date (YYYY-MM-DD), described. */
export const DateOut = (description: string) => Type.String({ format: 'date', maxLength: 10, description });

/** Who did it: the `sub` of the token that made the change. */
export const Actor = (description: string) =>
  Type.String({ maxLength: 200, description: `${description} (the token’s sub)` });

/** The calling software’s own id of a record, as answered (null when it gave none). */
export const ExternalRefOut = Type.Union([Type.String({ maxLength: 100 }), Type.Null()], {
  description: 'The calling software’s own id of this record; null when it gave none',
});

export const ExternalRef = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[^\\s].*$',
  description: "The calling software's own identifier for this record; unique per CPAS and resource kind",
});

export const Language = Type.Union([Type.Literal('fr'), Type.Literal('nl'), Type.Literal('de')], {
  description: 'Language: fr, nl or de',
});

export const FieldErrorSchema = named(
  'ValidationError',
  Type.Object(
    {
      path: Type.String({ maxLength: 500, description: 'JSON pointer (or parameter name) of the offending value' }),
      message: Type.String({ maxLength: 500, description: 'What is wrong with it' }),
    },
    { additionalProperties: false, description: 'One value of the request that was refused, and why' },
  ),
);

export const ProblemSchema = named(
  'Problem',
  Type.Object(
    {
      type: Type.String({ maxLength: 200, description: 'urn:piis:problem:<code>' }),
      title: Type.String({ maxLength: 200, description: 'Short summary in the negotiated language' }),
      status: Int(400, 599, 'HTTP status'),
      detail: Type.String({ maxLength: 2000, description: 'Explanation of this occurrence; never personal data' }),
      instance: Type.String({ maxLength: 2000, description: 'The request path' }),
      code: Type.String({ maxLength: 100, description: 'Stable problem code (kebab-case)' }),
      rule: Type.Optional(
        Type.String({ maxLength: 50, description: 'Rule id (R-…) of the rulebook that refused the request' }),
      ),
      requestId: Type.String({ maxLength: 100, description: 'Id of the request, as in the logs' }),
      errors: Type.Optional(Type.Array(FieldErrorSchema, { maxItems: 100, description: 'Validation errors' })),
      existingId: Type.Optional(Uuid('Id of the existing record (duplicates)')),
    },
    { additionalProperties: false, description: 'RFC 9457 problem details' },
  ),
);

/** A problem answer of this status, naming the codes it can carry (all the status's codes unless told). */
export const problemContent = (status: number, codes: readonly string[] = codesForStatus(status)) => ({
  description: `${status}: ${codes.join(', ')}`,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } },
});

/**
 * Problems every operation may return: a request not received in time, a URI or headers too
 * long, rate limiting, unexpected errors, outages, timeouts.
 */
const ALWAYS = [406, 408, 414, 429, 431, 500, 503, 504] as const;
/** Problems of every operation that reads a body: too large, or not a media type it reads. */
const WITH_BODY = [413, 415] as const;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Declares 413 and 415 on a route whose method carries a body (fastify parses one for these). */
export function declareBodyProblems(route: {
  method: string | string[];
  schema?: { response?: Record<string | number, unknown> };
}): void {
  const response = route.schema?.response;
  if (!response || ![route.method].flat().some((m) => BODY_METHODS.has(m))) return;
  for (const status of WITH_BODY) response[status] ??= problemContent(status);
}
/** Problems of every authenticated operation. */
export const AUTH_ERRORS = [401, 403] as const;

export function problems(...statuses: number[]): Record<number, ReturnType<typeof problemContent>> {
  const all = new Set<number>([...statuses, ...ALWAYS]);
  return Object.fromEntries([...all].sort().map((s) => [s, problemContent(s)]));
}

export function json<T extends TSchema>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A list's lookup by the vendor's own id: the records carrying it (a value no record can carry finds none). */
export const ExternalRefFilter = Type.Optional(
  Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'Only the record carrying this externalRef (the calling software’s own id)',
  }),
);

export const ListQuery = {
  limit: Type.Optional(Int(1, 500, 'Page size (1–500, default 50)', { default: 50 })),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 500, description: 'Opaque cursor from a previous page' }),
  ),
};

export function Page<T extends TSchema>(item: T, description: string) {
  return Type.Object(
    {
      items: Type.Array(item, { maxItems: 500, description }),
      nextCursor: Type.Union([Type.String({ maxLength: 500 }), Type.Null()], {
        description: 'Cursor of the next page; null on the last page',
      }),
    },
    { additionalProperties: false },
  );
}

/** A computed value with the rule and facts that produced it (contract §2 "Explanations"). */
export function Explained<T extends TSchema>(value: T, description: string) {
  return Type.Object(
    {
      value: Type.Union([value, Type.Null()], { description: 'The computed value; null when nothing applies' }),
      rule: Type.String({ maxLength: 50, description: 'Rule id' }),
      explanation: Type.String({ maxLength: 2000, description: 'Which facts and rule produced the value' }),
    },
    { additionalProperties: false, description },
  );
}

export const IfMatchHeader = Type.Object({
  'if-match': Type.Optional(
    Type.String({ maxLength: 200, description: 'ETag of the version being changed (required)' }),
  ),
});

/** State transitions: If-Match is optional; when given and stale, 412 and nothing is written. */
export const OptionalIfMatchHeader = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'ETag of the resource as last read (optional): when it is no longer current, 412 precondition-failed and ' +
        'nothing is written',
    }),
  ),
});

export const IdempotencyHeader = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'Makes the POST safe to retry for 24 h (same key + same body → same answer)',
    }),
  ),
});

const headerInt = (description: string, maximum: number) => ({
  type: 'integer',
  format: 'int32',
  minimum: 0,
  maximum,
  description,
});

/** Headers of every answer of a rate-limited operation (IETF RateLimit header fields draft). */
export const RateLimitHeaders = {
  'RateLimit-Limit': headerInt('Requests allowed per window', 1_000_000_000),
  'RateLimit-Remaining': headerInt('Requests left in the window', 1_000_000_000),
  'RateLimit-Reset': headerInt('Seconds until the window resets', 86_400),
} as const;

/** The language of the sentences an answer carries (contract §2 "Language"). */
export const ContentLanguageHeader = {
  'Content-Language': {
    type: 'string',
    enum: ['fr', 'nl', 'de', 'en'],
    description:
      'The language of the sentences in this answer (fr, nl, de or en): the one Accept-Language asked for, else the ' +
      'CPAS’s, else fr',
  },
} as const;

/** Accept-Language, as every operation reads it. */
export const AcceptLanguageParameter = {
  in: 'header',
  name: 'Accept-Language',
  required: false,
  description:
    'The language of every sentence meant for a person (labels, problem titles and details, validation messages, ' +
    'explanations, export headers and coded cells, documents): fr, nl, de or en, with region subtags and q-values ' +
    '(nl-BE,nl;q=0.9 → nl). Without it, the language of the caller’s CPAS (fr without a CPAS). Codes, keys and rule ' +
    'ids never change.',
  schema: { type: 'string', maxLength: 500 },
  example: 'nl-BE,nl;q=0.9',
} as const;

export const RetryAfterHeader = { 'Retry-After': headerInt('Seconds to wait before retrying', 86_400) } as const;

/** One literal schema per code, in order (so that the union's type is the union of the codes). */
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
type CodeUnion<L extends CodeList> =
  Literals<(typeof codeLists)[L]> extends infer T extends TSchema[] ? TUnion<T> : never;

export function codeUnion<L extends CodeList>(list: L, description: string): CodeUnion<L> {
  const codes: readonly string[] = codeLists[list];
  return Type.Union(
    codes.map((c) => Type.Literal(c)),
    { description },
  ) as unknown as CodeUnion<L>;
}

/**
 * The Fastify instance a routes plugin receives (TypeBox as its type provider): one route is registered per function.
 */
export type RoutesApp = Parameters<FastifyPluginAsyncTypebox>[0];
