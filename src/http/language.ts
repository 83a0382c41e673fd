// The language of a request's answer: what its Accept-Language asks for, else its CPAS's
// language, else French (contract §2 "Language").
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LANGUAGES, type Lang } from '../i18n/catalogue.js';
import { rankedRanges } from './accept.js';

/**
 * Accept-Language → one of the languages the service speaks: ranges by quality (RFC 9110
 * §12.5.4), a region subtag ignored (nl-BE → nl), `*` or nothing known → the fallback (the
 * caller's CPAS language, `fr` without a CPAS). Never an error: a malformed header falls back.
 */
export function negotiateLanguage(header: string | undefined, fallback: Lang = 'fr'): Lang {
  if (!header) return fallback;
  for (const { range } of rankedRanges(header, 500)) {
    if (range === '*') return fallback;
    const primary = range.split('-')[0];
    const found = LANGUAGES.find((lang) => lang === primary);
    if (found) return found;
  }
  return fallback;
}

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
