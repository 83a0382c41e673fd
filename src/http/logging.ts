// The service's log: pino at the configured level, with personal data kept out of it — names,
// NISS, secrets and tokens redacted wherever they appear, query strings reduced to their
// parameter names (a search term can be a NISS or a name).
import type { FastifyServerOptions } from 'fastify';

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

/** The logger options of the service (tests pass a stream to read what it logs). */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
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
  };
}
