// Transfers between CPAS: the receiver sees an envelope until it accepts; on acceptance it holds a
// copy of the person, the assessments and every PIIS with versions, signatures and evaluations,
// with provenance, health scores only with consent; the sender keeps its history read-only;
// nobody else sees anything; refusal copies nothing.
import t from 'tap';
import { bearer, buildHarness, type TestCpas } from '../helpers/app.js';
import { piisIn, post } from '../helpers/piis.js';

t.test('transfers', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const b = await h.newCpas();
  const c = await h.newCpas();
  const tokA = await a.token('social_worker', 'sender-worker');
  const tokB = await b.token('social_worker', 'receiver-worker');
  const get = async (url: string, token: string) => h.app.inject({ method: 'GET', url, headers: bearer(token) });

  async function fileToMove(cpas: TestCpas, token: string) {
    const piis = await piisIn(h.app, token, 'active');
    const scored = await post(h.app, token, `/v1/beneficiaries/${piis.beneficiaryId}/assessments`, {
      performedOn: '2026-04-01',
      kind: 'intermediate',
      participationRung: 3,
      domainScores: [
        { domain: 'employment', score: 3 },
        { domain: 'mental_health', score: 2 },
        { domain: 'addiction', score: 4 },
      ],
      barriers: ['physical_health', 'housing'],
    });
    if (scored.statusCode !== 201) throw new Error(scored.body);
    const evaluated = await post(h.app, token, `/v1/piis/${piis.piisId}/evaluations`, {
      heldOn: '2026-05-01',
      mode: 'in_person',
      objectives: [{ key: 'o1', status: 'progressing' }],
      commitmentsKept: { beneficiary: true, cpas: true },
    });
    if (evaluated.statusCode !== 201) throw new Error(evaluated.body);
    void cpas;
    return piis;
  }

  t.test('when a file is offered, then the receiver sees an envelope only, and nothing of the person', async (t) => {
    const piis = await fileToMove(a, tokA);
    const res = await post(h.app, tokA, `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, {
      toKboNumber: b.kbo,
      legalBasis: 'Art. 60 §1 loi organique; the person moved to the receiving commune',
    });
    t.equal(res.statusCode, 201, res.body);
    const out = res.json();
    t.match(out, {
      direction: 'outgoing',
      status: 'pending',
      beneficiaryId: piis.beneficiaryId,
      counterpartKbo: b.kbo,
      healthDataIncluded: false,
      copied: null,
      createdBy: 'sender-worker',
    });
    const incoming = (await get('/v1/transfers?direction=incoming', tokB)).json().items;
    t.equal(incoming.length, 1);
    t.match(incoming[0], {
      id: out.id,
      direction: 'incoming',
      status: 'pending',
      beneficiaryId: null,
      counterpartKbo: a.kbo,
    });
    t.equal(
      (await get(`/v1/beneficiaries/${piis.beneficiaryId}`, tokB)).statusCode,
      404,
      'the person is not visible before acceptance',
    );
    t.equal((await get(`/v1/piis/${piis.piisId}`, tokB)).statusCode, 404);
    t.same((await get('/v1/transfers', await c.token())).json().items, [], 'a third CPAS sees nothing');
    t.equal((await get(`/v1/transfers/${out.id}`, await c.token())).statusCode, 404);
    t.equal(
      (await post(h.app, tokA, `/v1/transfers/${out.id}/accept`, {})).statusCode,
      404,
      'the sender cannot accept its own offer',
    );
    t.equal(
      (await post(h.app, await c.token(), `/v1/transfers/${out.id}/accept`, {})).statusCode,
      404,
      'nor can a third CPAS',
    );
    const twice = await post(h.app, tokA, `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, {
      toKboNumber: b.kbo,
      legalBasis: 'again',
    });
    t.equal(twice.statusCode, 409, 'one pending transfer per person');

    t.test(
      'when the receiver accepts, then it holds the file with provenance, without health scores, and the sender ' +
        'keeps it read-only',
      async (t) => {
        const stale = await post(h.app, tokB, `/v1/transfers/${out.id}/accept`, {}, { 'if-match': '"refused"' });
        t.equal(stale.statusCode, 412, 'an If-Match that is not the current ETag: 412');
        t.equal(stale.json().code, 'precondition-failed');
        t.equal((await get(`/v1/transfers/${out.id}`, tokB)).json().status, 'pending', 'nothing was decided');
        const accepted = await post(
          h.app,
          tokB,
          `/v1/transfers/${out.id}/accept`,
          {},
          { 'if-match': (await get(`/v1/transfers/${out.id}`, tokB)).headers['etag'] as string },
        );
        t.equal(accepted.statusCode, 200, accepted.body);
        const body = accepted.json();
        t.match(body, {
          status: 'accepted',
          decidedBy: 'receiver-worker',
          copied: {
            beneficiaryId: piis.beneficiaryId,
            assessments: 2,
            piis: 1,
            versions: 1,
            signatures: 2,
            evaluations: 1,
            healthDataIncluded: false,
          },
        });
        const person = await get(`/v1/beneficiaries/${body.beneficiaryId}`, tokB);
        t.equal(person.statusCode, 200);
        t.equal(person.json().externalRef, null, "the sender's vendor reference stays behind");
        const theirPiis = await get(`/v1/piis/${piis.piisId}`, tokB);
        t.equal(theirPiis.statusCode, 200);
        t.equal(theirPiis.json().status, 'active');
        t.equal((await get(`/v1/piis/${piis.piisId}/evaluations`, tokB)).json().items.length, 1);
        t.equal((await get(`/v1/piis/${piis.piisId}/signatures`, tokB)).json().items.length, 2);
        const assessments = (await get(`/v1/beneficiaries/${body.beneficiaryId}/assessments`, tokB)).json().items;
        const scores = assessments.flatMap((x: { domainScores: Array<{ domain: string }> }) =>
          x.domainScores.map((s) => s.domain),
        );
        t.ok(scores.includes('employment'));
        t.notOk(
          scores.some((d: string) => ['mental_health', 'physical_health', 'addiction'].includes(d)),
          'no health scores without consent',
        );
        t.notOk(
          assessments.some((x: { barriers: string[] }) => x.barriers.includes('physical_health')),
          'nor health barriers',
        );
        const provenance = await h.db.owner<{
          transferred_from: { transferId: string; fromKbo: string; sourceId: string };
        }>(`select transferred_from from piis where cpas_id = $1 and id = $2`, [b.id, piis.piisId]);
        t.same(provenance, [{ transferred_from: { transferId: out.id, fromKbo: a.kbo, sourceId: piis.piisId } }]);
        // the receiver carries on: a new evaluation on its copy
        t.equal(
          (
            await post(h.app, tokB, `/v1/piis/${piis.piisId}/evaluations`, {
              heldOn: '2026-07-01',
              mode: 'in_person',
              objectives: [],
              commitmentsKept: { beneficiary: true, cpas: true },
            })
          ).statusCode,
          201,
        );
        // the sender: history readable, nothing added
        const senderPiis = await get(`/v1/piis/${piis.piisId}`, tokA);
        t.equal(senderPiis.statusCode, 200);
        t.match(
          senderPiis.json(),
          { status: 'closed', closure: { outcome: 'moved' } },
          "the sender's PIIS ended with the move",
        );
        t.same(
          (await get(`/v1/deadlines?limit=500`, tokA))
            .json()
            .items.filter((d: { beneficiaryId: string }) => d.beneficiaryId === piis.beneficiaryId),
          [],
          'no deadline left at the sender',
        );
        t.equal(
          (await get(`/v1/piis/${piis.piisId}/evaluations`, tokA)).json().items.length,
          1,
          "the receiver's new evaluation stays with the receiver",
        );
        for (const [url, payload] of [
          [
            `/v1/piis/${piis.piisId}/evaluations`,
            {
              heldOn: '2026-07-02',
              mode: 'in_person',
              objectives: [],
              commitmentsKept: { beneficiary: true, cpas: true },
            },
          ],
          [
            `/v1/beneficiaries/${piis.beneficiaryId}/rights`,
            {
              kind: 'ri',
              category: 'isolated',
              decidedOn: '2026-06-01',
              startsOn: '2026-06-01',
              monthlyAmountCents: 100000,
            },
          ],
          [
            `/v1/beneficiaries/${piis.beneficiaryId}/assessments`,
            { performedOn: '2026-06-01', kind: 'intermediate', participationRung: 3 },
          ],
          [`/v1/piis/${piis.piisId}/interview-requests`, { requestedOn: '2026-07-01' }],
        ] as const) {
          const refused = await post(h.app, tokA, url, payload);
          t.equal(refused.statusCode, 409, url);
          t.equal(refused.json().code, 'invalid-state');
        }
        const patch = await h.app.inject({
          method: 'PATCH',
          url: `/v1/beneficiaries/${piis.beneficiaryId}`,
          headers: { ...bearer(tokA), 'if-match': '"1"', 'content-type': 'application/merge-patch+json' },
          payload: { givenName: 'X' },
        });
        t.equal(patch.statusCode, 409);
        const outgoing = (await get(`/v1/transfers/${out.id}`, tokA)).json();
        t.match(outgoing, { direction: 'outgoing', status: 'accepted' });
        t.equal((await post(h.app, tokB, `/v1/transfers/${out.id}/accept`, {})).statusCode, 409, 'decided once');
        const feedA = await h.db.owner<{ type: string }>(
          `select type from outbox_event where cpas_id = $1 and entity_id = $2`,
          [a.id, out.id],
        );
        t.ok(
          feedA.some((e) => e.type === 'transfer.accepted'),
          "the sender's feed says it was accepted",
        );
      },
    );
  });

  t.test('when the person consented, then the health scores travel too', async (t) => {
    const piis = await fileToMove(a, tokA);
    const out = (
      await post(h.app, tokA, `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, {
        toKboNumber: c.kbo,
        legalBasis: 'consent',
        consentOn: '2026-06-01',
      })
    ).json();
    t.equal(out.healthDataIncluded, true);
    const tokC = await c.token();
    const accepted = (await post(h.app, tokC, `/v1/transfers/${out.id}/accept`, {})).json();
    t.equal(accepted.copied.healthDataIncluded, true);
    const scores = (await get(`/v1/beneficiaries/${accepted.beneficiaryId}/assessments`, tokC))
      .json()
      .items.flatMap((x: { domainScores: Array<{ domain: string }> }) => x.domainScores.map((s) => s.domain));
    t.ok(scores.includes('mental_health'));
  });

  t.test('when the receiver refuses, then nothing is copied and the sender may offer again', async (t) => {
    const piis = await fileToMove(a, tokA);
    const out = (
      await post(h.app, tokA, `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, {
        toKboNumber: b.kbo,
        legalBasis: 'move',
      })
    ).json();
    const refused = await post(h.app, tokB, `/v1/transfers/${out.id}/refuse`, {
      reason: 'The person does not live here',
    });
    t.equal(refused.statusCode, 200, refused.body);
    t.match(refused.json(), {
      status: 'refused',
      refusalReason: 'The person does not live here',
      copied: null,
      beneficiaryId: null,
    });
    t.equal((await get(`/v1/piis/${piis.piisId}`, tokB)).statusCode, 404);
    t.match((await get(`/v1/transfers/${out.id}`, tokA)).json(), { status: 'refused' });
    t.equal(
      (
        await post(h.app, tokA, `/v1/piis/${piis.piisId}/evaluations`, {
          heldOn: '2026-07-03',
          mode: 'remote',
          objectives: [],
          commitmentsKept: { beneficiary: true, cpas: true },
        })
      ).statusCode,
      201,
      'still writable at the sender',
    );
    t.equal(
      (
        await post(h.app, tokA, `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, {
          toKboNumber: b.kbo,
          legalBasis: 'move, again',
        })
      ).statusCode,
      201,
    );
  });

  t.test('when the receiver already knows the NISS, then the file joins its record of the person', async (t) => {
    const piis = await fileToMove(a, tokA);
    const niss = (await get(`/v1/beneficiaries/${piis.beneficiaryId}`, tokA)).json().niss;
    const d = await h.newCpas();
    const tokD = await d.token();
    const known = await post(h.app, tokD, '/v1/beneficiaries', {
      niss,
      givenName: 'Known',
      familyName: 'Here',
      language: 'nl',
    });
    const out = (
      await post(h.app, tokA, `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, {
        toKboNumber: d.kbo,
        legalBasis: 'move',
      })
    ).json();
    const accepted = (await post(h.app, tokD, `/v1/transfers/${out.id}/accept`, {})).json();
    t.equal(accepted.beneficiaryId, known.json().id);
    t.equal((await get(`/v1/piis/${piis.piisId}`, tokD)).json().beneficiaryId, known.json().id);
  });

  t.test('when the target is wrong, then 400 or 422; a missing person 404', async (t) => {
    const piis = await piisIn(h.app, tokA, 'draft');
    const to = (kbo: string) =>
      post(h.app, tokA, `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, { toKboNumber: kbo, legalBasis: 'x' });
    t.equal((await to('0123456789')).json().code, 'invalid-kbo');
    t.equal((await to(a.kbo)).json().code, 'invalid-reference', 'not to itself');
    t.equal((await to('0212345668')).statusCode, 422, 'an unregistered CPAS');
    t.equal(
      (await post(h.app, tokA, `/v1/beneficiaries/${piis.piisId}/transfers`, { toKboNumber: b.kbo, legalBasis: 'x' }))
        .statusCode,
      404,
    );
    t.equal(
      (
        await post(h.app, tokA, `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, {
          toKboNumber: b.kbo,
          legalBasis: 'x',
          consentOn: '2999-01-01',
        })
      ).json().code,
      'date-in-future',
    );
    t.equal(
      (
        await post(h.app, await a.token('cpas_auditor'), `/v1/beneficiaries/${piis.beneficiaryId}/transfers`, {
          toKboNumber: b.kbo,
          legalBasis: 'x',
        })
      ).statusCode,
      403,
    );
  });
});
