// Webhooks: subscriptions per CPAS, deliveries signed as Standard Webhooks specifies (checked
// with the independent `standardwebhooks` verifier), retried with the same webhook-id through a
// receiver that fails, times out and recovers — no event lost, none delivered to another CPAS —,
// every attempt readable, a subscription disabled after repeated failure, SSRF refused.
import t from 'tap';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { bearer, buildHarness, newBeneficiary, type Harness, type TestCpas } from '../helpers/app.js';
import { startReceiver } from '../helpers/receiver.js';
import { DEFAULT_DISPATCHER } from '../../src/modules/webhooks/webhooks.dispatcher.js';

// the receiver's answer must be read within timeoutMs even while the embedded database, which
// runs in this process, holds the event loop on a loaded machine: 400 ms was not always enough
const FAST = { tickMs: 100, timeoutMs: 2_000, retryDelaysMs: [150, 300, 300, 300, 300, 300, 300, 300] };
const ATTEMPTS = FAST.retryDelaysMs.length + 1;

interface Delivered {
  type: string;
  timestamp: string;
  data: {
    id: string;
    type: string;
    entity: string;
    entityId: string | null;
    actor: string;
    occurredAt: string;
    data: Record<string, unknown>;
  };
}

async function subscribe(h: Harness, cpas: TestCpas, body: Record<string, unknown>) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: bearer(await cpas.token('integration')),
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`createWebhook: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; secret: string; status: string; url: string; events: string[] }>();
}

async function deliveries(h: Harness, cpas: TestCpas, webhookId: string) {
  const res = await h.app.inject({
    method: 'GET',
    url: `/v1/webhooks/${webhookId}/deliveries?limit=500`,
    headers: bearer(await cpas.token('integration')),
  });
  if (res.statusCode !== 200) throw new Error(`listWebhookDeliveries: ${res.statusCode} ${res.body}`);
  return res.json<{
    items: Array<{
      messageId: string;
      eventId: string;
      eventType: string;
      attempt: number;
      outcome: string;
      statusCode: number | null;
      nextAttemptAt: string | null;
      error: string | null;
    }>;
  }>().items;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

t.test('webhooks', async (t) => {
  const h = await buildHarness(t, { env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, webhooks: FAST });
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const a = await h.newCpas();
  const b = await h.newCpas();

  t.test(
    'when a subscription is created without a secret, then a whsec_ secret of 32 bytes is generated and shown only ' +
      'in that answer',
    async (t) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: bearer(await a.token('integration')),
        payload: { url: `${receiver.url}/created`, events: ['piis.*'], description: 'our PIIS mirror' },
      });
      t.equal(res.statusCode, 201);
      const body = res.json();
      t.match(body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      t.equal(Buffer.from(body.secret.slice(6), 'base64').length, 32);
      t.equal(res.headers.location, `/v1/webhooks/${body.id}`);
      t.same(
        { ...body, id: undefined, secret: undefined, createdAt: undefined },
        {
          id: undefined,
          secret: undefined,
          createdAt: undefined,
          url: `${receiver.url}/created`,
          events: ['piis.*'],
          description: 'our PIIS mirror',
          status: 'enabled',
          statusReason: null,
          externalRef: null,
        },
      );
      const got = await h.app.inject({
        method: 'GET',
        url: `/v1/webhooks/${body.id}`,
        headers: bearer(await a.token('integration')),
      });
      t.equal(got.statusCode, 200);
      t.notOk('secret' in got.json(), 'never shown again');
      const list = await h.app.inject({
        method: 'GET',
        url: '/v1/webhooks',
        headers: bearer(await a.token('integration')),
      });
      t.ok(list.json().items.every((w: Record<string, unknown>) => !('secret' in w)));
    },
  );

  t.test('when a subscription is badly formed, then 400 and nothing is written', async (t) => {
    const token = await a.token('integration');
    const before = (
      await h.db.owner<{ n: number }>(`select count(*)::int as n from webhook_subscription where cpas_id = $1`, [a.id])
    )[0]!.n;
    for (const payload of [
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ['Piis.Signed'] },
      { url: receiver.url, events: ['piis'] },
      { url: 'not a url', events: ['*'] },
      { url: 'ftp://example.org/x', events: ['*'] },
      { url: 'https://user:pw@example.org/x', events: ['*'] },
      { url: receiver.url, events: ['*'], secret: 'whsec_c2hvcnQ=' },
      { url: receiver.url, events: ['*'], secret: `wh_${Buffer.alloc(32, 1).toString('base64')}` },
      { url: receiver.url, events: ['*'], unknown: true },
    ]) {
      const res = await h.app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(token), payload });
      t.equal(res.statusCode, 400, JSON.stringify(payload));
      t.equal(res.json().code, 'validation-failed');
    }
    const after = (
      await h.db.owner<{ n: number }>(`select count(*)::int as n from webhook_subscription where cpas_id = $1`, [a.id])
    )[0]!.n;
    t.equal(after, before);
  });

  t.test(
    'when an event happens, then a signed delivery leaves within 5 s that the standardwebhooks verifier accepts',
    async (t) => {
      const hook = await subscribe(h, a, { url: `${receiver.url}/happy`, events: ['beneficiary.*'] });
      const committed = performance.now();
      const person = await newBeneficiary(h.app, await a.token());
      const [got] = await receiver.waitFor(1, 5_000, '/happy');
      t.ok(got!.at - committed < 5_000, 'within 5 s of the commit');
      const verified = new StandardWebhook(hook.secret).verify(got!.body, got!.headers) as Delivered;
      t.equal(verified.type, 'beneficiary.created');
      t.same(verified.data.data, { id: person.id });
      t.equal(verified.data.entityId, person.id);
      t.equal(verified.timestamp, verified.data.occurredAt);
      t.match(got!.headers['webhook-signature'], /^v1,[A-Za-z0-9+/]+=*$/);
      t.throws(
        () => new StandardWebhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(got!.body, got!.headers),
        'another secret does not verify',
      );
      const feed = await h.app.inject({
        method: 'GET',
        url: '/v1/events?limit=500',
        headers: bearer(await a.token('integration')),
      });
      t.ok(
        feed.json().items.some((e: { id: string }) => e.id === verified.data.id),
        'the event id is the feed id',
      );
    },
  );

  t.test(
    'when the receiver fails, times out, then recovers, then every event arrives, each retried with the same ' +
      'webhook-id, and every attempt is readable',
    async (t) => {
      const path = '/flaky';
      // each message's first attempt gets a 500, its second no answer (a timeout), its third 204:
      // counted per message, so that a slow machine cannot make one message use up its attempts
      const tries = new Map<string, number>();
      receiver.behave((r) => {
        if (r.path !== path) return 'ok';
        const n = (tries.get(r.headers['webhook-id']!) ?? 0) + 1;
        tries.set(r.headers['webhook-id']!, n);
        return n === 1 ? 'fail' : n === 2 ? 'hang' : 'ok';
      });
      t.teardown(() => receiver.behave(() => 'ok'));
      const hook = await subscribe(h, a, {
        url: `${receiver.url}${path}`,
        events: ['beneficiary.created'],
        secret: `whsec_${Buffer.alloc(24, 9).toString('base64')}`,
      });
      const worker = await a.token();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await newBeneficiary(h.app, worker)).id);
      const verifier = new StandardWebhook(hook.secret);
      const delivered = await until(
        'every event delivered',
        async () => {
          const items = await deliveries(h, a, hook.id);
          // every message delivered (a subscription may also get an event committed just before it)
          const messages = new Set(items.map((d) => d.messageId));
          return items.filter((d) => d.outcome === 'delivered').length === messages.size && messages.size >= 5 && items;
        },
        30_000,
      );
      const perMessage = new Map<string, typeof delivered>();
      for (const d of delivered) perMessage.set(d.messageId, [...(perMessage.get(d.messageId) ?? []), d]);
      t.ok(perMessage.size >= 5, 'one message per event');
      for (const attempts of perMessage.values()) {
        t.same(
          attempts.map((d) => d.attempt),
          attempts.map((_, i) => i + 1),
          'attempts numbered in order',
        );
        const failed = attempts.slice(0, -1);
        t.ok(
          failed.length > 0 &&
            failed.every(
              (d) =>
                (d.outcome === 'http-error' && d.statusCode === 500) ||
                (d.outcome === 'timeout' && d.statusCode === null),
            ),
          'failed first',
        );
        t.ok(
          failed.every((d) => d.nextAttemptAt),
          'a failed attempt names the next',
        );
        t.equal(attempts.at(-1)!.outcome, 'delivered', 'delivered in the end');
        t.equal(attempts.at(-1)!.nextAttemptAt, null, 'nothing planned after delivery');
      }
      t.ok(
        delivered.some((d) => d.outcome === 'http-error') && delivered.some((d) => d.outcome === 'timeout'),
        'errors and timeouts were both met',
      );
      const requests = receiver.received.filter((r) => r.path === path);
      const ids2 = new Set(requests.map((r) => r.headers['webhook-id']));
      t.same(ids2, new Set(perMessage.keys()), 'every attempt of an event carries its message id');
      const events = new Set(requests.map((r) => (verifier.verify(r.body, r.headers) as Delivered).data.entityId));
      t.ok(
        ids.every((id) => events.has(id)),
        'no event lost',
      );
    },
  );

  t.test(
    'when two CPAS subscribe the same receiver, then each gets only its own events, signed with its own secret',
    async (t) => {
      const path = '/shared';
      const hookA = await subscribe(h, a, { url: `${receiver.url}${path}`, events: ['beneficiary.created'] });
      const hookB = await subscribe(h, b, { url: `${receiver.url}${path}`, events: ['beneficiary.created'] });
      const mine = { a: [] as string[], b: [] as string[] };
      for (let i = 0; i < 4; i++) {
        mine.a.push((await newBeneficiary(h.app, await a.token())).id);
        mine.b.push((await newBeneficiary(h.app, await b.token())).id);
      }
      const byA = new StandardWebhook(hookA.secret);
      const byB = new StandardWebhook(hookB.secret);
      const sort = () => {
        const seen = { a: [] as string[], b: [] as string[] };
        for (const r of receiver.received.filter((x) => x.path === path)) {
          try {
            seen.a.push((byA.verify(r.body, r.headers) as Delivered).data.entityId!);
          } catch {
            seen.b.push((byB.verify(r.body, r.headers) as Delivered).data.entityId!);
          }
        }
        return seen;
      };
      // a subscription may also get events committed just before it (the horizon is the cluster's)
      const seen = await until('both CPAS served', async () => {
        const s = sort();
        return mine.a.every((id) => s.a.includes(id)) && mine.b.every((id) => s.b.includes(id)) && s;
      });
      const owners = async (ids: string[]) =>
        new Set(
          (
            await h.db.owner<{ cpas_id: string }>(`select cpas_id from beneficiary where id = any($1::uuid[])`, [ids])
          ).map((r) => r.cpas_id),
        );
      t.same(await owners(seen.a), new Set([a.id]), "A's subscription got A's events only");
      t.same(await owners(seen.b), new Set([b.id]), "B's subscription got B's events only");
    },
  );

  t.test('when only some events are subscribed, then only those are delivered', async (t) => {
    const path = '/filtered';
    await subscribe(h, a, { url: `${receiver.url}${path}`, events: ['beneficiary.updated'] });
    const person = await newBeneficiary(h.app, await a.token());
    const patched = await h.app.inject({
      method: 'PATCH',
      url: `/v1/beneficiaries/${person.id}`,
      headers: {
        ...bearer(await a.token()),
        'if-match': `"${person.version}"`,
        'content-type': 'application/merge-patch+json',
      },
      payload: { givenName: 'Other' },
    });
    t.equal(patched.statusCode, 200);
    const got = await receiver.waitFor(1, 5_000, path);
    await new Promise((r) => setTimeout(r, 500));
    t.same(
      receiver.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body).type),
      ['beneficiary.updated'],
    );
    t.equal(got.length, 1);
  });

  t.test(
    'when every attempt fails, then the subscription is disabled, the feed says so, and nothing more is sent',
    async (t) => {
      const path = '/dead';
      receiver.behave((r) => (r.path === path ? 'fail' : 'ok'));
      t.teardown(() => receiver.behave(() => 'ok'));
      const hook = await subscribe(h, a, { url: `${receiver.url}${path}`, events: ['beneficiary.created'] });
      await newBeneficiary(h.app, await a.token());
      const disabled = await until('the subscription disabled', async () => {
        const res = await h.app.inject({
          method: 'GET',
          url: `/v1/webhooks/${hook.id}`,
          headers: bearer(await a.token('integration')),
        });
        const body = res.json<{ status: string; statusReason: string }>();
        return body.status === 'disabled' ? body : undefined;
      });
      t.match(disabled.statusReason, new RegExp(`failed all ${ATTEMPTS} attempts`));
      const all = await deliveries(h, a, hook.id);
      const attempts = all.filter((d) => d.messageId === all.find((x) => x.attempt === ATTEMPTS)!.messageId);
      t.same(
        attempts.map((d) => d.outcome),
        Array(ATTEMPTS).fill('http-error'),
        'the message that failed every attempt',
      );
      t.equal(attempts.at(-1)!.nextAttemptAt, null, 'no attempt planned after the last');
      const feed = await h.app.inject({
        method: 'GET',
        url: '/v1/events?limit=500',
        headers: bearer(await a.token('integration')),
      });
      t.ok(
        feed
          .json()
          .items.some(
            (e: { type: string; entityId: string }) => e.type === 'webhook.disabled' && e.entityId === hook.id,
          ),
      );
      // an attempt of another message (an event committed just before the subscription) may have
      // been leased before the disabling and still be on its way: let it land before counting
      await new Promise((r) => setTimeout(r, FAST.timeoutMs + 400));
      const sent = receiver.received.filter((r) => r.path === path).length;
      await newBeneficiary(h.app, await a.token());
      await new Promise((r) => setTimeout(r, 600));
      t.equal(receiver.received.filter((r) => r.path === path).length, sent, 'a disabled subscription gets nothing');
    },
  );

  t.test(
    "when a subscription is deleted, then it is gone for its CPAS and was never visible to the other's",
    async (t) => {
      const hook = await subscribe(h, a, {
        url: `${receiver.url}/deleted`,
        events: ['*'],
        externalRef: 'vendor-hook-1',
      });
      const other = await b.token('integration');
      for (const [method, url] of [
        ['GET', `/v1/webhooks/${hook.id}`],
        ['GET', `/v1/webhooks/${hook.id}/deliveries`],
        ['DELETE', `/v1/webhooks/${hook.id}`],
      ] as const) {
        const res = await h.app.inject({ method, url, headers: bearer(other) });
        t.equal(res.statusCode, 404, `${method} ${url} with the other CPAS's token`);
        t.equal(res.json().code, 'not-found');
      }
      const list = await h.app.inject({ method: 'GET', url: '/v1/webhooks?limit=500', headers: bearer(other) });
      t.notOk(list.json().items.some((w: { id: string }) => w.id === hook.id));
      const dup = await h.app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: bearer(await a.token('integration')),
        payload: { url: `${receiver.url}/x`, events: ['*'], externalRef: 'vendor-hook-1' },
      });
      t.equal(dup.statusCode, 409);
      t.equal(dup.json().code, 'duplicate-external-ref');
      const mine = await a.token('integration');
      const byRef = await h.app.inject({
        method: 'GET',
        url: '/v1/webhooks?externalRef=vendor-hook-1',
        headers: bearer(mine),
      });
      t.same(
        byRef.json().items.map((w: { id: string }) => w.id),
        [hook.id],
      );
      const del = await h.app.inject({ method: 'DELETE', url: `/v1/webhooks/${hook.id}`, headers: bearer(mine) });
      t.equal(del.statusCode, 204);
      t.equal(del.body, '');
      t.equal(
        (await h.app.inject({ method: 'GET', url: `/v1/webhooks/${hook.id}`, headers: bearer(mine) })).statusCode,
        404,
      );
      t.equal(
        (await h.app.inject({ method: 'DELETE', url: `/v1/webhooks/${hook.id}`, headers: bearer(mine) })).statusCode,
        404,
      );
    },
  );

  t.test('when a role other than integration calls any webhook operation, then 403', async (t) => {
    const hook = await subscribe(h, a, { url: `${receiver.url}/roles`, events: ['*'] });
    for (const role of ['social_worker', 'cpas_manager', 'cpas_auditor']) {
      const token = await a.token(role);
      for (const [method, url] of [
        ['POST', '/v1/webhooks'],
        ['GET', '/v1/webhooks'],
        ['GET', `/v1/webhooks/${hook.id}`],
        ['DELETE', `/v1/webhooks/${hook.id}`],
        ['GET', `/v1/webhooks/${hook.id}/deliveries`],
      ] as const) {
        const res = await h.app.inject({
          method,
          url,
          headers: bearer(token),
          ...(method === 'POST' ? { payload: { url: receiver.url, events: ['*'] } } : {}),
        });
        t.equal(res.statusCode, 403, `${role} ${method} ${url}`);
      }
    }
  });

  t.test(
    'the default delivery settings: first attempt within 5 s of the commit, first retry within 10 s',
    async (t) => {
      t.ok(DEFAULT_DISPATCHER.tickMs + DEFAULT_DISPATCHER.timeoutMs <= 10_000);
      t.ok(DEFAULT_DISPATCHER.tickMs <= 1_000, 'a commit is fanned out and sent on the next tick');
      t.ok(
        DEFAULT_DISPATCHER.retryDelaysMs[0]! * 1.25 + DEFAULT_DISPATCHER.tickMs <= 10_000,
        'the first retry leaves within 10 s of the failure',
      );
    },
  );
});

t.test('webhooks without WEBHOOK_ALLOW_PRIVATE_NETWORKS', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const token = await a.token('integration');
  for (const url of [
    'http://example.org/hook',
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://[::1]/hook',
    'https://169.254.169.254/latest',
    'https://localhost/hook',
    'https://intranet/hook',
    'https://printer.local/hook',
    'https://[::ffff:127.0.0.1]/hook',
  ]) {
    t.test(`when a webhook targets ${url}, then 400 (SSRF)`, async (t) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: bearer(token),
        payload: { url, events: ['*'] },
      });
      t.equal(res.statusCode, 400);
      t.equal(res.json().code, 'validation-failed');
      t.equal(res.json().errors[0].path, '/url');
    });
  }
  t.test('when a webhook targets a public https URL, then it is accepted', async (t) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/webhooks',
      headers: bearer(token),
      payload: { url: 'https://hooks.example.org/piis', events: ['*'] },
    });
    t.equal(res.statusCode, 201);
  });
});
