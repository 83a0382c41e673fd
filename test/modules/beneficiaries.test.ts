// Beneficiaries: registration (R-ID-NISS), duplicates, search, reads, merge-patch updates under
// If-Match, and the other CPAS's token. Bad input gets a precise 4xx and nothing is written.
import t from 'tap';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';
import { validNiss } from '../helpers/identifiers.js';

t.test('beneficiaries', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const b = await h.newCpas();
  const tokenA = await a.token();
  const tokenB = await b.token();
  const count = async (cpasId: string) =>
    Number(
      (await h.db.owner<{ n: string }>('select count(*) as n from beneficiary where cpas_id = $1', [cpasId]))[0]!.n,
    );

  t.test(
    'when a valid NISS is registered, then 201 with Location, ETag and the birth date derived (R-ID-NISS)',
    async (t) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/beneficiaries',
        headers: bearer(tokenA),
        payload: {
          niss: '85.07.30-033.28',
          givenName: 'Marie',
          familyName: 'Dupont',
          language: 'fr',
          externalRef: 'vendor-1',
        },
      });
      t.equal(res.statusCode, 201);
      const body = res.json();
      t.equal(res.headers.location, `/v1/beneficiaries/${body.id}`);
      t.equal(res.headers.etag, '"1"');
      t.same(body, {
        id: body.id,
        niss: '85073003328',
        bis: false,
        givenName: 'Marie',
        familyName: 'Dupont',
        birthDate: '1985-07-30',
        language: 'fr',
        partnerId: null,
        externalRef: 'vendor-1',
        version: 1,
        createdAt: body.createdAt,
        updatedAt: body.updatedAt,
      });
      t.match(body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUID v7');

      const again = await h.app.inject({
        method: 'POST',
        url: '/v1/beneficiaries',
        headers: bearer(tokenA),
        payload: { niss: '85073003328', givenName: 'X', familyName: 'Y', language: 'nl' },
      });
      t.equal(again.statusCode, 409, 'the same NISS in the same CPAS');
      t.match(again.json(), {
        code: 'duplicate-beneficiary',
        existingId: body.id,
        type: 'urn:piis:problem:duplicate-beneficiary',
      });

      const otherCpas = await h.app.inject({
        method: 'POST',
        url: '/v1/beneficiaries',
        headers: bearer(tokenB),
        payload: { niss: '85073003328', givenName: 'X', familyName: 'Y', language: 'nl' },
      });
      t.equal(otherCpas.statusCode, 201, 'another CPAS may register the same person');

      const refAgain = await h.app.inject({
        method: 'POST',
        url: '/v1/beneficiaries',
        headers: bearer(tokenA),
        payload: { niss: validNiss(), givenName: 'X', familyName: 'Y', language: 'nl', externalRef: 'vendor-1' },
      });
      t.equal(refAgain.statusCode, 409);
      t.equal(refAgain.json().code, 'duplicate-external-ref');
    },
  );

  t.test('when the input is bad, then a precise 4xx problem and nothing is written', async (t) => {
    const before = await count(a.id);
    const cases: Array<[string, Record<string, unknown>, number, string, string?]> = [
      [
        'a malformed NISS',
        { niss: '85073003329', givenName: 'A', familyName: 'B', language: 'fr' },
        400,
        'invalid-niss',
        'R-ID-NISS',
      ],
      [
        'letters in the NISS',
        { niss: 'abcdefghijk', givenName: 'A', familyName: 'B', language: 'fr' },
        400,
        'validation-failed',
      ],
      [
        'an unknown field',
        { niss: validNiss(), givenName: 'A', familyName: 'B', language: 'fr', nickname: 'x' },
        400,
        'validation-failed',
      ],
      ['a missing field', { niss: validNiss(), givenName: 'A', language: 'fr' }, 400, 'validation-failed'],
      [
        'an unknown language',
        { niss: validNiss(), givenName: 'A', familyName: 'B', language: 'en' },
        400,
        'validation-failed',
      ],
      [
        'a wrong date',
        { niss: '85073003328', givenName: 'A', familyName: 'B', language: 'fr', birthDate: '1985-02-30' },
        400,
        'validation-failed',
      ],
      [
        'a birth date that contradicts the NISS',
        { niss: validNiss(), givenName: 'A', familyName: 'B', language: 'fr', birthDate: '2001-01-01' },
        422,
        'birth-date-mismatch',
        'R-ID-NISS',
      ],
      [
        'a name of 201 characters',
        { niss: validNiss(), givenName: 'A'.repeat(201), familyName: 'B', language: 'fr' },
        400,
        'validation-failed',
      ],
      [
        'a partner of another CPAS',
        {
          niss: validNiss(),
          givenName: 'A',
          familyName: 'B',
          language: 'fr',
          partnerId: (await newBeneficiary(h.app, tokenB)).id,
        },
        422,
        'invalid-partner',
        'R-COUPLE',
      ],
    ];
    for (const [why, payload, status, code, rule] of cases) {
      const res = await h.app.inject({ method: 'POST', url: '/v1/beneficiaries', headers: bearer(tokenA), payload });
      t.equal(res.statusCode, status, why);
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', `${why}: problem+json`);
      const p = res.json();
      t.equal(p.code, code, why);
      t.equal(p.type, `urn:piis:problem:${code}`);
      t.equal(p.status, status);
      t.equal(p.instance, '/v1/beneficiaries');
      if (rule) t.equal(p.rule, rule, `${why}: rule`);
      t.notMatch(JSON.stringify(p), /Marie|Dupont|stack|select |insert /i, `${why}: no personal data, stack or SQL`);
    }
    const unknownField = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: bearer(tokenA),
      payload: { niss: validNiss(), givenName: 'A', familyName: 'B', language: 'fr', nickname: 'x' },
    });
    t.same(unknownField.json().errors, [{ path: '/body/nickname', message: 'champ inconnu' }]);
    t.equal(await count(a.id), before, 'nothing written');
  });

  t.test('when the birth date is given and matches, or the NISS month is unknown, then it is kept', async (t) => {
    const matching = await newBeneficiary(h.app, tokenA, { niss: '94021300145', birthDate: '1994-02-13' });
    t.equal((matching as { birthDate?: string }).birthDate, '1994-02-13');
    const unknownDay = await newBeneficiary(h.app, tokenA, { niss: '85000000039' });
    t.equal((unknownDay as { birthDate?: string }).birthDate, null, 'unknown month and day: left null');
    const given = await newBeneficiary(h.app, tokenA, { niss: '85000000138', birthDate: '1985-03-04' });
    t.equal((given as { birthDate?: string }).birthDate, '1985-03-04', 'unknown month and day: taken as given');
  });

  t.test('when a fact date is after today, then 422 date-in-future', async (t) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: bearer(tokenA),
      payload: { niss: '17073003384', givenName: 'A', familyName: 'B', language: 'fr', birthDate: '2999-07-30' },
    });
    t.equal(res.statusCode, 422);
    t.equal(res.json().code, 'date-in-future');
  });

  t.test('when reading and searching, then only the caller’s CPAS is visible', async (t) => {
    const mine = await newBeneficiary(h.app, tokenA, { familyName: 'Vandenberghe', externalRef: 'ext-search' });
    const theirs = await newBeneficiary(h.app, tokenB, { familyName: 'Vandenberghe' });
    const get = await h.app.inject({ method: 'GET', url: `/v1/beneficiaries/${mine.id}`, headers: bearer(tokenA) });
    t.equal(get.statusCode, 200);
    t.equal(get.headers.etag, '"1"');
    t.equal(get.json().familyName, 'Vandenberghe');
    const cross = await h.app.inject({ method: 'GET', url: `/v1/beneficiaries/${theirs.id}`, headers: bearer(tokenA) });
    t.equal(cross.statusCode, 404, 'another CPAS’s beneficiary is not found, never forbidden');
    t.equal(cross.json().code, 'not-found');

    const byName = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries?q=andenber', headers: bearer(tokenA) });
    t.same(
      byName.json().items.map((i: { id: string }) => i.id),
      [mine.id],
    );
    const byNiss = await h.app.inject({
      method: 'GET',
      url: `/v1/beneficiaries?niss=${theirs.niss}`,
      headers: bearer(tokenA),
    });
    t.same(byNiss.json(), { items: [], nextCursor: null }, 'a NISS of the other CPAS finds nothing');
    const byRef = await h.app.inject({
      method: 'GET',
      url: '/v1/beneficiaries?externalRef=ext-search',
      headers: bearer(tokenA),
    });
    t.same(
      byRef.json().items.map((i: { id: string }) => i.id),
      [mine.id],
    );
    const malformed = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries?niss=123', headers: bearer(tokenA) });
    t.same(malformed.json(), { items: [], nextCursor: null }, 'a filter that cannot match is an empty list');
  });

  t.test('when paging, then every record comes once and a bad cursor is a 400', async (t) => {
    const c = await h.newCpas();
    const token = await c.token();
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await newBeneficiary(h.app, token)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): { items: Array<{ id: string }>; nextCursor: string | null } } =
        await h.app.inject({
          method: 'GET',
          url: `/v1/beneficiaries?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          headers: bearer(token),
        });
      t.equal(res.statusCode, 200);
      const page = res.json();
      seen.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    t.same(seen, ids);
    for (const bad of ['xyz', 'eyJhIjoxfQ', Buffer.from('{"a":"../../etc"}').toString('base64url')]) {
      const res = await h.app.inject({ method: 'GET', url: `/v1/beneficiaries?cursor=${bad}`, headers: bearer(token) });
      t.equal(res.statusCode, 400, `cursor ${bad}`);
      t.equal(res.json().code, 'invalid-cursor');
    }
    const over = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries?limit=501', headers: bearer(token) });
    t.equal(over.statusCode, 400);
  });

  t.test(
    'when patching, then If-Match is required (428), a stale ETag is refused (412), a current one applies',
    async (t) => {
      const p = await newBeneficiary(h.app, tokenA);
      const url = `/v1/beneficiaries/${p.id}`;
      const none = await h.app.inject({
        method: 'PATCH',
        url,
        headers: bearer(tokenA),
        payload: { givenName: 'Anne' },
      });
      t.equal(none.statusCode, 428);
      t.equal(none.json().code, 'precondition-required');
      const ok = await h.app.inject({
        method: 'PATCH',
        url,
        headers: { ...bearer(tokenA), 'if-match': '"1"', 'content-type': 'application/merge-patch+json' },
        payload: JSON.stringify({ givenName: 'Anne', externalRef: null }),
      });
      t.equal(ok.statusCode, 200);
      t.equal(ok.headers.etag, '"2"');
      t.match(ok.json(), { givenName: 'Anne', version: 2 });
      const stale = await h.app.inject({
        method: 'PATCH',
        url,
        headers: { ...bearer(tokenA), 'if-match': '"1"' },
        payload: { givenName: 'Other' },
      });
      t.equal(stale.statusCode, 412);
      t.equal(stale.json().code, 'precondition-failed');
      const cross = await h.app.inject({
        method: 'PATCH',
        url,
        headers: { ...bearer(tokenB), 'if-match': '"2"' },
        payload: { givenName: 'Other' },
      });
      t.equal(cross.statusCode, 404, 'the other CPAS cannot see it to change it');
      const badNiss = await h.app.inject({
        method: 'PATCH',
        url,
        headers: { ...bearer(tokenA), 'if-match': '"2"' },
        payload: { niss: '85073003329' },
      });
      t.equal(badNiss.statusCode, 400);
      t.equal(badNiss.json().code, 'invalid-niss');
      const empty = await h.app.inject({
        method: 'PATCH',
        url,
        headers: { ...bearer(tokenA), 'if-match': '"2"' },
        payload: {},
      });
      t.equal(empty.statusCode, 400, 'an empty patch');
    },
  );

  t.test('when a role may not handle beneficiaries, then 403; without a token, 401', async (t) => {
    for (const role of ['cpas_auditor']) {
      const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(await a.token(role)) });
      t.equal(res.statusCode, 403, role);
    }
    for (const role of ['spp_analyst', 'platform_admin']) {
      const res = await h.app.inject({
        method: 'GET',
        url: '/v1/beneficiaries',
        headers: bearer(await h.keys.token({ roles: [role] })),
      });
      t.equal(res.statusCode, 403, role);
      t.equal(res.json().code, 'forbidden');
    }
    for (const role of ['social_worker', 'cpas_manager', 'integration']) {
      const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(await a.token(role)) });
      t.equal(res.statusCode, 200, role);
    }
    const unregistered = await h.keys.token({ roles: ['social_worker'], cpas: '0403019261' });
    const res = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries', headers: bearer(unregistered) });
    t.equal(res.statusCode, 403, 'a token for a CPAS that is not registered');
    const anon = await h.app.inject({ method: 'GET', url: '/v1/beneficiaries' });
    t.equal(anon.statusCode, 401);
    t.equal(anon.json().code, 'unauthenticated');
  });
});
