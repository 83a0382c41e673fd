// The language of a request's answer: what its Accept-Language asks for, else its CPAS's
// language, else French (contract §2 "Language").
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { negotiateLanguage } from '../i18n/negotiate.js';
import type { Lang } from '../i18n/catalogue.js';

export function requestLanguage(request: FastifyRequest): Lang {
  return negotiateLanguage(request.headers['accept-language'], request.cpasLanguage ?? 'fr');
}

/** Media types whose answers carry sentences in the negotiated language. */
const SPOKEN = /^(application\/(problem\+)?json|text\/csv|application\/vnd\.openxmlformats|application\/x-ndjson)/;

/**
 * Every answer that carries sentences says their language (Content-Language) and that it
 * depends on Accept-Language (Vary), so that no cache hands one reader another's language. A
 * route that answers in another language (a document in the person's language) sets its own.
 */
export function registerContentLanguage(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (SPOKEN.test(type) || reply.hasHeader('content-language')) {
      if (!reply.hasHeader('content-language')) reply.header('content-language', requestLanguage(request));
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/accept-language/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Language` : 'Accept-Language');
    }
    done(null, payload);
  });
}
