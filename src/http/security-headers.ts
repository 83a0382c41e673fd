// Headers of every answer, before anything can refuse the request (so 401s and 404s carry them
// too). Nearly every answer holds personal data or one CPAS's figures: no cache, shared or
// private, may keep it (`Cache-Control: no-store`), and no browser may sniff a JSON or CSV body
// into something it runs (`X-Content-Type-Options: nosniff`). @fastify/helmet gives the rest an
// API wants: a content security policy that allows nothing (the interactive docs set their own),
// no framing, no referrer, HSTS, same-origin resource policy.
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    // static assets of the docs set their own caching; everything else is kept by no one
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
