// Idempotency-Key on POST (contract §2 "Retries") and ETag races (§2 "Concurrency").
import t from 'tap';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';
import { onPostgres } from '../helpers/database.js';
import { validNiss } from '../helpers/identifiers.js';

t.test('idempotency and concurrency', async (t) => {
  const h = await buildHarness(t, { poolSize: 20 });
  const a = await h.newCpas();
  const token = await a.token();
  const count = async (niss: string) =>
    Number(
      (
        await h.db.owner<{ n: string }>('select count(*) as n from beneficiary where cpas_id = $1 and niss = $2', [
          a.id,
          niss,
        ])
      )[0]!.n,
    );
  const post = (payload: object, key: string, tok = token) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: { ...bearer(tok), 'idempotency-key': key },
      payload,
    });

  t.test(
    'when a POST is retried with the same key and body, then the first answer is replayed and one record exists',
    async (t) => {
      const payload = { niss: validNiss(), givenName: 'A', familyName: 'B', language: 'fr' };
      const first = await post(payload, 'key-1');
      const second = await post({ language: 'fr', familyName: 'B', givenName: 'A', niss: payload.niss }, 'key-1');
      t.equal(first.statusCode, 201);
      t.equal(second.statusCode, 201);
      t.same(second.json(), first.json(), 'same body');
      t.equal(second.headers.location, first.headers.location);
      t.equal(second.headers.etag, first.headers.etag);
      t.equal(second.headers['idempotent-replayed'], 'true');
      t.equal(await count(payload.niss), 1);
    },
  );

  t.test(
    'when the same key comes with another body, then 422 idempotency-key-reused and nothing is written',
    async (t) => {
      const niss = validNiss();
      await post({ niss, givenName: 'A', familyName: 'B', language: 'fr' }, 'key-2');
      const other = validNiss();
      const res = await post({ niss: other, givenName: 'A', familyName: 'B', language: 'fr' }, 'key-2');
      t.equal(res.statusCode, 422);
      t.equal(res.json().code, 'idempotency-key-reused');
      t.equal(await count(other), 0);
    },
  );

  t.test('when another actor or CPAS uses the same key, then it is a different key', async (t) => {
    const otherActor = await a.token('social_worker', 'someone-else');
    const b = await h.newCpas();
    const payload = () => ({ niss: validNiss(), givenName: 'A', familyName: 'B', language: 'fr' });
    t.equal((await post(payload(), 'shared-key')).statusCode, 201);
    t.equal((await post(payload(), 'shared-key', otherActor)).statusCode, 201, 'another sub');
    t.equal((await post(payload(), 'shared-key', await b.token())).statusCode, 201, 'another CPAS');
  });

  t.test(
    'when the first request with a key is still in flight, then a duplicate gets 409 idempotency-key-in-flight',
    {
      skip: onPostgres
        ? false
        : 'needs a second connection holding the key: PGlite has one connection (runs on PostgreSQL)',
    },
    async (t) => {
      // Hold the key's lock from another session, as an in-flight first request does.
      const key = 'key-in-flight';
      const actor = `social_worker-${a.kbo}`;
      const pg = (await import('pg')).default;
      const holder = new pg.Client({ connectionString: h.db.url! });
      await holder.connect();
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(hashtextextended($1, 7))`, [JSON.stringify([a.id, actor, key])]);
      const res = await post({ niss: validNiss(), givenName: 'A', familyName: 'B', language: 'fr' }, key);
      await holder.query('rollback');
      await holder.end();
      t.equal(res.statusCode, 409);
      t.equal(res.json().code, 'idempotency-key-in-flight');
    },
  );

  t.test(
    'when 50 identical requests with one key arrive at once, then exactly one record is created',
    { skip: onPostgres ? false : 'PGlite serialises transactions on its one connection (runs on PostgreSQL)' },
    async (t) => {
      const payload = { niss: validNiss(), givenName: 'A', familyName: 'B', language: 'fr' };
      const results = await Promise.all(Array.from({ length: 50 }, () => post(payload, 'key-50')));
      const statuses = results.map((r) => r.statusCode);
      t.equal(await count(payload.niss), 1, 'one record');
      t.ok(
        statuses.every((s) => s === 201 || s === 409),
        `every answer is the creation, its replay or in-flight: ${[...new Set(statuses)]}`,
      );
      const ids = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id));
      t.equal(ids.size, 1, 'every 201 names the same record');
    },
  );

  t.test(
    'when two writes carry the same ETag at once, then exactly one wins and the other gets 412',
    { skip: onPostgres ? false : 'PGlite serialises transactions on its one connection (runs on PostgreSQL)' },
    async (t) => {
      for (let round = 0; round < 10; round++) {
        const p = await newBeneficiary(h.app, token);
        const results = await Promise.all(
          ['One', 'Two'].map((givenName) =>
            h.app.inject({
              method: 'PATCH',
              url: `/v1/beneficiaries/${p.id}`,
              headers: { ...bearer(token), 'if-match': '"1"' },
              payload: { givenName },
            }),
          ),
        );
        t.same(results.map((r) => r.statusCode).sort(), [200, 412], `round ${round}`);
      }
    },
  );

  t.test('when two PATCHes with the same ETag come one after the other, then the second gets 412', async (t) => {
    const p = await newBeneficiary(h.app, token);
    const patch = (givenName: string) =>
      h.app.inject({
        method: 'PATCH',
        url: `/v1/beneficiaries/${p.id}`,
        headers: { ...bearer(token), 'if-match': '"1"' },
        payload: { givenName },
      });
    t.equal((await patch('One')).statusCode, 200);
    t.equal((await patch('Two')).statusCode, 412);
  });
});
