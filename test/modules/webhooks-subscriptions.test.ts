// Webhooks, continued: a subscription disabled after repeated failure, deleted, kept from other
// roles; the default delivery settings; and SSRF refused where private networks are not allowed.
import t from 'tap';
import { webhooksFixture } from '../helpers/webhooks.js';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';
import { ATTEMPTS, deliveries, FAST, subscribe, until } from '../helpers/webhooks.js';
import { DEFAULT_DISPATCHER } from '../../src/modules/webhooks/webhooks.dispatcher.js';

t.test('webhooks', async (t) => {
  const { h, receiver, a, b } = await webhooksFixture(t);

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
