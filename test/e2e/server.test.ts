// End to end, as a vendor integrates: the built server started as a process (npm start's entry
// point) with a generated JWKS file, spoken to over HTTP through a client generated from
// openapi/openapi.json, every response validated against the document the server publishes.
// Ends with SIGTERM: readiness turns 503 during the drain, in-flight requests finish, exit 0.
import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import createClient, { type Middleware } from 'openapi-fetch';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { paths } from './generated/api.js';
import { createTestKeys } from '../helpers/keys.js';
import { validKbo, validNiss } from '../helpers/identifiers.js';
import { startReceiver } from '../helpers/receiver.js';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { freePort, root, serverEnv, serverStorage, startProcess, waitReady } from '../helpers/process.js';

t.test('e2e: a vendor client against the running server', { timeout: 180_000 }, async (t) => {
  const keys = await createTestKeys();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // On PostgreSQL the server gets an empty database of its own and migrates it at start.
  const storage = await serverStorage();
  const env = serverEnv(keys, storage, port, {
    HOST: '127.0.0.1',
    SHUTDOWN_DRAIN_MS: '1500',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  });
  const server = startProcess(env);
  const child = server.child;
  t.teardown(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await storage.remove();
  });
  const readyIn = await waitReady(base, child);
  t.ok(readyIn < 60_000, `ready in ${readyIn} ms`);

  // The document the server publishes is the one the client was generated from.
  const published = await (await fetch(`${base}/openapi.json`)).json();
  t.same(
    published,
    JSON.parse(fs.readFileSync(path.join(root, 'openapi/openapi.json'), 'utf8')),
    'the served document equals openapi/openapi.json',
  );

  // the document itself is the schema root, so that its references (#/components/…) resolve
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(published, 'openapi');
  const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  const resolve = <T>(node: T | { $ref: string }): T => {
    let n: unknown = node;
    while (n && typeof n === 'object' && '$ref' in n)
      n = (n.$ref as string)
        .slice(2)
        .split('/')
        .reduce<any>((o, k) => o[k.replace(/~1/g, '/').replace(/~0/g, '~')], published);
    return n as T;
  };
  const operations: Array<{
    method: string;
    path: string;
    re: RegExp;
    op: { responses: Record<string, { content?: Record<string, { schema: object }> } | { $ref: string }> };
  }> = [];
  for (const [p, item] of Object.entries<Record<string, never>>(published.paths)) {
    for (const [method, op] of Object.entries(item)) {
      operations.push({
        method: method.toUpperCase(),
        path: p,
        re: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        op,
      });
    }
  }
  let validated = 0;
  const failures: string[] = [];
  const validate: Middleware = {
    async onResponse({ request, response }) {
      const url = new URL(request.url);
      const entry = operations.find((o) => o.method === request.method && o.re.test(url.pathname));
      const where = `${request.method} ${url.pathname} → ${response.status}`;
      if (!entry) {
        failures.push(`${where}: not in the document`);
        return;
      }
      const reference = entry.op.responses[String(response.status)];
      const declared = reference && resolve<{ content?: Record<string, { schema: object }> }>(reference);
      if (!declared) {
        failures.push(`${where}: status not declared`);
        return;
      }
      if (response.status === 204 && !declared.content) {
        // no content declared: there must be none
        if ((await response.clone().text()) !== '') failures.push(`${where}: a body on a 204`);
        validated++;
        return;
      }
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const media = declared.content?.[type];
      if (!media) {
        failures.push(`${where}: media type ${type} not declared`);
        return;
      }
      const body = type.includes('json') ? await response.clone().json() : await response.clone().text();
      // validated where it sits in the document: a $ref in it resolves against the document
      const at =
        '$ref' in reference!
          ? pointer('components', 'responses', (reference.$ref as string).split('/').pop()!)
          : pointer('paths', entry.path, request.method.toLowerCase(), 'responses', String(response.status));
      const validator = ajv.getSchema(`openapi#/${at}/${pointer('content', type, 'schema')}`);
      if (!validator) failures.push(`${where}: no schema at ${at}`);
      else if (!validator(body)) failures.push(`${where}: ${ajv.errorsText(validator.errors)}`);
      validated++;
    },
  };

  const platform = createClient<paths>({ baseUrl: base });
  platform.use(validate);
  const platformToken = await keys.token({ sub: 'e2e-admin', roles: ['platform_admin'] });
  const kbo = validKbo();
  const cpas = await platform.POST('/v1/cpas', {
    headers: { authorization: `Bearer ${platformToken}` },
    body: {
      kboNumber: kbo,
      name: { fr: 'CPAS e2e', nl: 'OCMW e2e', de: 'ÖSHZ e2e' },
      language: 'nl',
      nisCodes: [String(10000 + Math.floor(Math.random() * 89999))],
    },
  });
  t.equal(cpas.response.status, 201);

  const token = await keys.token({ sub: 'e2e-worker', roles: ['social_worker'], cpas: kbo });
  const client = createClient<paths>({ baseUrl: base, headers: { authorization: `Bearer ${token}` } });
  client.use(validate);

  const current = await client.GET('/v1/cpas/current');
  t.equal(current.data?.kboNumber, kbo);

  const niss = validNiss();
  const created = await client.POST('/v1/beneficiaries', {
    params: { header: { 'idempotency-key': 'e2e-create-1' } },
    body: { niss, givenName: 'Eva', familyName: 'Janssens', language: 'nl', externalRef: 'e2e-1' },
  });
  t.equal(created.response.status, 201);
  const id = created.data!.id;
  const replay = await client.POST('/v1/beneficiaries', {
    params: { header: { 'idempotency-key': 'e2e-create-1' } },
    body: { niss, givenName: 'Eva', familyName: 'Janssens', language: 'nl', externalRef: 'e2e-1' },
  });
  t.equal(replay.response.status, 201);
  t.equal(replay.data?.id, id, 'the retry replays the creation');

  const dup = await client.POST('/v1/beneficiaries', {
    body: { niss, givenName: 'E', familyName: 'J', language: 'nl' },
  });
  t.equal(dup.response.status, 409);
  t.equal(dup.error?.code, 'duplicate-beneficiary');

  const bad = await client.POST('/v1/beneficiaries', {
    body: { niss: '85073003329', givenName: 'E', familyName: 'J', language: 'nl' },
  });
  t.equal(bad.response.status, 400);
  t.equal(bad.error?.rule, 'R-ID-NISS');

  const got = await client.GET('/v1/beneficiaries/{beneficiaryId}', { params: { path: { beneficiaryId: id } } });
  t.equal(got.data?.familyName, 'Janssens');
  const etag = got.response.headers.get('etag')!;

  const noIfMatch = await client.PATCH('/v1/beneficiaries/{beneficiaryId}', {
    params: { path: { beneficiaryId: id } },
    body: { givenName: 'Eva-Maria' },
  });
  t.equal(noIfMatch.response.status, 428);
  const patched = await client.PATCH('/v1/beneficiaries/{beneficiaryId}', {
    params: { path: { beneficiaryId: id }, header: { 'if-match': etag } },
    body: { givenName: 'Eva-Maria' },
  });
  t.equal(patched.response.status, 200);
  const stale = await client.PATCH('/v1/beneficiaries/{beneficiaryId}', {
    params: { path: { beneficiaryId: id }, header: { 'if-match': etag } },
    body: { givenName: 'Eva' },
  });
  t.equal(stale.response.status, 412);

  const right = await client.POST('/v1/beneficiaries/{beneficiaryId}/rights', {
    params: { path: { beneficiaryId: id } },
    body: {
      kind: 'ri',
      category: 'cohabitant',
      decidedOn: '2026-01-05',
      startsOn: '2026-01-01',
      monthlyAmountCents: 87_000,
    },
  });
  t.equal(right.response.status, 201);
  const voided = await client.POST('/v1/beneficiaries/{beneficiaryId}/rights/{factId}/void', {
    params: { path: { beneficiaryId: id, factId: right.data!.id } },
    body: { reason: 'entered twice' },
  });
  t.equal(voided.data?.inForce, false);
  const rights = await client.GET('/v1/beneficiaries/{beneficiaryId}/rights', {
    params: { path: { beneficiaryId: id }, query: { includeVoided: true } },
  });
  t.equal(rights.data?.items.length, 1);
  const situation = await client.POST('/v1/beneficiaries/{beneficiaryId}/situations', {
    params: { path: { beneficiaryId: id } },
    body: { kind: 'studies', startsOn: '2026-09-01', endsOn: '2027-06-30' },
  });
  t.equal(situation.response.status, 201);
  const forbidden = await client.POST('/v1/beneficiaries/{beneficiaryId}/exemptions', {
    params: { path: { beneficiaryId: id } },
    body: { reason: 'equity', decidedOn: '2026-02-01', motivation: 'full-time studies' },
  });
  t.equal(forbidden.response.status, 403, 'exemptions are for managers');

  const list = await client.GET('/v1/beneficiaries', { params: { query: { q: 'janss' } } });
  t.same(
    list.data?.items.map((i) => i.id),
    [id],
  );
  const badCursor = await client.GET('/v1/beneficiaries', { params: { query: { cursor: 'nope' } } });
  t.equal(badCursor.response.status, 400);

  const other = createClient<paths>({
    baseUrl: base,
    headers: { authorization: `Bearer ${await keys.token({ roles: ['social_worker'], cpas: '0403019261' })}` },
  });
  other.use(validate);
  t.equal(
    (await other.GET('/v1/beneficiaries/{beneficiaryId}', { params: { path: { beneficiaryId: id } } })).response.status,
    403,
    'unregistered CPAS',
  );
  const anonymous = createClient<paths>({ baseUrl: base });
  anonymous.use(validate);
  t.equal((await anonymous.GET('/v1/beneficiaries')).response.status, 401);
  t.equal((await anonymous.GET('/v1/codes', { headers: { 'accept-language': 'de' } })).response.status, 200);
  t.equal((await anonymous.GET('/v1/rules')).response.status, 200);
  t.equal((await anonymous.GET('/health/live')).response.status, 200);
  const huge = await fetch(`${base}/v1/beneficiaries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ niss, givenName: 'x'.repeat(2_000_000), familyName: 'J', language: 'nl' }),
  });
  t.equal(huge.status, 413);
  t.equal(huge.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const docs = await fetch(`${base}/docs`, { redirect: 'follow' });
  t.equal(docs.status, 200, 'interactive docs are served');

  // A social worker's whole PIIS path, as vendor software drives it.
  const manager = createClient<paths>({
    baseUrl: base,
    headers: {
      authorization: `Bearer ${await keys.token({ sub: 'e2e-manager', roles: ['cpas_manager'], cpas: kbo })}`,
    },
  });
  manager.use(validate);
  const grant = await client.POST('/v1/beneficiaries/{beneficiaryId}/rights', {
    params: { path: { beneficiaryId: id } },
    body: {
      kind: 'ri',
      category: 'isolated',
      decidedOn: '2026-01-05',
      startsOn: '2026-01-05',
      monthlyAmountCents: 130_000,
    },
  });
  t.equal(grant.response.status, 201);
  const assessment = await client.POST('/v1/beneficiaries/{beneficiaryId}/assessments', {
    params: { path: { beneficiaryId: id } },
    body: {
      performedOn: '2026-02-20',
      kind: 'initial',
      participationRung: 2,
      domainScores: [{ domain: 'language', score: 2 }],
      barriers: ['mobility'],
    },
  });
  t.equal(assessment.response.status, 201);
  const drafted = await client.POST('/v1/beneficiaries/{beneficiaryId}/piis', {
    params: { path: { beneficiaryId: id } },
    body: {
      track: 'general',
      obligation: 'compulsory',
      draftedOn: '2026-02-25',
      domains: ['language'],
      objectives: [{ key: 'o1', domain: 'language', description: 'Reach A2 in Dutch' }],
      commitments: [
        { party: 'beneficiary', description: 'Attend the course', objectiveKeys: ['o1'] },
        { party: 'cpas', description: 'Pay the registration', objectiveKeys: ['o1'] },
      ],
      startsOn: '2026-03-10',
      endsOn: '2027-03-09',
      evaluationArrangements: 'Every four months',
      supplementaryAid: 'Registration fees',
      baselineAssessmentId: assessment.data!.id,
    },
  });
  t.equal(drafted.response.status, 201);
  const piisId = drafted.data!.id;
  const path_ = { params: { path: { piisId } } };
  const early = await client.POST('/v1/piis/{piisId}/evaluations', {
    ...path_,
    body: {
      heldOn: '2026-03-01',
      mode: 'in_person',
      objectives: [],
      commitmentsKept: { beneficiary: true, cpas: true },
    },
  });
  t.equal(early.error?.code, 'invalid-state', 'an evaluation of a draft: 409');
  const handed = await client.POST('/v1/piis/{piisId}/handover', {
    ...path_,
    body: { handedOverOn: '2026-03-02', informedOn: '2026-03-02', assistedBy: null },
  });
  t.equal(handed.data?.earliestSignatureOn.value, '2026-03-08');
  const hearingReq = await client.POST('/v1/piis/{piisId}/hearing-requests', {
    ...path_,
    body: { requestedOn: '2026-03-04' },
  });
  const tooSoon = await client.POST('/v1/piis/{piisId}/signatures', {
    ...path_,
    body: { party: 'beneficiary', signedOn: '2026-03-07', signatoryName: 'Eva' },
  });
  t.match(tooSoon.error, { code: 'reflection-period-not-elapsed', rule: 'R-REFLECT' });
  const pendingSig = await client.POST('/v1/piis/{piisId}/signatures', {
    ...path_,
    body: { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'Eva' },
  });
  t.match(pendingSig.error, { code: 'hearing-pending', rule: 'R-HEARING' });
  await client.POST('/v1/piis/{piisId}/hearing-requests/{hearingId}/outcome', {
    params: { path: { piisId, hearingId: hearingReq.data!.id } },
    body: { heldOn: '2026-03-06' },
  });
  await client.POST('/v1/piis/{piisId}/signatures', {
    ...path_,
    body: { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'Eva' },
  });
  const concluded = await client.POST('/v1/piis/{piisId}/signatures', {
    ...path_,
    body: { party: 'cpas', signedOn: '2026-03-09', signatoryName: 'The president' },
  });
  t.equal(concluded.data?.piisStatus, 'active');
  const evaluated = await client.POST('/v1/piis/{piisId}/evaluations', {
    ...path_,
    body: {
      heldOn: '2026-07-01',
      mode: 'in_person',
      objectives: [{ key: 'o1', status: 'progressing' }],
      commitmentsKept: { beneficiary: true, cpas: true },
    },
  });
  t.equal(evaluated.response.status, 201);
  const asked = await client.POST('/v1/piis/{piisId}/interview-requests', {
    ...path_,
    body: { requestedOn: '2026-04-02' },
  });
  t.equal(asked.data?.dueOn.value, '2026-04-10');
  await client.POST('/v1/piis/{piisId}/interview-requests/{interviewId}/held', {
    params: { path: { piisId, interviewId: asked.data!.id } },
    body: { heldOn: '2026-04-09' },
  });
  const prolonged = await client.POST('/v1/piis/{piisId}/amendments', {
    ...path_,
    body: {
      effectiveOn: '2026-09-01',
      reason: 'More time for the course',
      informedOn: '2026-08-20',
      endsOn: '2027-06-30',
      signatures: [
        { party: 'beneficiary', signedOn: '2026-08-25', signatoryName: 'Eva' },
        { party: 'cpas', signedOn: '2026-08-25', signatoryName: 'The president' },
      ],
    },
  });
  t.equal(prolonged.data?.version, 2);
  const notice = await manager.POST('/v1/piis/{piisId}/notices', {
    ...path_,
    body: { issuedOn: '2026-09-01', breach: 'Missed sessions', complyBy: '2026-09-10' },
  });
  const sanctioned = await manager.POST('/v1/piis/{piisId}/sanctions', {
    ...path_,
    body: {
      noticeId: notice.data!.id,
      decidedOn: '2026-10-01',
      notifiedOn: '2026-10-02',
      hearing: { requested: false },
      noLegitimateReason: true,
      suspensionStartsOn: '2026-11-01',
      suspensionEndsOn: '2026-11-30',
    },
  });
  t.equal(sanctioned.data?.appealDeadline.value, '2027-01-02');
  const extension = await manager.POST('/v1/piis/{piisId}/subsidy-extension-requests', {
    ...path_,
    body: { requestedOn: '2026-10-15', motivation: 'Far from integration' },
  });
  t.equal(extension.data?.verdict.rule, 'R-SUB-SECOND');
  const subsidy = await manager.GET('/v1/reports/subsidy', { params: { query: { year: 2026, beneficiaryId: id } } });
  const months = subsidy.data as Exclude<typeof subsidy.data, string>;
  t.same(
    months?.items.map((m) => [m.month, m.code, m.riCents]).slice(9),
    [
      ['2026-10', 11, 130_000],
      ['2026-11', null, 0],
      ['2026-12', 11, 130_000],
    ],
    'R-SUB-FIRST: November wholly suspended by the sanction',
  );
  const figures = await manager.GET('/v1/reports/indicators', { params: { query: { year: 2026 } } });
  const items = (figures.data as Exclude<typeof figures.data, string>)?.items;
  t.equal(items?.find((i) => i.key === 'activationPaths')?.rule, 'R-IND-2015');
  const closedPiis = await client.POST('/v1/piis/{piisId}/close', {
    ...path_,
    body: { endedOn: '2026-11-20', outcome: 'training_started' },
  });
  t.equal(closedPiis.data?.status, 'closed');
  const versions = await client.GET('/v1/piis/{piisId}/versions', path_);
  t.same(
    versions.data?.items.map((v) => v.kind),
    ['initial', 'prolongation'],
  );
  const timeline = await client.GET('/v1/piis/{piisId}/timeline', {
    params: { path: { piisId }, query: { limit: 100 } },
  });
  t.equal(timeline.data?.items.at(-1)?.type, 'piis.closed');
  const deadlines = await client.GET('/v1/deadlines', { params: { query: { kind: 'sanction-appeal' } } });
  t.equal(deadlines.data?.items.length, 1);
  t.equal((await client.GET('/v1/piis', { params: { query: { status: 'closed' } } })).data?.items.length, 1);

  // evidence: a scanned PDF uploaded as its own bytes, returned byte for byte
  const scan = Buffer.from('%PDF-1.4\n% scanned signed contract\n%%EOF\n');
  const uploaded = await client.POST('/v1/attachments', {
    params: { query: { purpose: 'signed_contract', piisId } },
    headers: { 'content-type': 'application/pdf' },
    body: scan as never,
    bodySerializer: (b: unknown) => b as BodyInit,
  });
  t.equal(uploaded.response.status, 201);
  const scanBack = await client.GET('/v1/attachments/{attachmentId}/content', {
    params: { path: { attachmentId: uploaded.data!.id } },
    parseAs: 'arrayBuffer',
  });
  t.same(Buffer.from(scanBack.data as ArrayBuffer), scan);

  // the contract as the person signs it, in German
  const contract = await client.GET('/v1/piis/{piisId}/versions/{version}/document', {
    params: { path: { piisId, version: 1 }, query: { lang: 'de' } },
    parseAs: 'arrayBuffer',
  });
  t.equal(contract.response.status, 200);
  t.equal(
    Buffer.from(contract.data as ArrayBuffer)
      .subarray(0, 5)
      .toString(),
    '%PDF-',
  );

  // vendor integration: the change feed and a webhook to a receiver on loopback
  const vendor = createClient<paths>({
    baseUrl: base,
    headers: { authorization: `Bearer ${await keys.token({ sub: 'e2e-vendor', roles: ['integration'], cpas: kbo })}` },
  });
  vendor.use(validate);
  const feedEvents: Array<{ id: string; type: string; entityId: string | null }> = [];
  let feedCursor: string | undefined;
  for (;;) {
    const feedPage = await vendor.GET('/v1/events', {
      params: { query: { limit: 20, ...(feedCursor ? { after: feedCursor } : {}) } },
    });
    feedEvents.push(...feedPage.data!.items);
    feedCursor = feedPage.data!.nextCursor;
    if (feedPage.data!.items.length < 20) break;
  }
  t.ok(
    feedEvents.some((e) => e.type === 'piis.closed' && e.entityId === piisId),
    'the feed holds the PIIS closing',
  );
  t.equal(new Set(feedEvents.map((e) => e.id)).size, feedEvents.length, 'each event once');
  const imported = await vendor.POST('/v1/imports', {
    params: { query: { kind: 'beneficiaries' } },
    headers: { 'content-type': 'application/x-ndjson' },
    body: `${JSON.stringify({
      externalRef: 'e2e-import-1',
      niss: validNiss(),
      givenName: 'Imp',
      familyName: 'Orted',
      language: 'de',
    })}\n` as never,
    bodySerializer: (b: unknown) => b as BodyInit,
  });
  t.equal(imported.response.status, 202);
  let importDone = imported.data!;
  for (let i = 0; i < 100 && importDone.status !== 'completed'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    importDone = (await vendor.GET('/v1/imports/{importId}', { params: { path: { importId: imported.data!.id } } }))
      .data!;
  }
  t.match(importDone, { status: 'completed', created: 1 });
  const verdicts = await vendor.GET('/v1/imports/{importId}/rows', {
    params: { path: { importId: imported.data!.id } },
  });
  t.equal(verdicts.data?.items[0]?.verdict, 'created');
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const hook = await vendor.POST('/v1/webhooks', { body: { url: `${receiver.url}/e2e`, events: ['beneficiary.*'] } });
  t.equal(hook.response.status, 201);
  const later = await client.POST('/v1/beneficiaries', {
    body: { niss: validNiss(), givenName: 'Lou', familyName: 'Later', language: 'fr' },
  });
  // a subscription may also get events committed just before it (the feed's horizon is the
  // cluster's): look for the one of this change among what arrives within 5 s
  const verifier = new StandardWebhook(hook.data!.secret);
  type Delivered = { type: string; data: { id: string; entityId: string } };
  const deadline = performance.now() + 5_000;
  let payload: Delivered | undefined;
  while (!payload && performance.now() < deadline) {
    payload = receiver.received
      .map((r) => verifier.verify(r.body, r.headers) as Delivered)
      .find((p) => p.data.entityId === later.data!.id);
    if (!payload) await new Promise((r) => setTimeout(r, 20));
  }
  t.same(
    [payload?.type, payload?.data.entityId],
    ['beneficiary.created', later.data!.id],
    'delivered within 5 s, signed',
  );
  // the dispatcher records the attempt once the receiver has answered: the receiver may see the
  // request a moment before the attempt is readable
  let attempts: Array<{ outcome: string }> = [];
  while (attempts.length === 0 && performance.now() < deadline + 5_000) {
    const page = await vendor.GET('/v1/webhooks/{webhookId}/deliveries', {
      params: { path: { webhookId: hook.data!.id }, query: { eventId: payload!.data.id } },
    });
    attempts = page.data?.items ?? [];
    if (attempts.length === 0) await new Promise((r) => setTimeout(r, 20));
  }
  t.same(
    attempts.map((d) => d.outcome),
    ['delivered'],
    'the attempt is readable, delivered at the first try',
  );
  t.equal(
    (await vendor.DELETE('/v1/webhooks/{webhookId}', { params: { path: { webhookId: hook.data!.id } } })).response
      .status,
    204,
  );
  const afterFeed = await vendor.GET('/v1/events', { params: { query: { after: feedCursor } } });
  t.ok(
    afterFeed.data!.items.some((e) => e.type === 'beneficiary.created' && e.entityId === later.data!.id),
    'the feed resumes from its cursor',
  );

  // the SPP IS views, as a federal dashboard and an exporter call them
  const analyst = createClient<paths>({
    baseUrl: base,
    headers: { authorization: `Bearer ${await keys.token({ sub: 'e2e-analyst', roles: ['spp_analyst'] })}` },
  });
  analyst.use(validate);
  const national = await analyst.GET('/v1/reports/national/indicators', { params: { query: { year: 2026 } } });
  const nationalBody = national.data as Exclude<typeof national.data, string>;
  t.equal(nationalBody?.rule, 'R-IND-PRIVACY');
  t.ok(
    nationalBody?.rows.some((r) => r.kboNumber === kbo),
    'every registered CPAS has its row',
  );
  const extract = await analyst.GET('/v1/reports/national/extract', { params: { query: { year: 2026 } } });
  const extractBody = extract.data as Exclude<typeof extract.data, string>;
  t.ok((extractBody?.items.length ?? 0) >= 1, 'the extract has the PIIS of the year');
  t.equal(
    (await analyst.GET('/v1/beneficiaries', {})).response.status,
    403,
    'the analyst never reads a personal record',
  );

  t.same(failures, [], 'every response conforms to the published document');
  t.ok(validated >= 20, `${validated} responses validated`);

  // Graceful shutdown: readiness 503 while draining, requests still served, the in-flight one
  // completes, exit 0. On PostgreSQL a table lock keeps a request in flight across SIGTERM.
  let blocker: pg.Client | null = null;
  let inFlight: Promise<Response> | null = null;
  if (env['DATABASE_URL']) {
    blocker = new pg.Client({ connectionString: env['DATABASE_URL'] });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table beneficiary in access exclusive mode');
    inFlight = fetch(`${base}/v1/beneficiaries`, { headers: { authorization: `Bearer ${token}` } });
    await new Promise((r) => setTimeout(r, 200));
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  const draining = await fetch(`${base}/health/ready`);
  t.equal(draining.status, 503, 'readiness is 503 during the drain');
  t.equal((await fetch(`${base}/v1/codes`)).status, 200, 'a request arriving during the drain is still served');
  if (blocker && inFlight) {
    await new Promise((r) => setTimeout(r, 1_500)); // past the drain: the server is closing
    await blocker.query('rollback');
    await blocker.end();
    const finished = await inFlight;
    t.equal(finished.status, 200, 'the request in flight at SIGTERM completes');
  }
  t.equal(await exited, 0, 'the process exits 0');
  t.notMatch(server.log(), /Janssens|Eva|85073003328|"level":50/, 'no personal data and no error in the log');
});
