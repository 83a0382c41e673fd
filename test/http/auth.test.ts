// The negative suite of access tokens (contract §2 "Auth"): every one is a 401 and none reaches
// a handler (nothing is read, nothing is written, no access entry).
import t from 'tap';
import { SignJWT, base64url, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { createHmac } from 'node:crypto';
import { bearer, buildHarness } from '../helpers/app.js';
import { AUDIENCE, ISSUER } from '../helpers/keys.js';

t.test('auth', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const k = h.keys;
  const now = Math.floor(Date.now() / 1000);
  const claims = { roles: ['social_worker'], cpas: a.kbo };

  const signed = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: k.kid, ...header }).sign(k.privateKey);

  const unsigned = (payload: Record<string, unknown>) =>
    `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(payload))}.`;

  const full = { ...claims, sub: 'u1', iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 };
  const publicPem = await exportSPKI(
    (await import('node:crypto')).createPublicKey({ key: k.publicJwk as never, format: 'jwk' }) as never,
  ).catch(() => null);
  const hsWithPublicKey = (() => {
    const header = base64url.encode(JSON.stringify({ alg: 'HS256', kid: k.kid, typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify(full));
    const secret = publicPem ?? JSON.stringify(k.publicJwk);
    const sig = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${sig}`;
  })();
  const otherKey = await generateKeyPair('ES256');
  void exportJWK;

  const good = await signed(full);
  const [gh, gp, gs] = good.split('.');
  const forged = base64url.encode(JSON.stringify({ ...full, cpas: '0403019261', roles: ['cpas_manager'] }));
  const tampered = `${gh}.${forged}.${gs}`;
  void gp;

  const cases: Array<[string, string]> = [
    ['alg none', unsigned(full)],
    ['HS256 signed with the public key', hsWithPublicKey],
    ['wrong iss', await signed({ ...full, iss: 'someone-else' })],
    ['wrong aud', await signed({ ...full, aud: 'another-api' })],
    ['expired', await signed({ ...full, iat: now - 7200, exp: now - 3600 })],
    ['nbf in the future', await signed({ ...full, nbf: now + 3600 })],
    ['missing exp', await signed({ ...claims, sub: 'u1', iss: ISSUER, aud: AUDIENCE, iat: now })],
    ['missing sub', await signed({ ...claims, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 })],
    ['unknown kid', await signed(full, { kid: 'no-such-key' })],
    [
      'signed by another key',
      await new SignJWT(full).setProtectedHeader({ alg: 'ES256', kid: k.kid }).sign(otherKey.privateKey),
    ],
    ['tampered payload', tampered],
    ['roles not an array', await signed({ ...full, roles: 'social_worker' })],
    ['an unknown role', await signed({ ...full, roles: ['superuser'] })],
    ['a malformed cpas claim', await signed({ ...full, cpas: '123' })],
    ['garbage', 'not.a.jwt'],
    [
      'missing iat (AUTH_MAX_TOKEN_AGE needs it)',
      await signed({ ...claims, sub: 'u1', iss: ISSUER, aud: AUDIENCE, exp: now + 600 }),
    ],
    ['exp ten years ahead', await signed({ ...full, exp: now + 10 * 365 * 86400 })],
    ['a lifetime one second over the working day', await signed({ ...full, exp: now + 8 * 3600 + 1 })],
    ['issued more than a working day ago', await signed({ ...full, iat: now - 8 * 3600 - 60, exp: now + 60 })],
  ];

  const auditCount = async () =>
    Number((await h.db.owner<{ n: string }>('select count(*) as n from audit_entry where cpas_id = $1', [a.id]))[0]!.n);
  const before = await auditCount();

  t.test('when a token is not acceptable, then 401 unauthenticated and no handler runs', async (t) => {
    for (const [why, token] of cases) {
      const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(token) });
      t.equal(res.statusCode, 401, why);
      t.equal(res.json().code, 'unauthenticated', why);
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      t.match(
        res.headers['www-authenticate'],
        /^Bearer realm="piis", error="invalid_token", error_description="[^"]+"$/,
        `${why}: the RFC 6750 challenge`,
      );
    }
    const post = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: bearer(cases[0]![1]),
      payload: { niss: 'x' },
    });
    t.equal(post.statusCode, 401, 'a POST with a bad token is refused before its body is validated');
  });

  t.test('when no token is sent, then 401 with a challenge naming the scheme only (RFC 6750 §3.1)', async (t) => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries' });
    t.equal(res.statusCode, 401);
    t.equal(res.headers['www-authenticate'], 'Bearer realm="piis"');
  });

  t.test(
    'when the lifetime is exactly the working day, then the token is accepted (AUTH_MAX_TOKEN_AGE boundary)',
    async (t) => {
      const res = await h.app.inject({
        method: 'GET',
        url: '/v1/beneficiaries',
        headers: bearer(await signed({ ...full, exp: now + 8 * 3600 })),
      });
      t.equal(res.statusCode, 200, res.body);
    },
  );

  t.test('when the token is in the query string, then 401 even with a valid header', async (t) => {
    const q = await h.app.inject({ method: 'GET', url: `/v1/beneficiaries?access_token=${good}` });
    t.equal(q.statusCode, 401);
    t.match(q.headers['www-authenticate'], /error="invalid_request"/);
    const both = await h.app.inject({
      method: 'GET',
      url: `/v1/beneficiaries?access_token=${good}`,
      headers: bearer(good),
    });
    t.equal(both.statusCode, 401);
  });

  t.test('when the scheme or header is malformed, then 401', async (t) => {
    for (const authorization of [`Basic ${good}`, `Bearer`, `bearer ${good} extra`, good]) {
      const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: { authorization } });
      t.equal(res.statusCode, 401, authorization.slice(0, 12));
      t.match(
        res.headers['www-authenticate'],
        /^Bearer realm="piis", error="invalid_(request|token)"/,
        authorization.slice(0, 12),
      );
    }
  });

  t.test('when the token is valid, then 200 — and no refused token left an audit entry', async (t) => {
    const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(good) });
    t.equal(res.statusCode, 200);
    t.equal(
      await auditCount(),
      before,
      'the refused requests wrote nothing (the empty list read writes no entry either)',
    );
  });

  t.test('when a tenant role has no cpas claim, then 403', async (t) => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/v1/beneficiaries',
      headers: bearer(await signed({ ...full, cpas: undefined })),
    });
    t.equal(res.statusCode, 403);
  });
});

t.test('when AUTH_MAX_TOKEN_AGE is set, then it bounds the lifetime instead of the working day', async (t) => {
  const h = await buildHarness(t, { env: { AUTH_MAX_TOKEN_AGE: '600' } });
  const admin = (expiresIn: string) => h.keys.token({ roles: ['platform_admin'] }, { expiresIn });
  t.equal(
    (await h.app.inject({ method: 'GET', url: '/v1/cpas', headers: bearer(await admin('600s')) })).statusCode,
    200,
    '600 s: accepted',
  );
  t.equal(
    (await h.app.inject({ method: 'GET', url: '/v1/cpas', headers: bearer(await admin('601s')) })).statusCode,
    401,
    '601 s: refused',
  );
});

t.test('when the keys come from AUTH_JWKS_URL, then tokens they sign are accepted and others refused', async (t) => {
  const http = await import('node:http');
  const keys = await (await import('../helpers/keys.js')).createTestKeys();
  let served = 0;
  const server = http.createServer((_req, res) => {
    served++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [keys.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.address() as { port: number }).port;
  const h = await buildHarness(t, { env: { AUTH_JWKS_FILE: '', AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` } });
  const status = (
    await h.app.inject({
      method: 'GET',
      url: '/v1/cpas',
      headers: bearer(await keys.token({ roles: ['platform_admin'] })),
    })
  ).statusCode;
  t.equal(status, 200, 'a token signed by the remote key set is accepted');
  t.ok(served >= 1, 'the key set was fetched from the URL');
  const foreign = await h.keys.token({ roles: ['platform_admin'] });
  t.equal(
    (await h.app.inject({ method: 'GET', url: '/v1/cpas', headers: bearer(foreign) })).statusCode,
    401,
    'a token of another key set is refused',
  );
});
