// buildApp({ config, database, clock }) → FastifyInstance. Registers the infrastructure, then each
// module explicitly. Never listens (server.ts does).
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { uuidv7 } from './db/ids.js';
import type { AccessName, Principal } from './http/auth.js';
import { clientError, frameworkError, registerErrorHandling } from './http/errors.js';
import { registerRefusalAudit } from './http/refusals.js';
import { registerContentLanguage } from './http/language.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { declareBodyProblems } from './http/schemas.js';
import { declareProblemCodes } from './http/problem-codes.js';
import { AppError, type ProblemCode } from './core/problem.js';
import { msg, type Lang } from './i18n/catalogue.js';
import { registerOpenApi } from './http/openapi.js';
import { registerRoutes } from './routes.js';
import { registerMetrics } from './http/metrics.js';
import { loggerOptions } from './http/logging.js';
import { registerAuthentication } from './http/authentication.js';
import { registerBackgroundWork, type BackgroundOptions } from './background.js';
import { todayInBrussels } from './rules/calendar.js';
import { createCpasDirectory, type CpasDirectory } from './modules/cpas/cpas.directory.js';
import type { ImportWorker } from './modules/imports/imports.worker.js';
import type { Dispatcher } from './modules/webhooks/webhooks.dispatcher.js';
import { createAccessLog, type AccessLog } from './core/access-log.js';
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
    /**
     * compiles the validators and serializers not used yet (the server calls it once it listens; see lazy-compilers.ts)
     */
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
    /**
     * the codes of 400, 409 and 422 its states and rules can answer, besides those its inputs bring (problem-codes.ts)
     */
    problemCodes?: readonly ProblemCode[];
    /** every code of 400, 409 and 422 it can answer (set at registration) */
    answerableCodes?: ReadonlySet<string>;
  }
}

export interface BuildOptions extends BackgroundOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** where the default logger writes (tests read it) */
  logStream?: NodeJS.WritableStream;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** How long a kept-alive connection may stay idle (Node.js announces it: `Keep-Alive: timeout=5`). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  // validators and serializers compiled on first use, the rest once the server listens
  const compilers = lazyCompilers();
  const app = createFastify(options, compilers);
  decorate(app, options, compilers);
  registerErrorHandling(app);
  registerRefusalAudit(app);
  registerContentLanguage(app);
  await registerSecurityHeaders(app);
  registerAvailability(app);
  await registerAuthentication(app);
  await registerOpenApi(app, options.config);
  registerMetrics(app);
  await registerRoutes(app);
  registerBackgroundWork(app, options);
  return app;
}

/** The Fastify instance with the service's server settings: ids, limits, timeouts, validation. */
function createFastify({ config, logger, logStream }: BuildOptions, compilers: ReturnType<typeof lazyCompilers>) {
  return Fastify({
    schemaController: {
      compilersFactory: {
        buildValidator: compilers.buildValidator as never,
        buildSerializer: compilers.buildSerializer,
      },
    },
    logger: logger ?? loggerOptions(config.logLevel, logStream),
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
}

type App = ReturnType<typeof createFastify>;

/** What every request and route can reach: the dependencies, the routes as registered, the parsers. */
function decorate(app: App, options: BuildOptions, compilers: ReturnType<typeof lazyCompilers>): void {
  const { config, database } = options;
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
}

/** Every answer names its request; while the server shuts down, it keeps no connection and refuses new work. */
function registerAvailability(app: App): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    // while shutting down, no connection is kept for another request (server.ts)
    if (app.deps.shuttingDown) reply.header('connection', 'close');
    if (app.deps.refusingRequests && request.url !== '/health/live') {
      return done(new AppError('unavailable', msg('http.shutting-down'), { headers: { 'retry-after': '1' } }));
    }
    done();
  });
}
