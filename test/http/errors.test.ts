// One error model: RFC 9457 problems for unknown routes, malformed bodies, media types, body
// limits, rate limits and unexpected errors — a 500 says nothing beyond the request id.
import t from 'tap';
import { bearer, buildHarness } from '../helpers/app.js';
import { onPostgres } from '../helpers/database.js';

t.test('errors', async (t) => {
  const h = await buildHarness(t, { env: { BODY_LIMIT: '2048' } });
  const a = await h.newCpas();
  const token = await a.token();

  t.test(
    'when the route is unknown, then 404 not-found as a problem, in French without Accept-Language and no CPAS',
    async (t) => {
      const res = await h.app.inject({ method: 'GET', url: '/v1/nowhere?x=1' });
      t.equal(res.statusCode, 404);
      t.equal(res.headers['content-language'], 'fr');
      t.match(String(res.headers['vary']), /Accept-Language/);
      t.same(
        { ...res.json(), requestId: 'r' },
        {
          type: 'urn:piis:problem:not-found',
          title: 'Introuvable',
          status: 404,
          detail: 'Aucune opération GET /v1/nowhere',
          instance: '/v1/nowhere',
          code: 'not-found',
          requestId: 'r',
        },
      );
      t.equal(res.headers['x-request-id'], res.json().requestId, 'the request id is in the header and the problem');
    },
  );

  t.test(
    'when a known path is asked with a method it does not answer, then 405 method-not-allowed with Allow',
    async (t) => {
      const cases: Array<[string, string, string]> = [
        ['DELETE', '/v1/beneficiaries', 'GET, HEAD, POST'],
        ['PUT', '/v1/piis/0196a000-0000-7000-8000-000000000001/evaluations', 'GET, HEAD, POST'],
        ['POST', '/v1/reports/subsidy', 'GET, HEAD'],
        ['PATCH', '/v1/events', 'GET, HEAD'],
      ];
      for (const [method, url, allow] of cases) {
        const body = method === 'DELETE' ? {} : { headers: { 'content-type': 'application/json' }, payload: '{}' };
        const res = await h.app.inject({
          method: method as 'DELETE',
          url,
          ...body,
          headers: { ...bearer(token), ...body.headers },
        });
        t.equal(res.statusCode, 405, `${method} ${url}`);
        t.equal(res.headers['allow'], allow, `${method} ${url}: Allow`);
        t.match(res.json(), {
          status: 405,
          code: 'method-not-allowed',
          detail: `${url} ne répond pas à ${method} ; il répond à ${allow}`,
        });
      }
      const unknown = await h.app.inject({ method: 'DELETE', url: '/v1/nowhere/at/all', headers: bearer(token) });
      t.equal(unknown.statusCode, 404, 'an unknown path stays 404');
      t.equal(unknown.headers['allow'], undefined);
    },
  );

  t.test('when the body is too large, then 413 payload-too-large', async (t) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: JSON.stringify({ niss: '85073003328', givenName: 'x'.repeat(5000), familyName: 'B', language: 'fr' }),
    });
    t.equal(res.statusCode, 413);
    t.equal(res.json().code, 'payload-too-large');
  });

  t.test('when the JSON is malformed, then 400 validation-failed', async (t) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      payload: '{"niss": ',
    });
    t.equal(res.statusCode, 400);
    t.equal(res.json().code, 'validation-failed');
  });

  t.test('when the media type is not JSON, then 415 unsupported-media-type', async (t) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: { ...bearer(token), 'content-type': 'text/plain' },
      payload: 'hello',
    });
    t.equal(res.statusCode, 415);
    t.equal(res.json().code, 'unsupported-media-type');
  });

  t.test('when Accept-Language asks for Dutch, then the problem title is in Dutch', async (t) => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/v1/beneficiaries',
      headers: { 'accept-language': 'nl-BE,nl;q=0.9,fr;q=0.5' },
    });
    t.equal(res.json().title, 'Authenticatie vereist');
  });

  t.test('when a path id is not a UUID, then 400 with the parameter named', async (t) => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries/123', headers: bearer(token) });
    t.equal(res.statusCode, 400);
    const errors: Array<{ path: string; message: string }> = res.json().errors;
    t.ok(errors.length >= 1);
    t.ok(
      errors.every((e) => e.path === '/params/beneficiaryId'),
      'every error names the parameter',
    );
    t.ok(
      errors.some((e) => e.message === 'n’est pas un UUID valide'),
      'the message in the CPAS’s language (fr)',
    );
    const nl = await h.app.inject({
      method: 'GET',
      url: '/v1/beneficiaries/123',
      headers: { ...bearer(token), 'accept-language': 'nl' },
    });
    t.equal(nl.headers['content-language'], 'nl');
    t.equal(nl.json().detail, 'Het pad van het verzoek is ongeldig');
    t.ok(nl.json().errors.some((e: { message: string }) => e.message === 'is geen geldige UUID'));
  });
});

t.test('when an unexpected error happens, then 500 internal-error without stack, SQL or data', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const token = await a.token();
  // Break the database under the app: the statement fails with an error the client did not cause.
  await h.db.owner('revoke select on beneficiary from piis_app');
  const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(token) });
  await h.db.owner('grant select on beneficiary to piis_app');
  t.equal(res.statusCode, 500);
  const body = res.json();
  t.same(Object.keys(body).sort(), ['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type']);
  t.equal(body.code, 'internal-error');
  t.equal(body.detail, `Erreur inattendue ; mentionnez l’identifiant de requête ${body.requestId}`);
  t.notMatch(res.body, /permission|beneficiary|select|at .*\.ts/i);
});

t.test('when the rate limit is exceeded, then 429 rate-limited with Retry-After and RateLimit headers', async (t) => {
  const h = await buildHarness(t, { env: { RATE_LIMIT_PER_MINUTE: '3' } });
  const a = await h.newCpas().catch(() => null);
  t.ok(a, 'the platform admin registers a CPAS');
  const token = await h.keys.token({ sub: 'limited', roles: ['social_worker'], cpas: a!.kbo });
  const statuses = [];
  let last;
  for (let i = 0; i < 4; i++) {
    last = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(token) });
    statuses.push(last.statusCode);
    if (i === 0) t.equal(last.headers['ratelimit-limit'], '3');
  }
  t.same(statuses, [200, 200, 200, 429]);
  t.equal(last!.json().code, 'rate-limited');
  t.ok(Number(last!.headers['retry-after']) > 0);
  t.equal(last!.headers['ratelimit-remaining'], '0');
});

t.test(
  'when a statement runs past STATEMENT_TIMEOUT_MS, then 504 timeout and nothing is written',
  {
    skip: onPostgres
      ? false
      : 'needs a second connection holding a lock: PGlite has one connection (runs on PostgreSQL)',
  },
  async (t) => {
    const h = await buildHarness(t, { env: { STATEMENT_TIMEOUT_MS: '300' } });
    const a = await h.newCpas();
    const token = await a.token();
    const pg = (await import('pg')).default;
    const blocker = new pg.Client({ connectionString: h.db.url! });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table beneficiary in access exclusive mode');
    const read = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(token) });
    const write = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: bearer(token),
      payload: { niss: '85073003328', givenName: 'A', familyName: 'B', language: 'fr' },
    });
    await blocker.query('rollback');
    await blocker.end();
    t.equal(read.statusCode, 504);
    t.equal(read.json().code, 'timeout');
    t.equal(write.statusCode, 504);
    t.equal(write.json().code, 'timeout');
    const [row] = await h.db.owner<{ n: string }>('select count(*)::text as n from beneficiary where cpas_id = $1', [
      a.id,
    ]);
    t.equal(row!.n, '0', 'nothing written');
    t.equal(
      (await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(token) })).statusCode,
      200,
      'the next request is served normally',
    );
  },
);

t.test('when a search filter carries a NUL character, then 400 validation-failed, not 500', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const token = await a.token();
  for (const url of ['/v1/beneficiaries?q=ab%00cd', '/v1/beneficiaries?externalRef=x%00y']) {
    const res = await h.app.inject({ method: 'GET', url, headers: bearer(token) });
    t.equal(res.statusCode, 400, url);
    t.equal(res.json().code, 'validation-failed', url);
  }
});
