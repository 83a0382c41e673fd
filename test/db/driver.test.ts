// Every value travels as a bind parameter (src/db/driver/): hostile values come back exactly as
// sent, through every path a statement can take — a read alone, reads sharing a round trip, a
// unit of work's first statement (sent with its begin), its queries, its queued writes (named
// once hot), a nested unit's, and a cursor — and none of them can end a statement or start
// another. A failure in a round trip stops it there and leaves the connection clean; a statement
// named in a failing round trip is not parsed twice.
import t from 'tap';
import { CompiledQuery, sql } from 'kysely';
import { cursorBatches } from '../../src/db/driver/cursor.js';
import { send } from '../../src/db/driver/send.js';
import { inTenant, queueWrite, unitsWithin } from '../../src/db/tenant.js';
import { uuidv7 } from '../../src/db/ids.js';
import { createTestDatabase, onPostgres } from '../helpers/database.js';

const CPAS = '0190aaaa-0000-7000-8000-000000000001';

/** Values that end a quoted literal, a dollar quote or a statement when spliced into SQL text. */
const HOSTILE: Array<[string, string]> = [
  ['a single quote', "O'Brien"],
  ['a quote that ends the literal and a statement', "x'); drop table beneficiary; --"],
  ['the dollar tag a splicer would use', '$v$ || (select 1) || $v$'],
  ['bare dollar quotes', '$$;select 1;$$'],
  ['backslashes', "C:\\temp\\\\n\\'"],
  ['a parameter placeholder', '$1 $2 ::text'],
  ['a comment opener', '/* -- */ */'],
  ['a 1 MB string', 'é'.repeat(512 * 1024)],
  [
    'a character from every Unicode plane',
    Array.from({ length: 17 }, (_, plane) => String.fromCodePoint(plane * 0x10000 + 0x41)).join('') +
      '\uFFFD\u{10FFFF}',
  ],
];

t.test('the database driver', async (t) => {
  const testDb = await createTestDatabase({ poolSize: 2 });
  t.teardown(() => testDb.close());
  const { database } = testDb;
  const { db } = database;
  const echo = (value: string) => sql<{ v: string }>`select ${value}::text as v`.compile(db);

  for (const [what, value] of HOSTILE) {
    t.test(`when a value holds ${what}, then every path gives it back unchanged`, async (t) => {
      t.equal((await database.read(CPAS, echo(value)))[0]?.v, value, 'a read alone');
      const together = await Promise.all([1, 2, 3].map(() => database.read(CPAS, echo(value))));
      t.same(
        together.map((rows) => rows[0]?.v),
        [value, value, value],
        'reads sharing a round trip',
      );
      for (let run = 0; run < 4; run++) {
        // four runs: past three the statements are named and bound by name
        const id = uuidv7();
        const nestedId = uuidv7();
        const seen = await database.unit(CPAS, async (tx) => {
          const first = await tx.executeQuery(echo(value));
          const inside = await tx.executeQuery(echo(value));
          await queueWrite(
            tx,
            sql`insert into audit_entry (cpas_id, id, actor, action, entity, request_id)
                values (${CPAS}, ${id}, ${value}, 'read', 'test', 'r')`.compile(tx),
          );
          const nested = await unitsWithin(tx, CPAS).unit(CPAS, async (inner) => {
            await queueWrite(
              inner,
              sql`insert into audit_entry (cpas_id, id, actor, action, entity, request_id)
                  values (${CPAS}, ${nestedId}, ${value}, 'read', 'test', 'r')`.compile(inner),
            );
            return (await inner.executeQuery(echo(value))).rows[0]?.v;
          });
          return [first.rows[0]?.v, inside.rows[0]?.v, nested];
        });
        t.same(seen, [value, value, value], `a unit's first read, its query, a nested unit's (run ${run + 1})`);
        const stored = await database.read(
          CPAS,
          sql<{ actor: string }>`select actor from audit_entry where id in (${id}, ${nestedId})`.compile(db),
        );
        t.same(
          stored.map((r) => r.actor),
          [value, value],
          `queued writes, the unit's and the nested unit's (run ${run + 1})`,
        );
      }
      const streamed: string[] = [];
      for await (const batch of cursorBatches(db, echo(value), { cpasId: CPAS }))
        streamed.push(...batch.map((r) => r.v));
      t.same(streamed, [value], 'a cursor');
    });
  }

  t.test('when a value holds a NUL character, then the database refuses it as a data exception', async (t) => {
    await t.rejects(database.read(CPAS, echo('a\u0000b')), { code: onPostgres ? '22021' : /^22/ });
    t.equal((await database.read(CPAS, echo('after')))[0]?.v, 'after', 'the connection is clean after');
  });

  t.test(
    'when a statement of a round trip fails, then those after it do not run and the connection is clean',
    async (t) => {
      const id = uuidv7();
      const insert = sql`insert into audit_entry (cpas_id, id, actor, action, entity, request_id)
                       values (${CPAS}, ${id}, 'never', 'read', 'test', 'r')`.compile(db);
      await t.rejects(
        inTenant(db, CPAS, async (tx) => {
          await queueWrite(tx, CompiledQuery.raw('select 1 / $1::int', [0]));
          await queueWrite(tx, insert);
        }),
        /division by zero/,
      );
      const rows = await database.read(CPAS, sql`select id from audit_entry where id = ${id}`.compile(db));
      t.same(rows, [], 'the write after the failure never ran');
      const bound = await Promise.all(
        [1, 2, 3, 4].map(() =>
          send(db, [sql<{ b: string }>`select coalesce(current_setting('app.cpas_id', true), '') as b`.compile(db)]),
        ),
      );
      t.same(
        bound.map((r) => r[0]!.rows[0]!['b']),
        ['', '', '', ''],
        'no connection kept a tenant or a transaction',
      );
    },
  );

  t.test(
    'when one named statement runs for two CPAS in turn, past the switch to a generic plan, then each sees its own ' +
      'rows only',
    async (t) => {
      const other = '0190aaaa-0000-7000-8000-000000000002';
      const mark = `tenant-${uuidv7()}`;
      for (const cpasId of [CPAS, other])
        await inTenant(db, cpasId, (tx) =>
          sql`insert into audit_entry (cpas_id, id, actor, action, entity, request_id)
              values (${cpasId}, ${uuidv7()}, ${mark}, 'read', 'test', 'r')`.execute(tx),
        );
      // no cpas_id in the statement: only row-level security tells the tenants apart
      const mine = sql<{ cpas_id: string }>`select cpas_id from audit_entry where actor = ${mark}`.compile(db);
      for (let i = 0; i < 24; i++) {
        const cpasId = i % 2 === 0 ? CPAS : other;
        const read = await database.read(cpasId, mine);
        const first = await inTenant(db, cpasId, async (tx) => (await tx.executeQuery(mine)).rows);
        t.same(
          [...read, ...first].map((r) => r['cpas_id']),
          [cpasId, cpasId],
          `run ${i + 1}`,
        );
      }
    },
  );

  t.test(
    'when a nested unit fails, then its writes are undone and those its enclosing unit queued before it are kept',
    async (t) => {
      const [kept, undone, after] = [uuidv7(), uuidv7(), uuidv7()];
      const insert = (tx: typeof db, id: string) =>
        sql`insert into audit_entry (cpas_id, id, actor, action, entity, request_id)
            values (${CPAS}, ${id}, 'nested', 'read', 'test', 'r')`.compile(tx);
      await database.unit(CPAS, async (tx) => {
        await queueWrite(tx, insert(tx, kept));
        const nested = unitsWithin(tx, CPAS);
        await t.rejects(
          nested.unit(CPAS, async (inner) => {
            await inner.executeQuery(insert(inner, undone));
            await inner.executeQuery(CompiledQuery.raw('select 1 / $1::int', [0]));
          }),
          /division by zero/,
        );
        await t.rejects(
          nested.unit(CPAS, async () => {
            throw new Error('refused before any statement');
          }),
          /refused/,
        );
        await tx.executeQuery(insert(tx, after));
      });
      const rows = await database.read(
        CPAS,
        sql<{ id: string }>`select id from audit_entry where id in (${kept}, ${undone}, ${after})`.compile(db),
      );
      t.same(rows.map((r) => r.id).sort(), [kept, after].sort());
    },
  );

  t.test('when a hot statement is first named in a round trip that fails, then later runs still succeed', async (t) => {
    const divide = (n: number) => CompiledQuery.raw('select 10 / $1::int as q', [n]);
    // two runs, then the third (named, parsed) fails as it executes: the name exists all the same
    for (let i = 0; i < 2; i++) await database.read(CPAS, divide(1));
    await t.rejects(database.read(CPAS, divide(0)), /division by zero/);
    for (let i = 0; i < 6; i++) t.same(await database.read(CPAS, divide(2)), [{ q: 5 }]);
  });
});
