// Authentication and authorisation, and the request budgets that go with them: the bearer token
// checked against the key set, the route's roles, the caller's CPAS resolved — all before the
// body is parsed, so a bad token never reaches a handler. An address that keeps failing to
// authenticate meets 429 before any signature is checked; the rate limit counts per principal.
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { bearerChallenge, createVerifier, Access, needsTenant, type Principal } from './auth.js';
import { createFailureBudget } from './abuse-limit.js';
import { AppError } from '../core/problem.js';
import { acceptable } from './accept.js';
import { msg, render } from '../i18n/catalogue.js';

export async function registerAuthentication(app: FastifyInstance): Promise<void> {
  const config = app.deps.config;
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
}
