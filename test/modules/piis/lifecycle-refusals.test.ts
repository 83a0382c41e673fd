// The PIIS lifecycle's refusals, continued: categories out of their window, social-activation paths,
// signatures before the grant or claiming a compulsory PIIS, sanctions without their conditions —
// each with its problem code and rule; and what is kept for reads equals a recomputation.
import t from 'tap';
import { bearer, json } from '../../helpers/app.js';
import { oneCpas } from '../../helpers/one-cpas.js';
import { draft, post, rightfulBeneficiary } from '../../helpers/piis.js';

t.test('PIIS lifecycle', async (t) => {
  const { worker, manager, app, noDrift } = await oneCpas(t);

  t.test('when categories are out of their window, then category-not-allowed names the rule', async (t) => {
    const b = await rightfulBeneficiary(app, worker);
    const vol = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2018-07-26',
      activationCategory: '2.3',
    });
    t.match(json(vol), { status: 422, code: 'category-not-allowed', rule: 'R-VOLUNTEERING' });
    const volOk = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2018-07-25',
      activationCategory: '2.3',
    });
    t.equal(volOk.statusCode, 201, 'R-VOLUNTEERING: the day before the circular');
    const cs = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2018-10-01',
      activationCategory: 'community_service',
    });
    t.match(json(cs), { status: 422, code: 'category-not-allowed', rule: 'R-COMMUNITY-SERVICE' });
    const future = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2026-11-24',
    });
    t.match(json(future), { status: 422, code: 'date-in-future' });
    const bad = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2026-02-01',
      startsOn: '2026-05-01',
      endsOn: '2026-04-30',
    });
    t.match(json(bad), { status: 422, code: 'invalid-period', rule: 'R-DURATION' });
  });

  t.test(
    'R-SOCIAL-ACTIVATION: when a 2.x path has only professional-activation content, then category-not-allowed, ' +
      'nothing written',
    async (t) => {
      const b = await rightfulBeneficiary(app, worker);
      const list = async () =>
        json(await app.inject({ method: 'GET', url: `/v1/piis?beneficiaryId=${b}`, headers: bearer(worker) })).items
          .length;
      const before = await list();
      const employmentOnly = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
        track: 'general',
        obligation: 'optional',
        draftedOn: '2026-02-01',
        activationCategory: '2.1',
        domains: ['employment'],
      });
      t.match(json(employmentOnly), {
        status: 422,
        code: 'category-not-allowed',
        rule: 'R-SOCIAL-ACTIVATION',
        errors: [{ path: '/activationCategory' }],
      });
      t.equal(await list(), before, 'nothing written');
      const mixed = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
        track: 'general',
        obligation: 'optional',
        draftedOn: '2026-02-01',
        activationCategory: '2.1',
        domains: ['employment', 'language'],
      });
      t.equal(mixed.statusCode, 201, 'a social domain beside employment');
      const draft = json(mixed);
      const narrowed = await app.inject({
        method: 'PATCH',
        url: `/v1/piis/${draft.id}`,
        headers: {
          ...bearer(worker),
          'if-match': mixed.headers.etag as string,
          'content-type': 'application/merge-patch+json',
        },
        payload: JSON.stringify({ domains: ['employment'] }),
      });
      t.match(
        json(narrowed),
        { status: 422, code: 'category-not-allowed', rule: 'R-SOCIAL-ACTIVATION' },
        'a draft narrowed to employment only keeps its category refused',
      );
    },
  );

  t.test(
    'when a signature comes before the grant or claims a compulsory PIIS no rule imposes, then it is refused',
    async (t) => {
      const b = await rightfulBeneficiary(app, worker, { grantOn: '2026-03-09' });
      const d = await draft(app, worker, b);
      await post(app, worker, `/v1/piis/${d.piisId}/handover`, {
        handedOverOn: '2026-03-02',
        informedOn: '2026-03-02',
        assistedBy: null,
      });
      const early = await post(app, worker, `/v1/piis/${d.piisId}/signatures`, {
        party: 'beneficiary',
        signedOn: '2026-03-08',
        signatoryName: 'P',
      });
      t.match(json(early), { status: 422, code: 'signature-before-grant', rule: 'R-OBLIG-DEADLINE' });
      const old = await rightfulBeneficiary(app, worker, { grantOn: '2016-01-05', assessedOn: '2016-02-01' });
      await app.inject({
        method: 'PATCH',
        url: `/v1/beneficiaries/${old}`,
        headers: { ...bearer(worker), 'if-match': '"1"' },
        payload: { birthDate: null },
      });
      const d2 = await draft(app, worker, old, {
        draftedOn: '2016-02-02',
        startsOn: '2016-03-01',
        endsOn: '2017-02-28',
      });
      await post(app, worker, `/v1/piis/${d2.piisId}/handover`, {
        handedOverOn: '2016-02-03',
        informedOn: '2016-02-03',
        assistedBy: null,
      });
      const r = await post(app, worker, `/v1/piis/${d2.piisId}/signatures`, {
        party: 'beneficiary',
        signedOn: '2016-02-10',
        signatoryName: 'P',
      });
      t.match(json(r), { status: 422, code: 'obligation-not-applicable', rule: 'R-OBLIG-NEW' });
    },
  );

  t.test('when a sanction lacks its conditions, then each refusal names its rule and nothing is written', async (t) => {
    const b = await rightfulBeneficiary(app, worker);
    const d = await draft(app, worker, b);
    const id = d.piisId;
    await post(app, worker, `/v1/piis/${id}/handover`, {
      handedOverOn: '2026-03-02',
      informedOn: '2026-03-02',
      assistedBy: null,
    });
    await post(app, worker, `/v1/piis/${id}/signatures`, {
      party: 'beneficiary',
      signedOn: '2026-03-08',
      signatoryName: 'P',
    });
    await post(app, worker, `/v1/piis/${id}/signatures`, { party: 'cpas', signedOn: '2026-03-09', signatoryName: 'P' });
    const notice = json(
      await post(app, manager, `/v1/piis/${id}/notices`, {
        issuedOn: '2026-09-01',
        breach: 'x',
        complyBy: '2026-09-10',
      }),
    );
    const base = {
      noticeId: notice.id,
      decidedOn: '2026-09-15',
      notifiedOn: '2026-09-16',
      hearing: { requested: false },
      noLegitimateReason: true,
      suspensionStartsOn: '2026-10-01',
      suspensionEndsOn: '2026-10-31',
    };
    const bySocialWorker = await post(app, worker, `/v1/piis/${id}/sanctions`, base);
    t.equal(bySocialWorker.statusCode, 403, 'sanctions are a cpas_manager decision');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ noticeId: '00000000-0000-7000-8000-000000000000' }, 'notice-missing', 'R-SANCTION-NOTICE'],
      [
        {
          decidedOn: '2026-09-01',
          notifiedOn: '2026-09-02',
          suspensionStartsOn: '2026-09-03',
          suspensionEndsOn: '2026-10-02',
        },
        'notice-missing',
        'R-SANCTION-NOTICE',
      ],
      [{ hearing: { requested: true } }, 'hearing-not-held', 'R-SANCTION-NOTICE'],
      [{ suspensionEndsOn: '2026-11-01' }, 'sanction-too-long', 'R-SANCTION-LENGTH'],
      [
        { suspensionStartsOn: '2026-09-16', suspensionEndsOn: '2026-10-10' },
        'sanction-start-outside-window',
        'R-SANCTION-START',
      ],
      [
        { suspensionStartsOn: '2026-12-02', suspensionEndsOn: '2026-12-31' },
        'sanction-start-outside-window',
        'R-SANCTION-START',
      ],
    ];
    for (const [over, code, rule] of cases) {
      const res = await post(app, manager, `/v1/piis/${id}/sanctions`, { ...base, ...over });
      t.match(json(res), { status: 422, code, rule }, `${code}: ${JSON.stringify(over)}`);
    }
    const list = json(await app.inject({ method: 'GET', url: `/v1/piis/${id}/sanctions`, headers: bearer(manager) }));
    t.same(list.items, [], 'nothing written on the refusals');
    const first = await post(app, manager, `/v1/piis/${id}/sanctions`, {
      ...base,
      decidedOn: '2025-11-01',
      notifiedOn: '2025-11-02',
    });
    t.equal(first.statusCode, 422, 'a notice after the decision');
    const ok1 = await post(app, manager, `/v1/piis/${id}/sanctions`, base);
    t.equal(ok1.statusCode, 201, ok1.statusCode >= 300 ? ok1.body : `ok1: 201`);
    const repeat = await post(app, manager, `/v1/piis/${id}/sanctions`, {
      ...base,
      decidedOn: '2026-10-15',
      notifiedOn: '2026-10-16',
      suspensionStartsOn: '2026-11-01',
      suspensionEndsOn: '2027-01-31',
    });
    t.equal(repeat.statusCode, 201, `R-SANCTION-LENGTH: a repeat within a year allows 3 months ${repeat.body}`);
    t.equal(json(repeat).maxMonths.value, 3);

    const coachingB = await rightfulBeneficiary(app, worker);
    const c = await draft(app, worker, coachingB, { obligation: 'coaching' });
    await post(app, worker, `/v1/piis/${c.piisId}/handover`, {
      handedOverOn: '2026-03-02',
      informedOn: '2026-03-02',
      assistedBy: null,
    });
    await post(app, worker, `/v1/piis/${c.piisId}/signatures`, {
      party: 'beneficiary',
      signedOn: '2026-03-08',
      signatoryName: 'P',
    });
    await post(app, worker, `/v1/piis/${c.piisId}/signatures`, {
      party: 'cpas',
      signedOn: '2026-03-09',
      signatoryName: 'P',
    });
    const cn = json(
      await post(app, manager, `/v1/piis/${c.piisId}/notices`, {
        issuedOn: '2026-09-01',
        breach: 'x',
        complyBy: '2026-09-10',
      }),
    );
    const coaching = await post(app, manager, `/v1/piis/${c.piisId}/sanctions`, { ...base, noticeId: cn.id });
    t.match(json(coaching), { status: 422, code: 'sanction-not-applicable', rule: 'R-SANCTION-SCOPE' });
  });

  t.test(
    'when every test above has run, then each kept file and deadline equals a recomputation from scratch',
    async (t) => {
      await noDrift(t, 'every test of this file');
    },
  );
});
