// Validators and serializers compiled on first use (src/http/lazy-compilers.ts): every route's
// every request and response schema still compiles (found here, not by a client), answers and
// refusals before and after the warm-up are the same, and a function compiled by its first use
// is not compiled again.
import t from 'tap';
import { lazyCompilers } from '../../src/http/lazy-compilers.js';
import { bearer, buildHarness } from '../helpers/app.js';

/** the Ajv options fastify hands its validator factory (its defaults) */
const AJV_OPTIONS = { customOptions: {}, plugins: [] };

t.test('lazy validators and serializers', async (t) => {
  t.test(
    'when the server has warmed up, then every schema of every route has compiled, once, and answers are unchanged',
    async (t) => {
      const h = await buildHarness(t);
      const c = await h.newCpas();
      const token = await c.token('social_worker');
      const requests = [
        { method: 'GET' as const, url: '/v1/beneficiaries?limit=5' },
        { method: 'GET' as const, url: '/v1/beneficiaries?limit=0' },
        { method: 'POST' as const, url: '/v1/beneficiaries', payload: { niss: '1', unknown: true } },
        { method: 'GET' as const, url: '/v1/piis/not-a-uuid' },
      ];
      const answer = async (r: (typeof requests)[number]) => {
        const res = await h.app.inject({ ...r, headers: bearer(token) });
        return { status: res.statusCode, body: res.body.replace(/"instance":"[^"]*"|"requestId":"[^"]*"/g, '') };
      };
      const before = [];
      for (const r of requests) before.push(await answer(r));
      t.same(
        before.map((a) => a.status),
        [200, 400, 400, 400],
        'a list, and three refusals of the validators',
      );
      const compiled = await h.app.warmCompilers();
      t.ok(compiled > 1000, `${compiled} validators and serializers compiled in the background`);
      t.equal(await h.app.warmCompilers(), 0, 'nothing left to compile');
      const after = [];
      for (const r of requests) after.push(await answer(r));
      t.same(after, before, 'the same answers, byte for byte');
    },
  );

  t.test(
    'when a function is used before the warm-up, then it is compiled on that first use and the warm-up skips it',
    async (t) => {
      const compilers = lazyCompilers();
      const schema = { type: 'object', properties: { a: { type: 'integer' } }, additionalProperties: false };
      const serialize = compilers.buildSerializer(
        undefined,
        {},
      )({ method: 'GET', url: '/x', httpStatus: '200', schema });
      const validate = compilers.buildValidator(
        {},
        AJV_OPTIONS,
      )({ method: 'POST', url: '/x', httpPart: 'body', schema });
      t.equal(serialize({ a: 1, b: 2 }), '{"a":1}', "fast-json-stringify: only the schema's fields");
      t.equal(await compilers.warm(), 1, 'only the validator is left');
      t.equal(validate({ a: 1 }), true);
      t.equal(validate({ a: 'x' }), false);
      t.match(
        validate.errors,
        [{ instancePath: '/a' }],
        'the errors of the last call, on the function as fastify reads them',
      );
      t.equal(validate({ a: 2 }), true);
      t.equal(await compilers.warm(), 0);
    },
  );

  t.test('when a header schema names a header with capitals, then the route is refused at registration', async (t) => {
    const compilers = lazyCompilers();
    const route = {
      method: 'GET',
      url: '/x',
      httpPart: 'headers',
      schema: { type: 'object', properties: { 'If-Match': { type: 'string' } } },
    };
    t.throws(() => compilers.buildValidator({}, AJV_OPTIONS)(route), /If-Match must be named in lower case/);
  });

  t.test('when a schema cannot compile, then the warm-up says so', async (t) => {
    const compilers = lazyCompilers();
    compilers.buildSerializer(
      undefined,
      {},
    )({ method: 'GET', url: '/x', httpStatus: '200', schema: { $ref: '#/definitions/missing' } });
    await t.rejects(compilers.warm());
  });
});
