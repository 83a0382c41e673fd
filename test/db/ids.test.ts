// Ids are UUIDv7 and strictly increasing within a process, so records and events written in one
// transaction keep their order (the PIIS timeline reads events by id).
import t from 'tap';
import { uuidv7 } from '../../src/db/ids.js';

t.test('when many ids are made in the same millisecond, then each sorts after the previous one', async (t) => {
  const ids = Array.from({ length: 10_000 }, () => uuidv7(1_800_000_000_000));
  const sorted = [...ids].sort();
  t.same(sorted, ids, 'strictly increasing');
  t.equal(new Set(ids).size, ids.length, 'unique');
  t.match(
    ids[0],
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'version 7, RFC 9562 variant',
  );
  t.ok(uuidv7() > ids[ids.length - 1]!, 'and after them, an id of a later millisecond');
});
