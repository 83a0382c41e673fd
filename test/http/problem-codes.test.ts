// Each operation lists the problem codes it can answer with 400, 409 and 422 (problem-codes.ts):
// those its inputs bring and those its states and rules declare. Every test that builds the app
// fails when an answer carries a code its operation does not list (test/helpers/app.ts).
import t from 'tap';
import { answerableCodes } from '../../src/http/problem-codes.js';
import { buildHarness } from '../helpers/app.js';

t.test('when an operation’s inputs are read, then the codes they bring are inferred', async (t) => {
  const list = { type: 'object', properties: { cursor: { type: 'string' }, niss: { type: 'string' } } };
  t.same(Object.fromEntries(answerableCodes({ querystring: list }, false)), {
    400: ['invalid-cursor', 'invalid-niss', 'validation-failed'],
  });
  const body = {
    type: 'object',
    properties: {
      externalRef: { type: 'string' },
      toKboNumber: { type: 'string' },
      items: { type: 'array', items: { type: 'object', properties: { kboNumber: { type: 'string' } } } },
    },
  };
  const headers = { type: 'object', properties: { 'idempotency-key': { type: 'string' } } };
  t.same(Object.fromEntries(answerableCodes({ body, headers }, true, ['invalid-state'])), {
    400: ['invalid-kbo', 'validation-failed'],
    409: ['duplicate-external-ref', 'idempotency-key-in-flight', 'invalid-state'],
    422: ['idempotency-key-reused'],
  });
  t.same(Object.fromEntries(answerableCodes({}, false)), {}, 'no inputs, no body: no 400');
  t.same(
    Object.fromEntries(answerableCodes({}, true)),
    { 400: ['validation-failed'] },
    'a body that is not JSON is refused even without a schema',
  );
});

t.test('when the document is read, then each operation lists its own codes', async (t) => {
  const h = await buildHarness(t);
  const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const responses = (path: string, method: string) => {
    const r = doc.paths[path][method].responses as Record<string, { $ref?: string; description?: string }>;
    return Object.fromEntries(
      Object.entries(r).map(([status, v]) => [
        status,
        v.$ref ? doc.components.responses[v.$ref.split('/').pop()!].description : v.description,
      ]),
    );
  };
  const create = responses('/v1/beneficiaries', 'post');
  t.equal(create['400'], '400: invalid-niss, validation-failed');
  t.equal(create['409'], '409: duplicate-beneficiary, duplicate-external-ref, idempotency-key-in-flight');
  t.equal(create['422'], '422: birth-date-mismatch, date-in-future, idempotency-key-reused, invalid-partner');
  const sign = responses('/v1/piis/{piisId}/signatures', 'post');
  t.match(sign['422'], /reflection-period-not-elapsed/);
  t.notMatch(sign['422'], /sanction-too-long/, 'a sanction’s codes are not a signature’s');
  const read = responses('/v1/piis/{piisId}', 'get');
  t.notOk(read['409'], 'a read answers no 409');
  t.notOk(read['422'], 'nor 422');
  t.equal(read['400'], '400: validation-failed');
});
