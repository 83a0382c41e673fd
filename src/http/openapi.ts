// OpenAPI 3.1 generated from the route schemas (@fastify/swagger), served at /openapi.json, with
// the interactive docs at /docs. `npm run openapi` writes the same document to openapi/.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import compress from '@fastify/compress';
import swagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Config } from '../config.js';
import { componentize } from './openapi-components.js';
import { BODY_EXAMPLES } from './openapi-examples.js';
import { Access, type AccessName } from './auth.js';
import { AcceptLanguageParameter, ContentLanguageHeader, RateLimitHeaders, RetryAfterHeader } from './schemas.js';

export async function registerOpenApi(app: FastifyInstance, _config: Config): Promise<void> {
  await app.register(swagger, { openapi: DOCUMENT, transform: transformRoute, transformObject: transformDocument });
}

const DOCUMENT: FastifyDynamicSwaggerOptions['openapi'] = {
  openapi: '3.1.0',
  info: {
    title: 'PIIS backend for Belgian CPAS',
    version: '0.1.0',
    description:
      'REST service running the PIIS (GPMI) lifecycle by the law, computing subsidy eligibility and indicators. Rule ' +
      'ids (R-…) refer to the rulebook. Errors are RFC 9457 problems (application/problem+json).',
    license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    contact: { name: 'PIIS backend maintainers' },
  },
  servers: [
    {
      url: '/',
      description: 'This deployment (local, staging or production: the host serving this document)',
      ...{ 'x-internal': false },
    },
  ],
  components: {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'Access token: a JWT following RFC8725 best practices — asymmetric algorithms only (RS256, PS256, ES256, ' +
          'EdDSA), iss, aud and exp required, in the Authorization header only',
      },
    },
  },
  security: [{ bearer: [] }],
  tags: [
    { name: 'meta', description: 'Health, metrics, codes and rules' },
    { name: 'cpas', description: 'The CPAS registry' },
    {
      name: 'beneficiaries',
      description: 'Beneficiaries and their facts: right decisions, situations, exemptions',
    },
    { name: 'assessments', description: 'Assessments (bilan social) of beneficiaries' },
    {
      name: 'piis',
      description:
        'The PIIS lifecycle: drafts, versions, handover, hearings, signatures, evaluations, interviews, amendments, ' +
        'closing, notices, sanctions',
    },
    { name: 'deadlines', description: 'The legal deadlines of a CPAS, each with its rule' },
    {
      name: 'reports',
      description:
        'A CPAS’s subsidy months, indicators, modules table and justification; frozen runs; JSON, CSV or XLSX',
    },
    {
      name: 'social activation',
      description: 'Collective social-activation modules, their participants and sessions',
    },
    { name: 'expenses', description: 'Expenses justified against a subsidy, each with its eligibility verdict' },
    {
      name: 'national',
      description:
        'The SPP IS views: national indicators with small cells suppressed, the pseudonymised statistical extract',
    },
    { name: 'integration', description: 'For vendor software: the change feed, webhooks, bulk imports' },
    {
      name: 'attachments',
      description: 'Evidence: scans and documents that prove a fact of a PIIS, stored with their SHA-256',
    },
    { name: 'audit', description: "The CPAS security adviser's view of the audit" },
  ],
};

type RouteTransform = NonNullable<FastifyDynamicSwaggerOptions['transform']>;
type DocumentTransform = NonNullable<FastifyDynamicSwaggerOptions['transformObject']>;

/**
 * Each operation as documented: who may call it, its body example, a binary upload's media types;
 * every route is rate limited, so every answer carries the RateLimit headers, and 429 and 503 also
 * say when to retry.
 */
const transformRoute: RouteTransform = ({ schema, url, route }) => {
  const s = { ...(schema ?? {}) } as Record<string, unknown> & {
    response?: Record<string, Record<string, unknown>>;
  };
  // every operation says who may call it (contract §2 "Roles"), after what it does
  const access = (route.config as { access?: string } | undefined)?.access;
  if (access && !s['hide']) s['description'] = [s['description'], whoMayCall(access)].filter(Boolean).join('\n\n');
  const example = BODY_EXAMPLES[s['operationId'] as string];
  if (example !== undefined && s['body']) s['body'] = { ...(s['body'] as object), examples: [example] };
  // A binary upload (uploadAttachment) is documented here: Fastify itself must not validate the bytes as a string.
  const binary = s['x-binary-body'] as { types: string[]; maxBytes: number; description: string } | undefined;
  if (binary) {
    delete s['x-binary-body'];
    s['body'] = {
      description: binary.description,
      required: true,
      content: Object.fromEntries(
        binary.types.map((t) => [
          t,
          { schema: { type: 'string', format: 'binary', contentMediaType: t, maxLength: binary.maxBytes } },
        ]),
      ),
    };
  }
  if (s.response) {
    const response: Record<string, Record<string, unknown>> = {};
    for (const [status, r] of Object.entries(s.response)) {
      const retry = status === '429' || status === '503' ? RetryAfterHeader : {};
      const language = status === '204' || status === '304' ? {} : ContentLanguageHeader;
      response[status] = {
        ...r,
        headers: { ...((r['headers'] as object) ?? {}), ...RateLimitHeaders, ...retry, ...language },
      };
    }
    s.response = response;
  }
  return { schema: s as never, url };
};

/** Every operation answers in the language Accept-Language asks for; PATCH bodies are JSON merge patches. */
const transformDocument: DocumentTransform = (documentObject) => {
  if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
  const openapiObject = documentObject.openapiObject;
  for (const item of Object.values(openapiObject.paths ?? {})) {
    // every operation answers in the language Accept-Language asks for (contract §2 "Language")
    for (const operation of Object.values(
      item as Record<string, { parameters?: Array<{ in: string; name: string }> }>,
    )) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const parameters = (operation.parameters ?? []).filter(
        (p) => !(p.in === 'header' && p.name.toLowerCase() === 'accept-language'),
      );
      operation.parameters = [...parameters, AcceptLanguageParameter];
    }
    const body = (item as { patch?: { requestBody?: { content?: Record<string, unknown> } } }).patch?.requestBody;
    if (body?.content?.['application/json'])
      body.content = { 'application/merge-patch+json': body.content['application/json'], ...body.content };
  }
  return componentize(openapiObject as never);
};

/** The sentence of an operation's description that names the roles it admits. */
function whoMayCall(access: string): string {
  if (access === 'public') return 'No token needed.';
  const roles = Access[access as AccessName];
  if (!roles) throw new Error(`OpenAPI: unknown access ${access}`);
  const scope =
    access === 'analyst' || access === 'platform'
      ? ''
      : '; records of the token’s CPAS only, another CPAS’s answer 404';
  return `Who may call it: ${roles.map((r) => `\`${r}\``).join(', ')} (the token's \`roles\`)${scope}.`;
}

/**
 * The interactive docs (/docs) and the document route, served compressed — brotli or gzip, as
 * Accept-Encoding asks: the document is 0.4 MB of JSON and Swagger UI's script 1.5 MB, which a
 * browser on a slow link waited for. Compression is scoped to these routes (an encapsulated
 * context), so API answers are not compressed on this service's CPU.
 */
export async function registerDocs(app: FastifyInstance, documentRoute: FastifyPluginAsync): Promise<void> {
  await app.register(async (docs) => {
    await docs.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
    await docs.register(swaggerUi, {
      routePrefix: '/docs',
      staticCSP: true,
      uiConfig: { docExpansion: 'list', deepLinking: true },
    });
    await docs.register(documentRoute);
  });
}
