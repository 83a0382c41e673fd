// Long reads as bytes (copy-out.ts): PostgreSQL's binary COPY read back exactly however its
// chunks fall, every parameter a bind parameter whatever it holds, the tenant bound, and a stream
// left early giving its connection back. On the embedded database the same rows come from a
// cursor, as the same bytes.
import t from 'tap';
import { sql } from 'kysely';
import { BinaryCopyParser, copyStatement, rawRows, type RawRow } from '../../src/db/driver/copy-out.js';
import { joinedArrayItems } from '../../src/http/export.js';
import { buildHarness, newBeneficiary } from '../helpers/app.js';
import { onPostgres } from '../helpers/database.js';

/** A binary COPY stream of rows of text fields (null for a null), as PostgreSQL writes it. */
function copyBytes(rows: ReadonlyArray<ReadonlyArray<string | null>>): Buffer {
  const parts = [
    Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from([0, 0, 0, 4, 9, 9, 9, 9]),
  ];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const field of row) {
      const length = Buffer.alloc(4);
      const bytes = field === null ? Buffer.alloc(0) : Buffer.from(field, 'utf8');
      length.writeInt32BE(field === null ? -1 : bytes.length);
      parts.push(length, bytes);
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

const texts = (rows: RawRow[]) => rows.map((row) => row.map((f) => (f === null ? null : f.toString('utf8'))));

const ROWS = [
  ['a', '', null],
  ['€ ’ 𝄞 \u0000 "quoted" \\', 'x'.repeat(70_000), '[1,2]'],
  [null, null, null],
];

t.test('when a binary COPY stream arrives cut at any byte, then every row is read back exactly', async (t) => {
  const whole = copyBytes(ROWS);
  for (let cut = 0; cut <= whole.length; cut += cut < 200 ? 1 : 997) {
    const parser = new BinaryCopyParser();
    const rows = [...parser.push(whole.subarray(0, cut)), ...parser.push(whole.subarray(cut))];
    parser.end();
    if (JSON.stringify(texts(rows)) !== JSON.stringify(ROWS)) return t.fail(`cut at byte ${cut}`);
  }
  // one byte at a time (rows small enough that what is kept between bytes stays short)
  const small = ROWS.map((row) => row.map((f) => (f === null ? null : f.slice(0, 300))));
  const bytes = copyBytes(small);
  const byte = new BinaryCopyParser();
  const rows: RawRow[] = [];
  for (let i = 0; i < bytes.length; i++) rows.push(...byte.push(bytes.subarray(i, i + 1)));
  byte.end();
  t.same(texts(rows), small, 'one byte at a time');
});

t.test('when a binary COPY stream stops inside a row or is not one, then reading it fails', async (t) => {
  const whole = copyBytes(ROWS);
  const cut = new BinaryCopyParser();
  cut.push(whole.subarray(0, whole.length - 10));
  t.throws(() => cut.end(), /ended inside a row/);
  t.throws(() => new BinaryCopyParser().push(Buffer.from('COPY is not this format at all')), /not a PGCOPY stream/);
});

t.test(
  'when a statement is streamed by COPY, then each parameter is read from its setting with its cast, and one without ' +
    'a cast is refused',
  async (t) => {
    const statement = copyStatement({
      sql: 'select $1::text where year = $2::int and $10::uuid is not null',
      parameters: ['a', 1, 'u'],
      query: null as never,
      queryId: null as never,
    });
    t.equal(
      statement,
      "copy (select current_setting('piis_copy.p1')::text where year = current_setting('piis_copy.p2')::int and " +
        "current_setting('piis_copy.p10')::uuid is not null) to stdout (format binary)",
    );
    t.throws(
      () => copyStatement({ sql: 'select $1', parameters: ['a'], query: null as never, queryId: null as never }),
      /\$1 has no cast/,
    );
  },
);

t.test('when arrays of JSON items are joined, then the empty ones leave no comma', async (t) => {
  const joined = joinedArrayItems([
    Buffer.from('[]'),
    Buffer.from('[1,2]'),
    Buffer.from('[]'),
    Buffer.from('[{"a":"é"}]'),
  ]);
  t.equal(`[${joined.toString('utf8')}]`, '[1,2,{"a":"é"}]');
  t.equal(joinedArrayItems([Buffer.from('[]')]).length, 0);
});

t.test(`streamBytes on the ${onPostgres ? 'PostgreSQL server (COPY)' : 'embedded database (cursor)'}`, async (t) => {
  const h = await buildHarness(t, { poolSize: 2 });
  const a = await h.newCpas();
  const b = await h.newCpas();
  const mine = await newBeneficiary(h.app, await a.token());
  await newBeneficiary(h.app, await b.token());
  const { database } = h.db;
  const { db } = database;
  const read = async (query: Parameters<typeof rawRows>[1], cpasId = a.id) => {
    const rows: RawRow[] = [];
    for await (const batch of database.streamBytes(cpasId, query, { batch: 1 })) rows.push(...batch);
    return texts(rows);
  };

  t.test('when parameters hold hostile values, then they come back exactly as bound', async (t) => {
    const hostile = [
      "it's",
      '$v$ $$ $1 \\ \\\\',
      "'); drop table beneficiary; --",
      '€ ’ 𝄞 \u{10FFFF}',
      'x'.repeat(1_000_000),
    ];
    for (const value of hostile) {
      const rows = await read(sql`select ${value}::text as v, ${value.length}::int::text as n`.compile(db));
      t.same(rows, [[value, String(value.length)]], value.slice(0, 40));
    }
  });

  t.test('when a tenant table is read, then only the bound CPAS’s rows come', async (t) => {
    const rows = await read(sql`select id::text, niss::text from beneficiary order by id`.compile(db));
    t.same(rows, [[mine.id, mine.niss]]);
  });

  t.test('when the reader stops after the first batch, then the connection serves the next read', async (t) => {
    for (let i = 0; i < 4; i++) {
      for await (const batch of database.streamBytes(
        a.id,
        sql`select g::text from generate_series(1, 50000) g`.compile(db),
        { batch: 10 },
      )) {
        t.ok(batch.length > 0);
        break;
      }
    }
    t.same(await read(sql`select 'still here'::text`.compile(db)), [['still here']]);
  });
});
