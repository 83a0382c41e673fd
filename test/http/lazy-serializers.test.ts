// Response serializers compiled on first use (src/http/lazy-serializers.ts): every route's every
// response schema still compiles (found here, not by a client), an answer before and after the
// warm-up is the same, and a serializer compiled by its first answer is not compiled again.
import t from 'tap';
import { lazySerializers } from '../../src/http/lazy-serializers.js';
import { bearer, buildHarness } from '../helpers/app.js';

t.test('lazy response serializers', async (t) => {
  t.test('when the server has warmed up, then every response schema of every route has compiled, once', async (t) => {
    const h = await buildHarness(t);
    const c = await h.newCpas();
    const token = await c.token('social_worker');
    const before = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries?limit=5', headers: bearer(token) });
    const compiled = await h.app.warmSerializers();
    t.ok(compiled > 100, `${compiled} serializers compiled in the background`);
    t.equal(await h.app.warmSerializers(), 0, 'nothing left to compile');
    const after = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries?limit=5', headers: bearer(token) });
    t.equal(after.statusCode, before.statusCode);
    t.equal(after.body, before.body, 'the same bytes');
  });

  t.test('when a serializer is used before the warm-up, then it is compiled on that first use and the warm-up skips it', async (t) => {
    const serializers = lazySerializers();
    const compiler = serializers.factory(undefined, {});
    const route = { method: 'GET', url: '/x', httpStatus: '200', schema: { type: 'object', properties: { a: { type: 'integer' } }, additionalProperties: false } };
    const one = compiler(route);
    const two = compiler({ ...route, httpStatus: '404' });
    t.equal(one({ a: 1, b: 2 }), '{"a":1}', 'fast-json-stringify: only the schema\'s fields');
    t.equal(await serializers.warm(), 1, 'only the other one is left');
    t.equal(two({ a: 3 }), '{"a":3}');
    t.equal(await serializers.warm(), 0);
  });

  t.test('when a schema cannot compile, then the warm-up says so', async (t) => {
    const serializers = lazySerializers();
    serializers.factory(undefined, {})({ method: 'GET', url: '/x', httpStatus: '200', schema: { $ref: '#/definitions/missing' } });
    await t.rejects(serializers.warm());
  });
});
