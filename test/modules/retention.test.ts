// Retention: a closed file whose last activity is older than the CPAS's retention period is
// anonymised by npm run purge — names, NISS, free text, documents and attachment bytes gone,
// hashes kept — while the reports, indicators and national figures stay exactly as they were;
// the purge is audited and the audit chain survives it; open files and recent ones are untouched.
import t from 'tap';
import { bearer, buildHarness } from '../helpers/app.js';
import { completeContent, draft, piisIn, post, rightfulBeneficiary } from '../helpers/piis.js';
import { purge } from '../../src/modules/retention/purge.js';
import { sealAudit } from '../../src/modules/audit/audit.sealer.js';
import { verifyAudit } from '../../src/modules/audit/audit.verify.js';
import { refreshBacklog } from '../../src/modules/reports/rollups.service.js';

const TODAY = '2026-11-24';
const PDF = Buffer.from('%PDF-1.4\n% signed contract scan\n%%EOF\n');

t.test('retention', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => TODAY } });
  const a = await h.newCpas();
  const manager = await a.token('cpas_manager', 'manager-r');
  const get = (url: string, token = manager) => h.app.inject({ method: 'GET', url, headers: bearer(token) });
  const ok = <R extends { statusCode: number; body: string }>(res: R, status = 201): R => {
    if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
    return res;
  };

  // A file of 2014–2015, closed and ended: due after 10 years.
  const old = await rightfulBeneficiary(h.app, manager, { grantOn: '2014-01-06', assessedOn: '2014-02-20' });
  const oldPiis = await draft(h.app, manager, old, {
    draftedOn: '2014-02-25',
    obligation: 'optional',
    ...completeContent({
      startsOn: '2014-03-10',
      endsOn: '2015-03-09',
      objectives: [
        { key: 'o1', domain: 'employment', description: 'Find a job in Ghent', dueOn: '2014-12-31' },
        { key: 'o2', domain: 'language', description: 'Reach A2 in Dutch' },
      ],
    }),
  });
  ok(
    await post(h.app, manager, `/v1/piis/${oldPiis.piisId}/handover`, {
      handedOverOn: '2014-03-03',
      informedOn: '2014-03-03',
      assistedBy: { name: 'Aunt Marie', relation: 'aunt' },
    }),
    200,
  );
  ok(
    await post(h.app, manager, `/v1/piis/${oldPiis.piisId}/signatures`, {
      party: 'beneficiary',
      signedOn: '2014-03-09',
      signatoryName: 'Old Person',
    }),
  );
  ok(
    await post(h.app, manager, `/v1/piis/${oldPiis.piisId}/signatures`, {
      party: 'cpas',
      signedOn: '2014-03-10',
      signatoryName: 'The president',
    }),
  );
  ok(
    await post(h.app, manager, `/v1/piis/${oldPiis.piisId}/evaluations`, {
      heldOn: '2014-06-01',
      mode: 'in_person',
      objectives: [{ key: 'o1', status: 'progressing', note: 'Met the employer on 30 May' }],
      commitmentsKept: { beneficiary: true, cpas: true },
      adjustments: 'More hours of Dutch',
    }),
  );
  ok(
    await post(h.app, manager, `/v1/piis/${oldPiis.piisId}/close`, {
      endedOn: '2015-03-09',
      outcome: 'employment',
      note: 'Hired by a bakery',
    }),
    200,
  );
  ok(
    await post(h.app, manager, `/v1/beneficiaries/${old}/rights`, {
      kind: 'end',
      decidedOn: '2015-03-31',
      startsOn: '2015-04-01',
    }),
  );
  const attachment = ok(
    await h.app.inject({
      method: 'POST',
      url: `/v1/attachments?purpose=signed_contract&piisId=${oldPiis.piisId}&fileName=contract.pdf`,
      headers: { ...bearer(manager), 'content-type': 'application/pdf' },
      payload: PDF,
    }),
  ).json();
  const document = ok(await get(`/v1/piis/${oldPiis.piisId}/versions/1/document?lang=fr`), 200);
  // A file still running.
  const current = await piisIn(h.app, manager, 'active');

  const reports = async () => {
    await refreshBacklog(h.db.database, TODAY);
    const analyst = await h.keys.token({ sub: 'analyst', roles: ['spp_analyst'] });
    const bodies: Record<string, unknown> = {};
    for (const url of [
      '/v1/reports/indicators?year=2014',
      '/v1/reports/indicators?year=2015',
      '/v1/reports/subsidy?year=2014',
      '/v1/reports/subsidy?year=2015',
    ])
      bodies[url] = (await get(url)).json();
    for (const url of [
      '/v1/reports/national/indicators?year=2014',
      '/v1/reports/national/extract?year=2014&purpose=retention-test',
    ])
      bodies[url] = (await get(url, analyst)).json();
    return bodies;
  };

  t.test('when the retention policy is read before any is set, then it is the default of 10 years', async (t) => {
    t.same((await get('/v1/retention-policy')).json(), {
      anonymiseAfterYears: 10,
      isDefault: true,
      updatedAt: null,
      updatedBy: null,
    });
    t.equal((await get('/v1/retention-policy', await a.token('social_worker'))).statusCode, 403);
  });

  t.test('when the period is longer than the time passed, then nothing is due', async (t) => {
    const set = await h.app.inject({
      method: 'PUT',
      url: '/v1/retention-policy',
      headers: bearer(manager),
      payload: { anonymiseAfterYears: 50 },
    });
    t.match(set.json(), { anonymiseAfterYears: 50, isDefault: false, updatedBy: 'manager-r' });
    t.equal((await purge(h.db.owner, TODAY, { cpasId: a.id, dryRun: true })).anonymised, 0);
    t.equal(
      (
        await h.app.inject({
          method: 'PUT',
          url: '/v1/retention-policy',
          headers: bearer(manager),
          payload: { anonymiseAfterYears: 0 },
        })
      ).statusCode,
      400,
    );
    await h.app.inject({
      method: 'PUT',
      url: '/v1/retention-policy',
      headers: bearer(manager),
      payload: { anonymiseAfterYears: 10 },
    });
  });

  t.test(
    'when the purge runs, then the old closed file is anonymised, the running one untouched, and every figure stays ' +
      'the same',
    async (t) => {
      const before = await reports();
      const report = await purge(h.db.owner, TODAY, { cpasId: a.id });
      t.equal(report.anonymised, 1, 'only the old closed file');
      t.same(await reports(), before, 'indicators, subsidy months and national figures unchanged');

      const person = (await get(`/v1/beneficiaries/${old}`)).json();
      t.match(person, { givenName: '[removed]', familyName: '[removed]', externalRef: null });
      const piis = (await get(`/v1/piis/${oldPiis.piisId}`)).json();
      t.ok(piis.objectives.every((o: { description: string }) => o.description === '[removed]'));
      t.equal(piis.handover.assistedBy.name, '[removed]');
      t.equal(piis.closure.note, null);
      t.equal(piis.closure.outcome, 'employment', 'codes and dates stay');
      const signatures = (await get(`/v1/piis/${oldPiis.piisId}/signatures`)).json().items;
      t.ok(signatures.every((s: { signatoryName: string }) => s.signatoryName === '[removed]'));
      const evaluation = (await get(`/v1/piis/${oldPiis.piisId}/evaluations`)).json().items[0];
      t.equal(evaluation.adjustments, null);
      t.same(evaluation.objectives, [{ key: 'o1', status: 'progressing' }]);
      const raw =
        JSON.stringify(await h.db.owner(`select * from beneficiary b where b.id = $1`, [old])) +
        JSON.stringify(await h.db.owner(`select content from piis_version where piis_id = $1`, [oldPiis.piisId]));
      t.notMatch(raw, /Old Person|Aunt Marie|Ghent|bakery|30 May/, 'no trace left in the rows');

      const meta = (await get(`/v1/attachments/${attachment.id}`)).json();
      t.match(meta, { contentAvailable: false, sha256: attachment.sha256 }, 'the attachment keeps its hash');
      t.equal((await get(`/v1/attachments/${attachment.id}/content`)).statusCode, 410);
      const stored = await h.db.owner<{ sha256: string; bytes: unknown }>(
        `select sha256, bytes from piis_document where piis_id = $1`,
        [oldPiis.piisId],
      );
      t.same(
        stored,
        [{ sha256: String(document.headers.etag).replaceAll('"', ''), bytes: null }],
        'the document keeps its hash, not its bytes',
      );

      t.match(
        (await get(`/v1/beneficiaries/${current.beneficiaryId}`)).json(),
        { givenName: 'Test' },
        'a running file is untouched',
      );

      const audit = await h.db.owner<{ actor: string; outcome: string }>(
        `select actor, outcome from audit_entry where cpas_id = $1 and entity_id = $2 and outcome = 'anonymised'`,
        [a.id, old],
      );
      t.same(audit, [{ actor: 'system:purge', outcome: 'anonymised' }], 'the purge is audited');
      await sealAudit(h.db.database);
      const verified = await verifyAudit(h.db.owner, []);
      t.same(verified.problems, [], 'the audit chain is whole');
      t.equal((await purge(h.db.owner, TODAY, { cpasId: a.id })).anonymised, 0, 'a second run finds nothing');
    },
  );
});
