// Contract §2, Identifiers: creation answers 201 with Location and ETag. Every kind of record a
// client can create is created here, and its Location read back with GET: the same record, with
// the token that created it; 404 with another CPAS's.
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

  const created: Array<{ what: string; res: Awaited<ReturnType<typeof post>>; token: string; tenant: boolean }> = [];
  const create = async (what: string, res: Awaited<ReturnType<typeof post>>, token = manager, tenant = true) => {
    t.equal(res.statusCode, 201, `${what}: 201 (${res.statusCode >= 300 ? res.body : ''})`);
    created.push({ what, res, token, tenant });
    return json(res);
  };

  const person = await create('beneficiary', await post(h.app, manager, '/v1/beneficiaries', { niss: validNiss(), givenName: 'Test', familyName: 'Person', language: 'fr' }));
  await create('right decision', await post(h.app, manager, `/v1/beneficiaries/${person.id}/rights`, { kind: 'ri', category: 'isolated', decidedOn: '2026-01-05', startsOn: '2026-01-05', monthlyAmountCents: 130000 }));
  await create('situation', await post(h.app, manager, `/v1/beneficiaries/${person.id}/situations`, { kind: 'training', startsOn: '2026-01-01' }));
  await create('exemption', await post(h.app, manager, `/v1/beneficiaries/${person.id}/exemptions`, { reason: 'health', decidedOn: '2026-09-10', motivation: 'Hospitalised' }));
  await create('assessment', await post(h.app, manager, `/v1/beneficiaries/${person.id}/assessments`, { performedOn: '2026-02-20', kind: 'initial', participationRung: 2, domainScores: [{ domain: 'employment', score: 2 }] }));
  await create('PIIS', await post(h.app, manager, `/v1/beneficiaries/${person.id}/piis`, { track: 'general', obligation: 'compulsory', draftedOn: '2026-02-25' }));

  const actions: Array<[Action, string]> = [
    ['requestHearing', 'in_reflection'],
    ['sign', 'in_reflection'],
    ['evaluate', 'active'],
    ['requestInterview', 'active'],
    ['amend', 'active'],
    ['requestSubsidyExtension', 'active'],
    ['issueNotice', 'active'],
    ['decideSanction', 'active'],
  ];
  const active = await piisIn(h.app, manager, 'active');
  for (const [action, status] of actions) {
    const fixture = await piisIn(h.app, manager, status);
    const call = await callFor(h.app, manager, action, fixture, true);
    await create(action, await post(h.app, manager, call.url, call.payload, call.headers));
  }

  const module = await create('activation module', await post(h.app, manager, '/v1/activation-modules', { theme: 'language', title: 'Français langue étrangère', startsOn: '2026-02-01', hours: 40 }));
  await create('participant', await post(h.app, manager, `/v1/activation-modules/${module.id}/participants`, { beneficiaryId: active.beneficiaryId }));
  await create('session', await post(h.app, manager, `/v1/activation-modules/${module.id}/sessions`, { heldOn: '2026-03-10', hours: 3, attendeeIds: [active.beneficiaryId] }));
  await create('expense', await post(h.app, manager, '/v1/expenses', { year: 2026, subsidy: 'piis10', category: 'rent', amountCents: 100_000, description: 'Office rent' }));
  await create('report run', await post(h.app, manager, '/v1/reports/runs', { report: 'indicators', year: 2026 }));
  await create('attachment', await h.app.inject({ method: 'POST', url: `/v1/attachments?purpose=signed_contract&piisId=${active.piisId}&fileName=c.pdf`, headers: { ...bearer(manager), 'content-type': 'application/pdf' }, payload: PDF }));
  await create('webhook', await post(h.app, integration, '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['piis.*'] }), integration);
  await create('transfer', await post(h.app, manager, `/v1/beneficiaries/${active.beneficiaryId}/transfers`, { toKboNumber: b.kbo, legalBasis: 'Art. 60 §1 loi organique; the person moved' }));
  await create('CPAS', await post(h.app, admin, '/v1/cpas', { kboNumber: '0403019261', name: { fr: 'CPAS de Test', nl: 'OCMW Test', de: 'ÖSHZ Test' }, language: 'fr', nisCodes: ['11002'] }), admin, false);

  for (const { what, res, token, tenant } of created) {
    const location = res.headers['location'] as string;
    t.ok(location, `${what}: a Location`);
    t.ok(res.headers['etag'], `${what}: an ETag`);
    const got = await h.app.inject({ method: 'GET', url: location, headers: bearer(token) });
    t.equal(got.statusCode, 200, `${what}: GET ${location} answers 200 (${got.statusCode >= 300 ? got.body : ''})`);
    // an amendment answers the PIIS and locates the new version it made
    const [sent, read] = what === 'amend' ? [{ id: json(res).id, version: json(res).version }, { id: json(got).piisId, version: json(got).version }] : [json(res).id, json(got).id];
    t.same(read, sent, `${what}: the same record`);
    if (tenant) t.equal((await h.app.inject({ method: 'GET', url: location, headers: bearer(theirs) })).statusCode, 404, `${what}: another CPAS gets 404`);
  }
});
