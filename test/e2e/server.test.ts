// End to end, as a vendor integrates: the built server started as a process (npm start's entry
// point) with a generated JWKS file, spoken to over HTTP through a client generated from
// openapi/openapi.json, every response validated against the document the server publishes.
// Ends with SIGTERM: readiness turns 503 during the drain, in-flight requests finish, exit 0.
import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import createClient from 'openapi-fetch';
import type { paths } from './generated/api.js';
import { createTestKeys } from '../helpers/keys.js';
import { validKbo, validNiss } from '../helpers/identifiers.js';
import { startReceiver } from '../helpers/receiver.js';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { responseValidator } from './response-validator.js';
import { personRecord, piisPath, type Walk } from './walk-steps.js';
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

  const { middleware: validate, failures, validated: validatedCount } = responseValidator(published);

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

  const walk: Walk = { t, base, keys, kbo, token, client, validate };
  const id = await personRecord(walk);

  // A social worker's whole PIIS path, as vendor software drives it.
  const piisId = await piisPath(walk, id);

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
  t.ok(validatedCount() >= 20, `${validatedCount()} responses validated`);

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
