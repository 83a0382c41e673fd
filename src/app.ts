// buildApp({ config, database, clock }) → FastifyInstance. Registers the infrastructure, then each
// module explicitly. Never listens (server.ts does).
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import rateLimit from '@fastify/rate-limit';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { uuidv7 } from './db/ids.js';
import { bearerChallenge, createVerifier, Access, needsTenant, type AccessName, type Principal } from './http/auth.js';
import { clientError, frameworkError, registerErrorHandling } from './http/errors.js';
import { registerRefusalAudit } from './http/refusals.js';
import { registerContentLanguage } from './http/language.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { declareBodyProblems } from './http/schemas.js';
import { declareProblemCodes } from './http/problem-codes.js';
import { createFailureBudget } from './http/abuse-limit.js';
import { AppError, type ProblemCode } from './http/problem.js';
import { msg, render, type Lang } from './i18n/catalogue.js';
import { acceptable } from './http/accept.js';
import { registerDocs, registerOpenApi } from './http/openapi.js';
import { registerMetrics } from './http/metrics.js';
import { todayInBrussels } from './rules/calendar.js';
import { createCpasDirectory, type CpasDirectory } from './modules/cpas/cpas.directory.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { metaRoutes, openApiRoute } from './modules/meta/meta.routes.js';
import { cpasRoutes } from './modules/cpas/cpas.routes.js';
import { beneficiaryRoutes } from './modules/beneficiaries/beneficiaries.routes.js';
import { factRoutes } from './modules/facts/facts.routes.js';
import { assessmentRoutes } from './modules/assessments/assessments.routes.js';
import { piisRoutes } from './modules/piis/piis.routes.js';
import { deadlineRoutes } from './modules/deadlines/deadlines.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { activationRoutes } from './modules/activation/activation.routes.js';
import { expenseRoutes } from './modules/expenses/expenses.routes.js';
import { conventionRoutes } from './modules/convention/convention.routes.js';
import { startAuditSealer } from './modules/audit/audit.sealer.js';
import { startRollupWorker } from './modules/rollups/rollups.worker.js';
import { nationalRoutes } from './modules/national/national.routes.js';
import { eventRoutes } from './modules/events/events.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { attachmentRoutes } from './modules/attachments/attachments.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { documentRoutes } from './modules/documents/documents.routes.js';
import { transferRoutes } from './modules/transfers/transfers.routes.js';
import { retentionRoutes } from './modules/retention/retention.routes.js';
import { startImportWorker, type ImportWorker } from './modules/imports/imports.worker.js';
import { webhookRoutes } from './modules/webhooks/webhooks.routes.js';
import {
  DEFAULT_DISPATCHER,
  startWebhookDispatcher,
  type Dispatcher,
  type DispatcherOptions,
} from './modules/webhooks/webhooks.dispatcher.js';
import { createAccessLog, type AccessLog } from './modules/audit/access-log.js';
import { lazyCompilers } from './http/lazy-compilers.js';
import { TEXT_VALIDATION } from './http/validation.js';

export interface Clock {
  /** today in Europe/Brussels, YYYY-MM-DD */
  today(): string;
}

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  cpasDirectory: CpasDirectory;
  accessLog: AccessLog;
  /**
   * true once SIGTERM arrived: readiness answers 503 so that load balancers stop routing here,
   * while requests that still arrive are served; then the server closes and waits for them.
   */
  shuttingDown: boolean;
  /**
   * true once the drain is over: every new request is answered 503 unavailable (nothing is done)
   * until the connections have ended and the server closes (server.ts)
   */
  refusingRequests: boolean;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** false for the docs UI's own assets */
  documented: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    /** the webhook dispatcher of this process, when it runs one */
    webhookDispatcher: Dispatcher | null;
    /** the import worker of this process, when it runs one */
    importWorker: ImportWorker | null;
    registeredRoutes: RegisteredRoute[];
    /** compiles the validators and serializers not used yet (the server calls it once it listens; see lazy-compilers.ts) */
    warmCompilers(): Promise<number>;
    /** answers given with a problem code their operation does not document: `operationId code` (problem-codes.ts) */
    undeclaredProblems: string[];
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** the caller's CPAS id, for tokens acting for a CPAS */
    tenantId: string | null;
    /** the language of the caller's CPAS: the answers' language when Accept-Language names none */
    cpasLanguage: Lang | null;
    /** the problem code of a refused request, for its audit entry */
    problemCode: string | null;
  }
  interface FastifyContextConfig {
    /** who may call the route: a named role set, or public (no token) */
    access?: AccessName | 'public';
    /** media types the route answers with (default application/json) */
    produces?: readonly string[];
    /** the codes of 400, 409 and 422 its states and rules can answer, besides those its inputs bring (problem-codes.ts) */
    problemCodes?: readonly ProblemCode[];
    /** every code of 400, 409 and 422 it can answer (set at registration) */
    answerableCodes?: ReadonlySet<string>;
  }
}

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** where the default logger writes (tests read it) */
  logStream?: NodeJS.WritableStream;
  /** run the audit sealer in this process (default true) */
  sealAudit?: boolean;
  /** refresh the indicator rollups in the background (default true) */
  rollupWorker?: boolean;
  /** run bulk imports in this process (default true), with these settings */
  imports?: boolean | { tickMs?: number; batchSize?: number; leaseMs?: number; maxConcurrent?: number };
  /** deliver webhooks from this process (default true), with these settings */
  webhooks?: boolean | Partial<Omit<DispatcherOptions, 'allowPrivateNetworks'>>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** How long a kept-alive connection may stay idle (Node.js announces it: `Keep-Alive: timeout=5`). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/** /v1/beneficiaries?niss=85073003328&limit=5 → /v1/beneficiaries?niss=[redacted]&limit=[redacted] */
export function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .map((pair) => `${pair.split('=')[0]}=[redacted]`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  // validators and serializers compiled on first use, the rest once the server listens
  const compilers = lazyCompilers();
  const app = Fastify({
    schemaController: {
      compilersFactory: {
        buildValidator: compilers.buildValidator as never,
        buildSerializer: compilers.buildSerializer,
      },
    },
    logger: options.logger ?? {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Personal data never reaches the log: names, NISS and tokens are redacted wherever they appear.
      redact: {
        paths: [
          'req.headers.authorization',
          '*.niss',
          '*.givenName',
          '*.familyName',
          '*.signatoryName',
          '*.secret',
          'body.niss',
          'body.givenName',
          'body.familyName',
        ],
        censor: '[redacted]',
      },
      // Query strings carry search terms (a NISS, a name): log the path and the parameter names only.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: redactQuery(req.url),
          remoteAddress: req.ip,
        }),
      },
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    requestIdHeader: false,
    // refusals made before a route is found are problems too (errors.ts)
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs * 2,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    return503OnClosing: true,
    // query strings, parameters and headers are parsed from text; bodies are not coerced (lazy-compilers.ts)
    ajv: { customOptions: { ...TEXT_VALIDATION } },
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const verifier = await createVerifier(config);
  const failures = createFailureBudget(config.authFailureLimitPerMinute);
  const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;
  const principalOf = (header: string | undefined): Promise<Principal> => {
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) {
      const detail = msg('http.token-required');
      // no credentials: the challenge names the scheme only; malformed ones are an invalid request
      const challenge =
        header === undefined ? bearerChallenge() : bearerChallenge('invalid_request', render('en', detail));
      return Promise.reject(new AppError('unauthenticated', detail, { headers: { 'www-authenticate': challenge } }));
    }
    return verifier.verify(match[1]!);
  };
  app.decorate('deps', {
    config,
    database,
    clock: options.clock ?? { today: () => todayInBrussels() },
    cpasDirectory: createCpasDirectory(database.db),
    accessLog: createAccessLog(database.db, app.log),
    shuttingDown: false,
    refusingRequests: false,
  });
  // the last reads' access entries are written before the database closes
  app.addHook('onClose', async () => app.deps.accessLog.stop());
  // Every route as registered, so tests can prove the document covers exactly these.
  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.decorate('warmCompilers', () => compilers.warm());
  app.decorate('undeclaredProblems', [] as string[]);
  app.addHook('onRoute', (route) => {
    declareBodyProblems(route as never);
    declareProblemCodes(route as never);
    for (const method of [route.method].flat()) {
      registeredRoutes.push({
        method,
        url: route.url,
        documented: !(route.schema as { hide?: boolean } | undefined)?.hide,
      });
    }
  });
  app.decorateRequest('principal', null);
  app.decorateRequest('tenantId', null);
  app.decorateRequest('cpasLanguage', null);
  app.decorateRequest('problemCode', null);

  // JSON only: any other media type is a 415, not a string the schema then rejects
  app.removeContentTypeParser('text/plain');
  // merge patches are read as JSON (contract: application/json is read the same way)
  app.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );

  registerErrorHandling(app);
  registerRefusalAudit(app);
  registerContentLanguage(app);
  await registerSecurityHeaders(app);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // while shutting down, no connection is kept for another request (server.ts)
    if (app.deps.shuttingDown) reply.header('connection', 'close');
    if (app.deps.refusingRequests && request.url !== '/health/live') {
      return done(new AppError('unavailable', msg('http.shutting-down'), { headers: { 'retry-after': '1' } }));
    }
    done();
  });

  // Authentication and authorisation run before the body is even parsed: a bad token never
  // reaches a handler.
  app.addHook('onRequest', async (request) => {
    if (!acceptable(request.headers.accept, request.routeOptions.config.produces ?? ['application/json'])) {
      throw new AppError(
        'not-acceptable',
        msg('http.produces', { types: (request.routeOptions.config.produces ?? ['application/json']).join(', ') }),
      );
    }
    const access = request.routeOptions.config.access ?? 'public';
    if (access === 'public') {
      // a call to an unknown route with a token is a probe worth recording with its actor
      if (request.is404 && request.headers.authorization)
        request.principal = await principalOf(request.headers.authorization).catch(() => null);
      return;
    }
    const query = request.url.includes('?')
      ? new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1))
      : null;
    if (query && (query.has('access_token') || query.has('token') || query.has('jwt'))) {
      const detail = msg('http.token-in-url');
      throw new AppError('unauthenticated', detail, {
        headers: { 'www-authenticate': bearerChallenge('invalid_request', render('en', detail)) },
      });
    }
    // an address that keeps failing to authenticate meets 429 before any signature is checked
    const blockedFor = failures.blockedFor(request.ip);
    if (blockedFor > 0 && !verifier.known(BEARER.exec(request.headers.authorization ?? '')?.[1] ?? '')) {
      throw new AppError('rate-limited', msg('http.too-many-unauthenticated', { seconds: blockedFor }), {
        headers: {
          'retry-after': String(blockedFor),
          'ratelimit-limit': String(failures.limit),
          'ratelimit-remaining': '0',
          'ratelimit-reset': String(blockedFor),
        },
      });
    }
    const principal = await principalOf(request.headers.authorization);
    // known before the role check, so that a refusal is recorded with its actor
    request.principal = principal;
    const allowed: readonly string[] = Access[access];
    if (!principal.roles.some((r) => allowed.includes(r))) {
      throw new AppError('forbidden', msg('http.roles'));
    }
    if (needsTenant(allowed as never)) {
      if (!principal.kbo) throw new AppError('forbidden', msg('http.no-cpas-claim'));
      const cpas = await app.deps.cpasDirectory.resolve(principal.kbo);
      if (!cpas) throw new AppError('forbidden', msg('http.cpas-not-registered'));
      request.tenantId = cpas.id;
      request.cpasLanguage = cpas.language;
    }
  });

  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode === 401) failures.spend(request.ip);
    done();
  });

  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    hook: 'onRequest',
    keyGenerator: (request) => (request.principal ? `sub:${request.principal.sub}` : `ip:${request.ip}`),
    // standard RateLimit-* headers (IETF draft) rather than the legacy X-RateLimit-*
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => {
      return new AppError(
        'rate-limited',
        msg('http.rate-limited', { max: context.max, seconds: Math.ceil(context.ttl / 1000) }),
        {
          headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
        },
      );
    },
  });

  await registerOpenApi(app, config);
  registerMetrics(app);

  await app.register(healthRoutes);
  await registerDocs(app, openApiRoute);
  await app.register(metaRoutes, { prefix: '/v1' });
  await app.register(cpasRoutes, { prefix: '/v1' });
  await app.register(beneficiaryRoutes, { prefix: '/v1' });
  await app.register(factRoutes, { prefix: '/v1' });
  await app.register(assessmentRoutes, { prefix: '/v1' });
  await app.register(piisRoutes, { prefix: '/v1' });
  await app.register(deadlineRoutes, { prefix: '/v1' });
  await app.register(reportRoutes, { prefix: '/v1' });
  await app.register(activationRoutes, { prefix: '/v1' });
  await app.register(expenseRoutes, { prefix: '/v1' });
  await app.register(conventionRoutes, { prefix: '/v1' });
  await app.register(nationalRoutes, { prefix: '/v1' });
  await app.register(eventRoutes, { prefix: '/v1' });
  await app.register(auditRoutes, { prefix: '/v1' });
  await app.register(attachmentRoutes, { prefix: '/v1' });
  await app.register(importRoutes, { prefix: '/v1' });
  await app.register(documentRoutes, { prefix: '/v1' });
  await app.register(transferRoutes, { prefix: '/v1' });
  await app.register(retentionRoutes, { prefix: '/v1' });
  await app.register(webhookRoutes, { prefix: '/v1' });

  if (options.sealAudit !== false) {
    const sealer = startAuditSealer(database, app.log);
    app.addHook('onClose', async () => sealer.stop());
  }
  app.decorate('importWorker', null);
  if (options.imports !== false) {
    const settings = {
      tickMs: 500,
      batchSize: 500,
      leaseMs: 60_000,
      maxConcurrent: 2,
      ...(typeof options.imports === 'object' ? options.imports : {}),
    };
    const worker = startImportWorker(
      {
        database,
        accessLog: app.deps.accessLog,
        today: () => app.deps.clock.today(),
        deployment: { reflectionWaiverAllowed: config.reflectionWaiverAllowed },
        batchSize: settings.batchSize,
        leaseMs: settings.leaseMs,
      },
      app.log,
      settings,
    );
    app.importWorker = worker;
    app.addHook('onClose', async () => worker.stop());
  }
  app.decorate('webhookDispatcher', null);
  if (options.webhooks !== false) {
    const settings = {
      ...DEFAULT_DISPATCHER,
      ...(typeof options.webhooks === 'object' ? options.webhooks : {}),
      allowPrivateNetworks: config.webhookAllowPrivateNetworks,
    };
    const dispatcher = startWebhookDispatcher(database, app.log, settings);
    app.webhookDispatcher = dispatcher.dispatcher;
    app.addHook('onClose', async () => dispatcher.stop());
  }
  if (options.rollupWorker !== false) {
    const worker = startRollupWorker(database, () => app.deps.clock.today(), app.log);
    app.addHook('onClose', async () => worker.stop());
  }
  return app;
}
