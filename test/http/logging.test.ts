// Logs carry request ids but never personal data: NISS and names are redacted from bodies, and
// query strings (searches by NISS or name) keep their parameter names only.
import t from 'tap';
import { Writable } from 'node:stream';
import { bearer, buildHarness } from '../helpers/app.js';

t.test('when requests carry a NISS and names, then the log holds none of them', async (t) => {
  let log = '';
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      log += chunk.toString();
      done();
    },
  });
  const h = await buildHarness(t, { env: { LOG_LEVEL: 'info' }, logStream });
  const a = await h.newCpas();
  const token = await a.token();
  const created = await h.app.inject({
    method: 'POST',
    url: '/v1/beneficiaries',
    headers: { ...bearer(token), 'x-request-id': 'req-logging-0001' },
    payload: { niss: '85073003328', givenName: 'Ghislaine', familyName: 'Vandermeulen', language: 'fr' },
  });
  t.equal(created.statusCode, 201);
  await h.app.inject({
    method: 'GET',
    url: '/v1/beneficiaries?niss=85073003328&q=Vandermeulen',
    headers: bearer(token),
  });
  await h.app.inject({
    method: 'POST',
    url: '/v1/beneficiaries',
    headers: bearer(token),
    payload: { niss: '85073003329', givenName: 'Ghislaine', familyName: 'Vandermeulen', language: 'fr' },
  });
  t.match(log, /req-logging-0001/, 'the request id is logged');
  t.match(log, /\/v1\/beneficiaries\?niss=\[redacted\]&q=\[redacted\]/, 'query parameters are named, not valued');
  t.notMatch(log, /8507300332[89]|Ghislaine|Vandermeulen/, 'no NISS, no name');
  t.notMatch(log, /Bearer|eyJ/, 'no token');
});
