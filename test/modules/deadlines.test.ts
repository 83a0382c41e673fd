// listDeadlines: each kind of legal deadline with its rule, status on the CPAS's today, the
// filters and the paging — and nothing of another CPAS.
import t from 'tap';
import { bearer, buildHarness, json } from '../helpers/app.js';
import { piisIn, post, rightfulBeneficiary } from '../helpers/piis.js';

t.test('deadlines', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const worker = await cpas.token('social_worker');
  const manager = await cpas.token('cpas_manager');
  const app = h.app;
  const list = async (qs = '', token = worker) => {
    const res = await app.inject({ method: 'GET', url: `/v1/deadlines${qs}`, headers: bearer(token) });
    t.equal(res.statusCode, 200, res.statusCode === 200 ? `GET /v1/deadlines${qs}` : res.body);
    return json(res).items as any[];
  };

  const newcomer = await rightfulBeneficiary(app, worker, { grantOn: '2026-09-01' });
  const exempted = await rightfulBeneficiary(app, worker, { grantOn: '2026-09-02' });
  await post(app, manager, `/v1/beneficiaries/${exempted}/exemptions`, {
    reason: 'health',
    decidedOn: '2026-09-10',
    motivation: 'Hospitalised',
  });
  const active = await piisIn(app, manager, 'active');
  const inReflection = await piisIn(app, manager, 'in_reflection');
  const hearing = json(
    await post(app, worker, `/v1/piis/${inReflection.piisId}/hearing-requests`, { requestedOn: '2026-03-05' }),
  );
  const interview = json(
    await post(app, worker, `/v1/piis/${active.piisId}/interview-requests`, { requestedOn: '2026-11-06' }),
  );
  const notice = json(
    await post(app, manager, `/v1/piis/${active.piisId}/notices`, {
      issuedOn: '2026-09-01',
      breach: 'x',
      complyBy: '2026-09-10',
    }),
  );
  const sanction = json(
    await post(app, manager, `/v1/piis/${active.piisId}/sanctions`, {
      noticeId: notice.id,
      decidedOn: '2026-10-01',
      notifiedOn: '2026-10-02',
      hearing: { requested: false },
      noLegitimateReason: true,
      suspensionStartsOn: '2026-11-01',
      suspensionEndsOn: '2026-11-30',
    }),
  );

  t.test('when every kind is listed, then each has its due date, status and rule', async (t) => {
    const items = await list('?limit=500');
    const find = (kind: string, pred: (d: any) => boolean) => items.find((d) => d.kind === kind && pred(d));
    t.match(
      find('piis-conclusion', (d) => d.beneficiaryId === newcomer),
      { dueOn: '2026-12-01', status: 'upcoming', rule: 'R-OBLIG-DEADLINE' },
      'R-OBLIG-DEADLINE: grant 2026-09-01 + 3 months',
    );
    t.notOk(
      find('piis-conclusion', (d) => d.beneficiaryId === exempted),
      'R-EXEMPT: an exempted person has no conclusion deadline',
    );
    t.match(
      find('piis-conclusion', (d) => d.beneficiaryId === active.beneficiaryId),
      { dueOn: '2026-04-05', status: 'met', piisId: active.piisId },
    );
    t.match(
      find('reflection-end', (d) => d.piisId === active.piisId),
      { dueOn: '2026-03-07', status: 'met', rule: 'R-REFLECT' },
    );
    t.match(
      find('reflection-end', (d) => d.piisId === inReflection.piisId),
      { dueOn: '2026-03-07', status: 'overdue' },
    );
    t.match(
      find('hearing-pending', (d) => d.recordId === hearing.id),
      { dueOn: '2026-03-05', status: 'due', rule: 'R-HEARING' },
    );
    t.match(
      find('evaluation', (d) => d.piisId === active.piisId),
      { dueOn: '2026-07-09', status: 'overdue', rule: 'R-EVAL-FREQ' },
    );
    t.match(
      find('interview', (d) => d.recordId === interview.id),
      { dueOn: '2026-11-16', status: 'overdue', rule: 'R-EVAL-INTERVIEW' },
      'Armistice Day skipped',
    );
    t.match(
      find('piis-end', (d) => d.piisId === active.piisId),
      { dueOn: '2027-03-09', status: 'upcoming', rule: 'R-DURATION' },
    );
    t.match(
      find('subsidy-extension', (d) => d.piisId === active.piisId),
      { dueOn: '2027-02-28', status: 'upcoming', rule: 'R-SUB-SECOND' },
    );
    t.match(
      find('sanction-appeal', (d) => d.recordId === sanction.id),
      { dueOn: '2027-01-02', status: 'upcoming', rule: 'R-SANCTION-APPEAL' },
    );
    t.ok(
      items.every((d) => d.explanation.length > 0),
      'each explains itself',
    );
    const dates = items.map((d) => d.dueOn);
    t.same(dates, [...dates].sort(), 'by due date');
  });

  t.test('when filters are given, then only matching deadlines come, page by page', async (t) => {
    t.same(
      (await list('?kind=interview')).map((d) => d.recordId),
      [interview.id],
    );
    t.ok((await list('?status=overdue&limit=500')).every((d) => d.status === 'overdue'));
    const window = await list('?from=2026-12-01&to=2027-01-31&limit=500');
    t.ok(
      window.length >= 2 && window.every((d) => d.dueOn >= '2026-12-01' && d.dueOn <= '2027-01-31'),
      'inside the period',
    );
    const all = await list('?limit=500');
    const paged: any[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof app.inject>> = await app.inject({
        method: 'GET',
        url: `/v1/deadlines?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        headers: bearer(worker),
      });
      paged.push(...json(res).items);
      cursor = json(res).nextCursor;
    } while (cursor);
    t.same(paged, all, 'paging returns every deadline once, in order');
    const bad = await app.inject({ method: 'GET', url: '/v1/deadlines?cursor=nonsense', headers: bearer(worker) });
    t.equal(json(bad).code, 'invalid-cursor');
    const reversed = await app.inject({
      method: 'GET',
      url: '/v1/deadlines?from=2027-01-01&to=2026-01-01',
      headers: bearer(worker),
    });
    t.equal(reversed.statusCode, 400);
  });

  t.test('when a hearing is withdrawn and the interview held, then their deadlines are met', async (t) => {
    await post(app, worker, `/v1/piis/${inReflection.piisId}/hearing-requests/${hearing.id}/outcome`, {
      withdrawnOn: '2026-03-06',
    });
    await post(app, worker, `/v1/piis/${active.piisId}/interview-requests/${interview.id}/held`, {
      heldOn: '2026-11-17',
    });
    const items = await list('?limit=500');
    t.match(
      items.find((d) => d.recordId === hearing.id),
      { status: 'met' },
    );
    t.match(
      items.find((d) => d.recordId === interview.id),
      { status: 'met', explanation: /tenu le mardi 17 novembre 2026, en retard$/ },
    );
  });

  t.test('when another CPAS lists its deadlines, then it sees none of these; an auditor may not list', async (t) => {
    const other = await h.newCpas();
    const b = await rightfulBeneficiary(app, await other.token('social_worker'), { grantOn: '2026-10-01' });
    const theirs = await list('?limit=500', await other.token('social_worker'));
    t.same(
      theirs.map((d) => d.beneficiaryId),
      [b],
    );
    const auditor = await app.inject({
      method: 'GET',
      url: '/v1/deadlines',
      headers: bearer(await cpas.token('cpas_auditor')),
    });
    t.equal(auditor.statusCode, 403);
  });
});
