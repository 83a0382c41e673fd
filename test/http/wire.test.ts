// Refusals on the wire, where only a real socket shows them: headers too large (431), a path
// parameter too long (414), bodies over the limit sent without `Expect: 100-continue` (413) — each
// a readable problem, never Fastify's JSON nor a connection reset; and the headers every answer
// carries for personal data.
import t from 'tap';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer, buildHarness } from '../helpers/app.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request whose body is streamed in 64 KB chunks, as an upload is; rejects on a reset. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { ...options.headers, ...(options.body ? { 'content-length': String(options.body.length) } : {}) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    const body = options.body;
    if (!body) return void req.end();
    let offset = 0;
    const next = () => {
      while (offset < body.length) {
        const chunk = body.subarray(offset, offset + 65_536);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', next);
      }
      req.end();
    };
    next();
  });
}

t.test('refusals on the wire', async (t) => {
  const h = await buildHarness(t);
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (h.app.server.address() as AddressInfo).port;
  const cpas = await h.newCpas();
  const token = await cpas.token('integration');
  const problem = (a: Answer, status: number, code: string) => {
    t.equal(a.status, status, `${status}: ${a.body.slice(0, 200)}`);
    t.equal(a.headers['content-type'], 'application/problem+json; charset=utf-8', `${status} is a problem`);
    t.match(JSON.parse(a.body), { type: `urn:piis:problem:${code}`, status, code, requestId: String });
    t.equal(a.headers['cache-control'], 'no-store');
    t.equal(a.headers['x-content-type-options'], 'nosniff');
  };

  t.test('when the headers exceed what Node.js reads, then 431 header-fields-too-large as a problem', async () => {
    problem(
      await send(port, { path: '/v1/beneficiaries', headers: { 'x-padding': 'a'.repeat(20_000) } }),
      431,
      'header-fields-too-large',
    );
  });

  t.test('when a path parameter is longer than the router takes, then 414 uri-too-long as a problem', async () => {
    problem(
      await send(port, { path: `/v1/beneficiaries/${'a'.repeat(300)}`, headers: bearer(token) }),
      414,
      'uri-too-long',
    );
  });

  t.test('when a JSON body of 2 MB is streamed without Expect, then 413 is read, not a reset', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await send(port, {
        method: 'POST',
        path: '/v1/beneficiaries',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: Buffer.alloc(2_000_000, 97),
      });
      problem(a, 413, 'payload-too-large');
    }
  });

  t.test('when an 11 MB upload is streamed without Expect, then 413 is read, not a reset', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await send(port, {
        method: 'POST',
        path: '/v1/attachments',
        headers: { ...bearer(token), 'content-type': 'application/pdf' },
        body: Buffer.alloc(11_000_000, 1),
      });
      problem(a, 413, 'payload-too-large');
    }
  });

  t.test('when a record of a person is read, then the answer is kept by no cache and cannot be sniffed', async (t) => {
    const a = await send(port, { path: '/v1/beneficiaries', headers: bearer(token) });
    t.equal(a.status, 200);
    t.equal(a.headers['cache-control'], 'no-store');
    t.equal(a.headers['x-content-type-options'], 'nosniff');
    t.equal(a.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
    t.equal(a.headers['referrer-policy'], 'no-referrer');
    t.equal(a.headers['x-frame-options'], 'SAMEORIGIN');
    t.ok(a.headers['strict-transport-security'], 'HSTS');
  });

  t.test('when a request is refused before its route (401, 404), then it carries the same headers', async (t) => {
    for (const path of ['/v1/beneficiaries', '/v1/nowhere']) {
      const a = await send(port, { path });
      t.equal(a.headers['cache-control'], 'no-store', path);
      t.equal(a.headers['x-content-type-options'], 'nosniff', path);
    }
  });
});
