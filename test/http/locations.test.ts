// Contract §2, Identifiers: creation answers 201 with Location and ETag. Every kind of record a
// client can create is created here, and its Location read back with GET: the same record, with
// the token that created it; 404 with another CPAS's. And every record created with an externalRef
// is found by it on its list (`?externalRef=`), by its CPAS only.
import t from 'tap';
import { bearer, buildHarness, json } from '../helpers/app.js';
import { validNiss } from '../helpers/identifiers.js';
import { callFor, piisIn, post } from '../helpers/piis.js';
import type { Action } from '../../src/modules/piis/piis.transitions.js';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

t.test('Contract §2: when a record is created, then its Location answers GET with that record', async (t) => {
  const h = await buildHarness(t, { env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' } });
  const a = await h.newCpas();
  const b = await h.newCpas();
  const manager = await a.token('cpas_manager');
  const integration = await a.token('integration');
  // a third CPAS: the transfer's receiving CPAS (b) sees the transfer
  const theirs = await (await h.newCpas()).token('integration');
  const admin = h.platformToken;

  const created: Array<{
    what: string;
    res: Awaited<ReturnType<typeof post>>;
    token: string;
    tenant: boolean;
    list?: string;
  }> = [];
  const create = async (
    what: string,
    res: Awaited<ReturnType<typeof post>>,
    options: { token?: string; tenant?: boolean; list?: string } = {},
  ) => {
    t.equal(res.statusCode, 201, `${what}: 201 (${res.statusCode >= 300 ? res.body : ''})`);
    created.push({ what, res, token: options.token ?? manager, tenant: options.tenant ?? true, list: options.list });
    return json(res);
  };
  let refs = 0;
  const ref = () => ({ externalRef: `vendor-${++refs}` });

  const person = await create(
    'beneficiary',
    await post(h.app, manager, '/v1/beneficiaries', {
      niss: validNiss(),
      givenName: 'Test',
      familyName: 'Person',
      language: 'fr',
      ...ref(),
    }),
    { list: '/v1/beneficiaries' },
  );
  const facts = `/v1/beneficiaries/${person.id}`;
  await create(
    'right decision',
    await post(h.app, manager, `${facts}/rights`, {
      kind: 'ri',
      category: 'isolated',
      decidedOn: '2026-01-05',
      startsOn: '2026-01-05',
      monthlyAmountCents: 130000,
      ...ref(),
    }),
    { list: `${facts}/rights` },
  );
  await create(
    'situation',
    await post(h.app, manager, `${facts}/situations`, { kind: 'training', startsOn: '2026-01-01', ...ref() }),
    { list: `${facts}/situations` },
  );
  await create(
    'exemption',
    await post(h.app, manager, `${facts}/exemptions`, {
      reason: 'health',
      decidedOn: '2026-09-10',
      motivation: 'Hospitalised',
      ...ref(),
    }),
    { list: `${facts}/exemptions` },
  );
  await create(
    'assessment',
    await post(h.app, manager, `${facts}/assessments`, {
      performedOn: '2026-02-20',
      kind: 'initial',
      participationRung: 2,
      domainScores: [{ domain: 'employment', score: 2 }],
      ...ref(),
    }),
    { list: `${facts}/assessments` },
  );
  await create(
    'PIIS',
    await post(h.app, manager, `${facts}/piis`, {
      track: 'general',
      obligation: 'compulsory',
      draftedOn: '2026-02-25',
      ...ref(),
    }),
    { list: '/v1/piis' },
  );

  // each action, on a PIIS in a status it is allowed in, and the list its record belongs to
  const actions: Array<[Action, string, string | null]> = [
    ['requestHearing', 'in_reflection', 'hearing-requests'],
    ['sign', 'in_reflection', 'signatures'],
    ['evaluate', 'active', 'evaluations'],
    ['requestInterview', 'active', 'interview-requests'],
    ['amend', 'active', null],
    ['requestSubsidyExtension', 'active', 'subsidy-extension-requests'],
    ['issueNotice', 'active', 'notices'],
    ['decideSanction', 'active', 'sanctions'],
  ];
  const active = await piisIn(h.app, manager, 'active');
  for (const [action, status, list] of actions) {
    const fixture = await piisIn(h.app, manager, status);
    const call = await callFor(h.app, manager, action, fixture, true);
    const payload = list ? { ...(call.payload as object), ...ref() } : call.payload;
    await create(
      action,
      await post(h.app, manager, call.url, payload, call.headers),
      list ? { list: `/v1/piis/${fixture.piisId}/${list}` } : {},
    );
  }

  const module = await create(
    'activation module',
    await post(h.app, manager, '/v1/activation-modules', {
      theme: 'language',
      title: 'Français langue étrangère',
      startsOn: '2026-02-01',
      hours: 40,
      ...ref(),
    }),
    { list: '/v1/activation-modules' },
  );
  await create(
    'participant',
    await post(h.app, manager, `/v1/activation-modules/${module.id}/participants`, {
      beneficiaryId: active.beneficiaryId,
    }),
  );
  await create(
    'session',
    await post(h.app, manager, `/v1/activation-modules/${module.id}/sessions`, {
      heldOn: '2026-03-10',
      hours: 3,
      attendeeIds: [active.beneficiaryId],
    }),
  );
  await create(
    'expense',
    await post(h.app, manager, '/v1/expenses', {
      year: 2026,
      subsidy: 'piis10',
      category: 'rent',
      amountCents: 100_000,
      description: 'Office rent',
      ...ref(),
    }),
    { list: '/v1/expenses' },
  );
  await create('report run', await post(h.app, manager, '/v1/reports/runs', { report: 'indicators', year: 2026 }));
  await create(
    'attachment',
    await h.app.inject({
      method: 'POST',
      url: `/v1/attachments?purpose=signed_contract&piisId=${active.piisId}&fileName=c.pdf&externalRef=vendor-scan`,
      headers: { ...bearer(manager), 'content-type': 'application/pdf' },
      payload: PDF,
    }),
    { list: `/v1/piis/${active.piisId}/attachments` },
  );
  await create(
    'webhook',
    await post(h.app, integration, '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['piis.*'], ...ref() }),
    { token: integration, list: '/v1/webhooks' },
  );
  await create(
    'transfer',
    await post(h.app, manager, `/v1/beneficiaries/${active.beneficiaryId}/transfers`, {
      toKboNumber: b.kbo,
      legalBasis: 'Art. 60 §1 loi organique; the person moved',
    }),
  );
  await create(
    'CPAS',
    await post(h.app, admin, '/v1/cpas', {
      kboNumber: '0403019261',
      name: { fr: 'CPAS de Test', nl: 'OCMW Test', de: 'ÖSHZ Test' },
      language: 'fr',
      nisCodes: ['11002'],
    }),
    { token: admin, tenant: false },
  );

  // Identifiers: created with the vendor's own id, found by it on the list it belongs to
  for (const { what, res, list, token } of created.filter((c) => c.list)) {
    const ref = json(res).externalRef as string;
    const url = `${list}${list!.includes('?') ? '&' : '?'}externalRef=${encodeURIComponent(ref)}`;
    const found = await h.app.inject({ method: 'GET', url, headers: bearer(token) });
    t.equal(found.statusCode, 200, `${what}: GET ${url} answers 200 (${found.statusCode >= 300 ? found.body : ''})`);
    t.same(
      json(found).items?.map((i: { id: string }) => i.id),
      [json(res).id],
      `${what}: found by its externalRef, and only it`,
    );
    const none = await h.app.inject({
      method: 'GET',
      url: url.replace(encodeURIComponent(ref), 'no-such-ref'),
      headers: bearer(token),
    });
    t.same(json(none).items, [], `${what}: another externalRef finds nothing`);
    const other = await h.app.inject({ method: 'GET', url, headers: bearer(theirs) });
    t.ok(
      other.statusCode === 404 || (other.statusCode === 200 && json(other).items.length === 0),
      `${what}: another CPAS finds nothing (${other.statusCode})`,
    );
  }

  for (const { what, res, token, tenant } of created) {
    const location = res.headers['location'] as string;
    t.ok(location, `${what}: a Location`);
    t.ok(res.headers['etag'], `${what}: an ETag`);
    const got = await h.app.inject({ method: 'GET', url: location, headers: bearer(token) });
    t.equal(got.statusCode, 200, `${what}: GET ${location} answers 200 (${got.statusCode >= 300 ? got.body : ''})`);
    // an amendment answers the PIIS and locates the new version it made
    const [sent, read] =
      what === 'amend'
        ? [
            { id: json(res).id, version: json(res).version },
            { id: json(got).piisId, version: json(got).version },
          ]
        : [json(res).id, json(got).id];
    t.same(read, sent, `${what}: the same record`);
    if (tenant)
      t.equal(
        (await h.app.inject({ method: 'GET', url: location, headers: bearer(theirs) })).statusCode,
        404,
        `${what}: another CPAS gets 404`,
      );
  }
});
