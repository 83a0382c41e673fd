// The change feed under concurrent writers (PostgreSQL): a reader never passes a transaction that
// commits late, and ends with every event exactly once.
import t from 'tap';
import { buildHarness } from '../helpers/app.js';
import { caughtUp, drain, page, readUntil, writeEvent, type FeedEvent } from '../helpers/feed.js';
import { onPostgres } from '../helpers/database.js';

t.test('change feed under concurrent writers', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const b = await h.newCpas();
  const feedA = await a.token('integration');

  t.test(
    'when an earlier transaction commits after a later one, then the reader never passes it',
    { skip: onPostgres ? false : 'the embedded database runs one transaction at a time' },
    async (t) => {
      const start = await caughtUp(h, a, feedA);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const slow = writeEvent(h, a, 'test.slow', held);
      await new Promise((r) => setTimeout(r, 100)); // the slow transaction holds its id
      const fast = await writeEvent(h, a, 'test.fast');
      await new Promise((r) => setTimeout(r, 300));
      const during = await drain(h, feedA, start);
      t.same(during.events, [], 'the later event waits behind the open transaction');
      release();
      const slowId = await slow;
      const after = await readUntil(h, feedA, during.cursor, (e) => e.some((x) => x.id === fast));
      t.same(
        after.events.map((e) => e.id),
        [slowId, fast],
        'both come, in the order of their transactions',
      );
    },
  );

  t.test(
    'when many writers commit concurrently and one reader pages without pause, then it ends with every event exactly ' +
      'once, in an order consistent with commits',
    { skip: onPostgres ? false : 'concurrency is proved on PostgreSQL' },
    async (t) => {
      const start = await caughtUp(h, a, feedA);
      interface Written {
        id: string;
        began: number;
        committed: number;
      }
      const written: Written[] = [];
      let writing = true;
      const writer = async (n: number) => {
        for (let i = 0; i < 25; i++) {
          const began = performance.now();
          const hold = new Promise((r) => setTimeout(r, Math.floor(Math.random() * 15)));
          const id = await writeEvent(h, a, `test.w${n}`, hold);
          written.push({ id, began, committed: performance.now() });
        }
      };
      const seen: FeedEvent[] = [];
      const reader = (async () => {
        let cursor = start;
        let deadline = Infinity;
        for (;;) {
          const p = await page(h, feedA, cursor, 7);
          seen.push(...p.items);
          cursor = p.nextCursor;
          // once the writers are done, read on until everything arrived (an event becomes readable
          // when every older transaction of the cluster has finished) or 10 s have passed
          if (!writing && deadline === Infinity) deadline = performance.now() + 10_000;
          if (!writing && p.items.length === 0 && (seen.length >= written.length || performance.now() > deadline))
            return;
        }
      })();
      await Promise.all([
        ...Array.from({ length: 8 }, (_, n) => writer(n)),
        (async () => {
          // CPAS B writes at the same time: none of it may reach A's reader
          for (let i = 0; i < 20; i++) await writeEvent(h, b, 'test.other');
        })(),
      ]);
      writing = false;
      await reader;
      const ids = seen.map((e) => e.id);
      t.equal(new Set(ids).size, ids.length, 'no event twice (a reader may deduplicate, but needs not here)');
      t.same(new Set(ids), new Set(written.map((w) => w.id)), 'every event, none of the other CPAS');
      const position = new Map(ids.map((id, i) => [id, i]));
      let violations = 0;
      for (const x of written)
        for (const y of written) if (x.committed < y.began && position.get(x.id)! > position.get(y.id)!) violations++;
      t.equal(violations, 0, 'an event committed before another began comes first');
    },
  );
});
