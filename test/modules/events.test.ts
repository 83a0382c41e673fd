// The change feed (listEvents): gap-free pages in commit order, never an event behind a cursor
// already handed out — also when transactions commit out of the order of their ids; the other
// CPAS's events never; a cursor on every page.
import t from 'tap';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';
import { caughtUp, drain, page, readUntil } from '../helpers/feed.js';
import { appendChangeQuery } from '../../src/core/audit-append.js';
import { EVENT_TYPES, eventTypesTable, type EventType } from '../../src/core/event-types.js';

t.test('change feed', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const b = await h.newCpas();
  const feedA = await a.token('integration');
  const feedB = await b.token('integration');

  t.test(
    'when a module, a subscription and a person are created, then the first two events carry the record as its GET ' +
      'answers it, the person’s never',
    async (t) => {
      const start = await caughtUp(h, a, feedA);
      const manager = await a.token('cpas_manager');
      const integration = await a.token('integration');
      const module = await h.app.inject({
        method: 'POST',
        url: '/v1/activation-modules',
        headers: bearer(manager),
        payload: { theme: 'Budget', title: 'Household budget', startsOn: '2026-02-01', hours: 20 },
      });
      t.equal(module.statusCode, 201);
      const hook = await h.app.inject({
        method: 'POST',
        url: '/v1/webhooks',
        headers: bearer(integration),
        payload: { url: 'https://93.184.216.34/hooks', events: ['piis.*'] },
      });
      t.equal(hook.statusCode, 201);
      const person = await newBeneficiary(h.app, manager);
      const { events } = await readUntil(h, feedA, start, (e) => e.some((x) => x.entityId === person.id));
      const of = (type: string) => events.find((e) => e.type === type)!.data;
      const moduleRead = await h.app.inject({
        method: 'GET',
        url: `/v1/activation-modules/${module.json().id}`,
        headers: bearer(manager),
      });
      t.same(of('activation_module.created')['record'], moduleRead.json(), 'the module as its GET answers it');
      const hookRead = await h.app.inject({
        method: 'GET',
        url: `/v1/webhooks/${hook.json().id}`,
        headers: bearer(integration),
      });
      t.same(of('webhook.created')['record'], hookRead.json(), 'the subscription as its GET answers it');
      t.notMatch(JSON.stringify(of('webhook.created')), hook.json().secret, 'never its secret');
      t.same(of('beneficiary.created'), { id: person.id }, 'a person’s record does not ride in the event');
    },
  );

  t.test('when an event type is not in the list of event types, then it cannot be appended', async (t) => {
    const ctx = { cpasId: a.id, actor: 'test', requestId: 'test' };
    t.throws(
      () =>
        appendChangeQuery(h.db.database.db, ctx, {
          action: 'create',
          entity: 'x',
          entityId: a.id,
          event: { type: 'piis.teleported', data: {} },
        }),
      /piis.teleported is not in the list of event types/,
    );
    for (const [type, e] of Object.entries(EVENT_TYPES as Record<string, EventType>)) {
      t.ok(Boolean(e.record) !== Boolean(e.whyNot), `${type}: a record, or why not`);
    }
    t.match(eventTypesTable(), /\| `piis\.signed` \| Both parties have signed/);
  });

  t.test('when a CPAS has no events yet, then the page is empty and still carries a cursor to poll with', async (t) => {
    const fresh = await h.newCpas();
    const p = await page(h, await fresh.token('integration'));
    t.same(p.items, []);
    t.type(p.nextCursor, 'string');
    const again = await page(h, await fresh.token('integration'), p.nextCursor);
    t.same(again.items, []);
    t.type(again.nextCursor, 'string');
  });

  t.test(
    'when changes are made, then the feed lists them in order with their actor, and only those of its own CPAS',
    async (t) => {
      const start = await caughtUp(h, a, feedA);
      const worker = await a.token('social_worker', 'worker-7');
      const one = await newBeneficiary(h.app, worker);
      const two = await newBeneficiary(h.app, worker);
      const third = await newBeneficiary(h.app, await b.token());
      const { events } = await readUntil(h, feedA, start, (e) => e.some((x) => x.entityId === two.id));
      t.same(
        events.map((e) => ({ type: e.type, entity: e.entity, entityId: e.entityId, actor: e.actor, data: e.data })),
        [
          {
            type: 'beneficiary.created',
            entity: 'beneficiary',
            entityId: one.id,
            actor: 'worker-7',
            data: { id: one.id },
          },
          {
            type: 'beneficiary.created',
            entity: 'beneficiary',
            entityId: two.id,
            actor: 'worker-7',
            data: { id: two.id },
          },
        ],
      );
      t.ok(events.every((e) => /^\d{4}-\d{2}-\d{2}T/.test(e.occurredAt)));
      const others = await readUntil(h, feedB, undefined, (e) => e.some((x) => x.entityId === third.id));
      t.notOk(
        others.events.some((e) => e.entityId === one.id || e.entityId === two.id),
        "CPAS B never sees A's events",
      );
    },
  );

  t.test(
    'when paging with a small limit, then every event comes exactly once and a full page points at its last event',
    async (t) => {
      const start = await caughtUp(h, a, feedA);
      const worker = await a.token();
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push((await newBeneficiary(h.app, worker)).id);
      await readUntil(h, feedA, start, (e) => e.some((x) => x.entityId === ids[6]));
      const first = await page(h, feedA, start, 3);
      t.equal(first.items.length, 3);
      const { events } = await drain(h, feedA, first.nextCursor, 3);
      t.same(
        [...first.items, ...events].map((e) => e.entityId),
        ids,
      );
      const replay = await page(h, feedA, start, 3);
      t.same(
        replay.items.map((e) => e.id),
        first.items.map((e) => e.id),
        'the same cursor gives the same page (at-least-once: a client may re-read)',
      );
    },
  );

  t.test('when the cursor is not one the feed issued, or is given twice differently, then 400', async (t) => {
    for (const after of [
      'nonsense',
      Buffer.from('{"t":"-1","e":"x"}').toString('base64url'),
      Buffer.from('{"a":"0190d5b0-0000-7000-8000-000000000000"}').toString('base64url'),
    ]) {
      const res = await h.app.inject({ method: 'GET', url: `/v1/events?after=${after}`, headers: bearer(feedA) });
      t.equal(res.statusCode, 400);
      t.equal(res.json().code, 'invalid-cursor');
    }
    const p = await page(h, feedA);
    const res = await h.app.inject({
      method: 'GET',
      url: `/v1/events?after=${p.nextCursor}&cursor=${Buffer.from(
        '{"t":"1","e":"00000000-0000-0000-0000-000000000000"}',
      ).toString('base64url')}`,
      headers: bearer(feedA),
    });
    t.equal(res.statusCode, 400);
    t.equal(res.json().code, 'validation-failed');
    const same = await h.app.inject({
      method: 'GET',
      url: `/v1/events?after=${p.nextCursor}&cursor=${p.nextCursor}`,
      headers: bearer(feedA),
    });
    t.equal(same.statusCode, 200);
  });

  t.test('when a role other than integration reads the feed, then 403; without a token, 401', async (t) => {
    for (const role of ['social_worker', 'cpas_manager', 'cpas_auditor']) {
      const res = await h.app.inject({ method: 'GET', url: '/v1/events', headers: bearer(await a.token(role)) });
      t.equal(res.statusCode, 403, role);
    }
    for (const roles of [['spp_analyst'], ['platform_admin']]) {
      const res = await h.app.inject({
        method: 'GET',
        url: '/v1/events',
        headers: bearer(await h.keys.token({ sub: 'x', roles })),
      });
      t.equal(res.statusCode, 403, roles[0]!);
    }
    t.equal((await h.app.inject({ method: 'GET', url: '/v1/events' })).statusCode, 401);
  });

  t.test('when a page has events, then one access entry names them; an empty poll leaves none', async (t) => {
    const c = await h.newCpas();
    const token = await c.token('integration', 'vendor-feed');
    const person = await newBeneficiary(h.app, await c.token());
    let first = await page(h, token);
    while (first.items.length === 0) first = await page(h, token); // empty polls until it is readable
    t.equal(first.items[0]!.entityId, person.id);
    await page(h, token, first.nextCursor);
    await h.app.deps.accessLog.flush();
    const reads = await h.db.owner<{ entity: string; ids: string }>(
      `select entity, coalesce(entity_id::text, array_to_string(entity_ids, ',')) as ids from audit_entry where ` +
        `cpas_id = $1 and action = 'read' and actor = 'vendor-feed'`,
      [c.id],
    );
    t.same(reads, [{ entity: 'event', ids: first.items.map((e) => e.id).join(',') }]);
  });
});
