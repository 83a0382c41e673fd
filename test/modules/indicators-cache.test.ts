// The national answers kept per version: the same version gives the kept answer without
// computing, another version computes again, an answer whose data changed while it was read is
// not kept, and the least recently used answer goes first.
import t from 'tap';
import { versionedCache } from '../../src/modules/national/indicators-cache.js';

t.test('when the version is unchanged, then the kept answer comes back without computing', async (t) => {
  const cache = versionedCache<string>();
  let computed = 0;
  const compute = (version: string, value: string) => async () => (computed++, { version, value });
  t.equal(await cache.through('2026/fr', 'v1', compute('v1', 'a')), 'a');
  t.equal(await cache.through('2026/fr', 'v1', compute('v1', 'never')), 'a');
  t.equal(computed, 1);
  t.equal(await cache.through('2026/fr', 'v2', compute('v2', 'b')), 'b', 'a new version computes again');
  t.equal(await cache.through('2026/nl', 'v2', compute('v2', 'c')), 'c', 'another key is another answer');
  t.equal(await cache.through('2026/fr', 'v2', compute('v2', 'never')), 'b');
  t.equal(computed, 3);
});

t.test('when the data changed while the answer was computed, then it is answered but not kept', async (t) => {
  const cache = versionedCache<string>();
  t.equal(await cache.through('2026/fr', 'v1', async () => ({ version: 'v2', value: 'read at v2' })), 'read at v2');
  t.equal(
    await cache.through('2026/fr', 'v1', async () => ({ version: 'v1', value: 'fresh' })),
    'fresh',
    'computed again',
  );
});

t.test('when more answers are asked than kept, then the least recently used goes', async (t) => {
  const cache = versionedCache<number>(2);
  const computed: string[] = [];
  const get = (key: string) =>
    cache.through(key, 'v', async () => (computed.push(key), { version: 'v', value: computed.length }));
  await get('a');
  await get('b');
  await get('a');
  await get('c');
  await get('a');
  await get('b');
  t.same(computed, ['a', 'b', 'c', 'b'], 'b went when c came (a was used since); a stayed');
});

t.test('when computing fails, then nothing is kept and the error reaches the caller', async (t) => {
  const cache = versionedCache<string>();
  await t.rejects(
    cache.through('k', 'v', async () => Promise.reject(new Error('database gone'))),
    /database gone/,
  );
  t.equal(await cache.through('k', 'v', async () => ({ version: 'v', value: 'ok' })), 'ok');
});
