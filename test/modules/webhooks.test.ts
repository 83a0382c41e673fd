// Webhooks: subscriptions per CPAS, deliveries signed as Standard Webhooks specifies (checked
// with the independent `standardwebhooks` verifier), retried with the same webhook-id through a
// receiver that fails, times out and recovers — no event lost, none delivered to another CPAS —,
// every attempt readable (a subscription disabled, deleted, other roles, the default settings and
// SSRF are in webhooks-subscriptions.test.ts).
import t from 'tap';
import { webhooksFixture } from '../helpers/webhooks.js';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { bearer, newBeneficiary } from '../helpers/app.js';
import { deliveries, subscribe, until, type Delivered } from '../helpers/webhooks.js';

t.test('webhooks', async (t) => {
  const { h, receiver, a, b } = await webhooksFixture(t);

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
});
