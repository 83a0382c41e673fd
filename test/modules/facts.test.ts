// Facts of a beneficiary: right decisions (R-RIGHT), situations, exemptions (R-EXEMPT), and their
// corrections (R-CORRECT): voided or superseded with a reason, never edited.
import t from 'tap';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';

t.test('facts', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const a = await h.newCpas();
  const b = await h.newCpas();
  const worker = await a.token('social_worker');
  const manager = await a.token('cpas_manager');
  const p = await newBeneficiary(h.app, worker);
  const rights = `/v1/beneficiaries/${p.id}/rights`;
  const grant = {
    kind: 'ri',
    category: 'isolated',
    decidedOn: '2026-03-02',
    notifiedOn: '2026-03-04',
    startsOn: '2026-03-01',
    monthlyAmountCents: 130_000,
  };

  t.test('R-RIGHT: when a grant is recorded, then 201 with the decision as recorded', async (t) => {
    const res = await h.app.inject({ method: 'POST', url: rights, headers: bearer(worker), payload: grant });
    t.equal(res.statusCode, 201);
    const body = res.json();
    t.same(body, {
      id: body.id,
      beneficiaryId: p.id,
      supersedes: null,
      correctionReason: null,
      supersededBy: null,
      inForce: true,
      voidedAt: null,
      voidReason: null,
      externalRef: null,
      recordedAt: body.recordedAt,
      recordedBy: `social_worker-${a.kbo}`,
      kind: 'ri',
      category: 'isolated',
      decidedOn: '2026-03-02',
      notifiedOn: '2026-03-04',
      startsOn: '2026-03-01',
      monthlyAmountCents: 130000,
      householdAmountCents: null,
    });
    t.equal(res.headers.location, `${rights}/${body.id}`);
    // the same JavaScript values from both databases: numbers, civil dates, UTC instants
    t.equal(typeof body.monthlyAmountCents, 'number');
    t.match(body.recordedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    t.match(body.decidedOn, /^\d{4}-\d{2}-\d{2}$/);
  });

  t.test(
    'when a fact carries an externalRef, then it can be looked up by it and is unique per CPAS and kind',
    async (t) => {
      const url = `/v1/beneficiaries/${p.id}/situations`;
      const first = await h.app.inject({
        method: 'POST',
        url,
        headers: bearer(worker),
        payload: { kind: 'training', startsOn: '2026-02-01', externalRef: 'sit-77' },
      });
      t.equal(first.statusCode, 201);
      const again = await h.app.inject({
        method: 'POST',
        url,
        headers: bearer(worker),
        payload: { kind: 'training', startsOn: '2026-02-01', externalRef: 'sit-77' },
      });
      t.equal(again.statusCode, 409);
      t.equal(again.json().code, 'duplicate-external-ref');
      const found = await h.app.inject({ method: 'GET', url: `${url}?externalRef=sit-77`, headers: bearer(worker) });
      t.same(
        found.json().items.map((i: { id: string }) => i.id),
        [first.json().id],
      );
    },
  );

  t.test('R-RIGHT: when a decision is inconsistent, then a precise 4xx and nothing is written', async (t) => {
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['a grant without amount', { ...grant, monthlyAmountCents: undefined }, 400, 'validation-failed'],
      ['a grant without category', { ...grant, category: undefined }, 400, 'validation-failed'],
      [
        'an end with an amount',
        { kind: 'end', decidedOn: '2026-05-01', startsOn: '2026-05-01', monthlyAmountCents: 1 },
        400,
        'validation-failed',
      ],
      ['a negative amount', { ...grant, monthlyAmountCents: -1 }, 400, 'validation-failed'],
      ['a decision dated tomorrow', { ...grant, decidedOn: '2026-11-24' }, 422, 'date-in-future'],
      ['a notification dated tomorrow', { ...grant, notifiedOn: '2026-11-24' }, 422, 'date-in-future'],
      ['a notification before the decision', { ...grant, notifiedOn: '2026-03-01' }, 422, 'invalid-period'],
      ['a date that does not exist', { ...grant, startsOn: '2026-02-29' }, 400, 'validation-failed'],
      ['an unknown field', { ...grant, amount: 3 }, 400, 'validation-failed'],
      [
        'R-SUB-COUPLE: a household amount on an isolated rate',
        { ...grant, householdAmountCents: 260_000 },
        400,
        'validation-failed',
      ],
      [
        'R-SUB-COUPLE: a household amount below the share',
        { ...grant, category: 'family', monthlyAmountCents: 90_000, householdAmountCents: 89_999 },
        400,
        'validation-failed',
      ],
      [
        'R-SUB-COUPLE: a household amount on an end',
        { kind: 'end', decidedOn: '2026-05-01', startsOn: '2026-05-01', householdAmountCents: 1 },
        400,
        'validation-failed',
      ],
    ];
    const before = (
      await h.app.inject({ method: 'GET', url: `${rights}?includeVoided=true`, headers: bearer(worker) })
    ).json().items.length;
    for (const [why, payload, status, code] of cases) {
      const res = await h.app.inject({
        method: 'POST',
        url: rights,
        headers: bearer(worker),
        payload: JSON.parse(JSON.stringify(payload)),
      });
      t.equal(res.statusCode, status, why);
      t.equal(res.json().code, code, why);
    }
    const refused = await h.app.inject({
      method: 'POST',
      url: rights,
      headers: { ...bearer(worker), 'accept-language': 'nl' },
      payload: { ...grant, householdAmountCents: 260_000 },
    });
    t.match(
      refused.json(),
      { rule: 'R-SUB-COUPLE', errors: [{ path: '/body/householdAmountCents', message: /categorie 3/ }] },
      'the refusal names its rule and field, in the reader’s language',
    );
    const planned = await h.app.inject({
      method: 'POST',
      url: rights,
      headers: bearer(worker),
      payload: { kind: 'end', decidedOn: '2026-11-23', startsOn: '2027-01-01' },
    });
    t.equal(planned.statusCode, 201, 'a decision taken today may start in the future (a plan)');
    const after = (
      await h.app.inject({ method: 'GET', url: `${rights}?includeVoided=true`, headers: bearer(worker) })
    ).json().items.length;
    t.equal(after, before + 1, 'only the valid one was written');
    const share = await h.app.inject({
      method: 'POST',
      url: rights,
      headers: bearer(worker),
      payload: { ...grant, category: 'family', monthlyAmountCents: 85_000, householdAmountCents: 170_000 },
    });
    t.equal(share.statusCode, 201, 'R-SUB-COUPLE: a partner’s share of the household’s category-3 amount');
    t.match(share.json(), { category: 'family', monthlyAmountCents: 85_000, householdAmountCents: 170_000 });
  });

  t.test(
    'R-CORRECT: when a decision is superseded or voided, then lists show the facts in force unless includeVoided, ' +
      'and voiding a correction restores what it corrected',
    async (t) => {
      const q = await newBeneficiary(h.app, worker);
      const url = `/v1/beneficiaries/${q.id}/rights`;
      const first = (await h.app.inject({ method: 'POST', url, headers: bearer(worker), payload: grant })).json();
      const noReason = await h.app.inject({
        method: 'POST',
        url,
        headers: bearer(worker),
        payload: { ...grant, supersedes: first.id },
      });
      t.equal(noReason.statusCode, 400, 'a correction needs its reason');
      t.equal(noReason.json().rule, 'R-CORRECT');
      const fix = await h.app.inject({
        method: 'POST',
        url,
        headers: bearer(worker),
        payload: { ...grant, monthlyAmountCents: 131_000, supersedes: first.id, reason: 'amount indexed' },
      });
      t.equal(fix.statusCode, 201);
      t.match(fix.json(), { supersedes: first.id, correctionReason: 'amount indexed', inForce: true });
      const twice = await h.app.inject({
        method: 'POST',
        url,
        headers: bearer(worker),
        payload: { ...grant, supersedes: first.id, reason: 'again' },
      });
      t.equal(twice.statusCode, 409, 'a superseded fact cannot be superseded again');
      t.equal(twice.json().code, 'invalid-state');

      const inForce = (await h.app.inject({ method: 'GET', url, headers: bearer(worker) })).json().items;
      t.same(
        inForce.map((i: { id: string }) => i.id),
        [fix.json().id],
      );
      const all = (
        await h.app.inject({ method: 'GET', url: `${url}?includeVoided=true`, headers: bearer(worker) })
      ).json().items;
      t.same(
        all.map((i: { id: string; supersededBy: string | null }) => [i.id, i.supersededBy]),
        [
          [first.id, fix.json().id],
          [fix.json().id, null],
        ],
      );

      const voided = await h.app.inject({
        method: 'POST',
        url: `${url}/${fix.json().id}/void`,
        headers: bearer(worker),
        payload: { reason: 'recorded on the wrong person' },
      });
      t.equal(voided.statusCode, 200);
      t.match(voided.json(), { inForce: false, voidReason: 'recorded on the wrong person' });
      t.equal(
        (
          await h.app.inject({
            method: 'POST',
            url: `${url}/${fix.json().id}/void`,
            headers: bearer(worker),
            payload: { reason: 'again' },
          })
        ).statusCode,
        409,
      );
      const after = (await h.app.inject({ method: 'GET', url, headers: bearer(worker) })).json().items;
      t.same(
        after.map((i: { id: string; inForce: boolean }) => [i.id, i.inForce]),
        [[first.id, true]],
        'a voided correction never happened: the first decision is in force again',
      );
    },
  );

  t.test('situations: when a period ends before it starts, then 422 invalid-period', async (t) => {
    const url = `/v1/beneficiaries/${p.id}/situations`;
    const ok = await h.app.inject({
      method: 'POST',
      url,
      headers: bearer(worker),
      payload: { kind: 'employment', startsOn: '2026-04-01', endsOn: '2026-06-30' },
    });
    t.equal(ok.statusCode, 201);
    t.match(ok.json(), { kind: 'employment', startsOn: '2026-04-01', endsOn: '2026-06-30' });
    const bad = await h.app.inject({
      method: 'POST',
      url,
      headers: bearer(worker),
      payload: { kind: 'studies', startsOn: '2026-04-01', endsOn: '2026-03-31' },
    });
    t.equal(bad.statusCode, 422);
    t.equal(bad.json().code, 'invalid-period');
  });

  t.test('R-EXEMPT: when an exemption is recorded, then only a manager may, and the list shows it', async (t) => {
    const url = `/v1/beneficiaries/${p.id}/exemptions`;
    const payload = { reason: 'health', decidedOn: '2026-04-10', motivation: 'medical certificate on file' };
    const byWorker = await h.app.inject({ method: 'POST', url, headers: bearer(worker), payload });
    t.equal(byWorker.statusCode, 403, 'social_worker');
    for (const role of ['cpas_manager', 'integration']) {
      const res = await h.app.inject({ method: 'POST', url, headers: bearer(await a.token(role)), payload });
      t.equal(res.statusCode, 201, role);
    }
    const list = await h.app.inject({ method: 'GET', url, headers: bearer(worker) });
    t.equal(list.json().items.length, 2);
    t.match(list.json().items[0], {
      reason: 'health',
      decidedOn: '2026-04-10',
      motivation: 'medical certificate on file',
      inForce: true,
    });
    void manager;
  });

  t.test('when the other CPAS’s token is used on these facts, then 404', async (t) => {
    const other = await b.token('cpas_manager');
    for (const [method, url, payload] of [
      ['POST', rights, grant],
      ['GET', rights, undefined],
      ['POST', `/v1/beneficiaries/${p.id}/situations`, { kind: 'training', startsOn: '2026-01-01' }],
      ['GET', `/v1/beneficiaries/${p.id}/exemptions`, undefined],
    ] as const) {
      const res = await h.app.inject({ method, url, headers: bearer(other), ...(payload ? { payload } : {}) });
      t.equal(res.statusCode, 404, `${method} ${url}`);
    }
  });
});
