// The security adviser's audit (listAuditEntries): writes, reads and refused requests of their own
// CPAS only, filtered by record, actor, action and period; other roles get 403.
import t from 'tap';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';
import { auditEntries, type AuditEntry as Entry } from '../helpers/audit.js';

t.test('audit list', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const b = await h.newCpas();
  const auditorA = await a.token('cpas_auditor', 'adviser-a');
  const worker = await a.token('social_worker', 'worker-a');
  const list = (query: string, token = auditorA) => auditEntries(h.app, token, query);
  const person = await newBeneficiary(h.app, worker);
  const other = await newBeneficiary(h.app, await b.token());
  await h.app.inject({
    method: 'GET',
    url: `/v1/beneficiaries/${person.id}`,
    headers: { ...bearer(worker), 'x-request-id': 'audit-read-0001' },
  });
  const listed = await h.app.inject({
    method: 'GET',
    url: '/v1/beneficiaries?limit=500',
    headers: { ...bearer(worker), 'x-request-id': 'audit-list-0001' },
  });
  await h.app.inject({
    method: 'POST',
    url: `/v1/beneficiaries/${person.id}/exemptions`,
    headers: { ...bearer(worker), 'x-request-id': 'audit-403-0001' },
    payload: { reason: 'health', decidedOn: '2026-01-05', motivation: 'x' },
  });
  await h.app.inject({
    method: 'GET',
    url: `/v1/beneficiaries/${other.id}`,
    headers: { ...bearer(worker), 'x-request-id': 'audit-404-0001' },
  });
  await h.app.inject({
    method: 'POST',
    url: '/v1/beneficiaries',
    headers: { ...bearer(worker), 'x-request-id': 'audit-400-0001' },
    payload: { niss: '85073003329', givenName: 'A', familyName: 'B', language: 'fr' },
  });
  await h.app.inject({
    method: 'GET',
    url: '/v1/nowhere',
    headers: { ...bearer(worker), 'x-request-id': 'audit-nowhere-1' },
  });
  await h.app.inject({
    method: 'GET',
    url: `/v1/beneficiaries/${person.id}`,
    headers: { authorization: 'Bearer nope', 'x-request-id': 'audit-401-0001' },
  });

  t.test(
    'when the adviser reads the audit, then writes, reads and refused requests are there, each with its actor, ' +
      'record and outcome',
    async (t) => {
      const { items } = await list('');
      const byRequest = (id: string) =>
        items.filter((e) => e.requestId === id).map(({ id: _, at: __, ...rest }) => rest);
      t.same(byRequest('audit-read-0001'), [
        {
          actor: 'worker-a',
          action: 'read',
          entity: 'beneficiary',
          entityId: person.id,
          entityIds: [],
          requestId: 'audit-read-0001',
          outcome: 'ok',
        },
      ]);
      const listRead = byRequest('audit-list-0001');
      t.equal(
        listRead.length,
        1,
        `the list read (${listed.statusCode}, ${listed.json().items?.length ?? listed.body.slice(0, 200)} items) ` +
          'has its entry',
      );
      t.ok(
        listRead[0]!.entityIds.includes(person.id) || listRead[0]!.entityId === person.id,
        'a list read names what it returned',
      );
      t.same(byRequest('audit-403-0001'), [
        {
          actor: 'worker-a',
          action: 'refused',
          entity: 'recordExemption',
          entityId: person.id,
          entityIds: [],
          requestId: 'audit-403-0001',
          outcome: 'forbidden',
        },
      ]);
      t.same(
        byRequest('audit-404-0001'),
        [
          {
            actor: 'worker-a',
            action: 'refused',
            entity: 'getBeneficiary',
            entityId: other.id,
            entityIds: [],
            requestId: 'audit-404-0001',
            outcome: 'not-found',
          },
        ],
        "a probe of another CPAS's record is recorded in the prober's CPAS",
      );
      t.same(byRequest('audit-400-0001'), [
        {
          actor: 'worker-a',
          action: 'refused',
          entity: 'createBeneficiary',
          entityId: null,
          entityIds: [],
          requestId: 'audit-400-0001',
          outcome: 'invalid-niss',
        },
      ]);
      t.same(byRequest('audit-nowhere-1'), [
        {
          actor: 'worker-a',
          action: 'refused',
          entity: 'unknown-route',
          entityId: null,
          entityIds: [],
          requestId: 'audit-nowhere-1',
          outcome: 'not-found',
        },
      ]);
      t.same(byRequest('audit-401-0001'), [], 'a call without a valid token has no actor to record');
      t.ok(
        items.some(
          (e) =>
            e.action === 'create' && e.entity === 'beneficiary' && e.entityId === person.id && e.actor === 'worker-a',
        ),
      );
      t.notOk(
        items.some((e) => e.entityId === other.id && e.action !== 'refused'),
        "nothing of the other CPAS's own entries",
      );
      const { items: theirs } = await list('', await b.token('cpas_auditor'));
      t.notOk(
        theirs.some((e) => e.requestId.startsWith('audit-')),
        "the probed CPAS's audit does not hold the prober's refusals",
      );
    },
  );

  t.test(
    'when the adviser filters by record, actor, action or period, then only the matching entries come',
    async (t) => {
      const byRecord = await list(`entityId=${person.id}`);
      t.ok(byRecord.items.length >= 4);
      t.ok(byRecord.items.every((e) => e.entityId === person.id || e.entityIds.includes(person.id)));
      t.ok(
        byRecord.items.some((e) => e.requestId === 'audit-list-0001'),
        'list reads that returned it count',
      );
      const byActor = await list('actor=worker-a&action=refused');
      t.same(byActor.items.map((e) => e.requestId).sort(), [
        'audit-400-0001',
        'audit-403-0001',
        'audit-404-0001',
        'audit-nowhere-1',
      ]);
      const all = await list('');
      const today = all.items[0]!.at.slice(0, 10);
      t.equal((await list(`from=2000-01-01&to=2000-12-31`)).items.length, 0);
      t.ok(
        (await list(`from=${today}&to=${today}`)).items.length > 0 ||
          (await list(`from=${all.items[0]!.at}`)).items.length > 0,
      );
      const cut = all.items[3]!.at;
      const after = await list(`from=${encodeURIComponent(cut)}`);
      t.ok(after.items.every((e) => e.at >= cut));
      const before = await list(`to=${encodeURIComponent(cut)}`);
      t.ok(before.items.every((e) => e.at < cut));
      t.equal(
        after.items.length + before.items.length,
        all.items.length + 2,
        'the two halves cover the audit (plus the two list reads recorded meanwhile)',
      );
    },
  );

  t.test('when the audit is paged, then every entry comes once', async (t) => {
    const all = await list('action=refused');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      await h.app.deps.accessLog.flush();
      const url: string = `/v1/audit?action=refused&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const body: { items: Entry[]; nextCursor: string | null } = (
        await h.app.inject({ method: 'GET', url, headers: bearer(auditorA) })
      ).json();
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
    } while (cursor);
    t.same(
      seen.slice(0, all.items.length),
      all.items.map((e) => e.id),
    );
  });

  t.test('when a period ends before it starts or a filter is malformed, then 400', async (t) => {
    for (const q of ['from=2026-03-02&to=2026-03-01', 'from=yesterday', 'action=delete', 'entityId=nope', 'extra=1']) {
      const res = await h.app.inject({ method: 'GET', url: `/v1/audit?${q}`, headers: bearer(auditorA) });
      t.equal(res.statusCode, 400, q);
    }
  });

  t.test('when any other role reads the audit, then 403', async (t) => {
    for (const role of ['social_worker', 'cpas_manager', 'integration']) {
      t.equal(
        (await h.app.inject({ method: 'GET', url: '/v1/audit', headers: bearer(await a.token(role)) })).statusCode,
        403,
        role,
      );
    }
    for (const roles of [['spp_analyst'], ['platform_admin']]) {
      t.equal(
        (
          await h.app.inject({
            method: 'GET',
            url: '/v1/audit',
            headers: bearer(await h.keys.token({ sub: 'x', roles })),
          })
        ).statusCode,
        403,
        roles[0]!,
      );
    }
  });
});
