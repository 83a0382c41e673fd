// Reads by key of the same turn share one message (read-batch.ts); each keeps its own CPAS, its
// own rows and its own failure. Here against a stand-in for PostgreSQL that answers each
// read-only transaction of a message the way the server does; tenancy.test.ts runs the same
// against the real database.
import t from 'tap';
import { createReadBatcher, type StatementResult } from '../../src/db/read-batch.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const SEGMENT = /begin read only; set local app\.cpas_id = '([0-9a-f-]+)'; (.*?); commit/g;

/** A database that runs each segment of a message: a statement "fail" fails the message, "twice" answers two result sets. */
function fakeDatabase() {
  const messages: string[] = [];
  return {
    messages,
    exchange: async (text: string): Promise<StatementResult[]> => {
      messages.push(text);
      const results: StatementResult[] = [];
      for (const [, cpas, statement] of text.matchAll(SEGMENT)) {
        if (statement === 'fail') throw new Error('division by zero');
        results.push(
          { command: 'BEGIN', rows: [] },
          { command: 'SET', rows: [] },
          { command: 'SELECT', rows: [{ cpas, statement }] },
        );
        if (statement === 'twice') results.push({ command: 'SELECT', rows: [{ cpas, statement: 'the second' }] });
        results.push({ command: 'COMMIT', rows: [] });
      }
      return results;
    },
  };
}

t.test(
  'when reads of two CPAS arrive in the same turn, then they travel in one message and each gets its own rows',
  async (t) => {
    const database = fakeDatabase();
    const batcher = createReadBatcher(database.exchange);
    const reads = await Promise.all([
      batcher.read(A, 'select 1'),
      batcher.read(B, 'select 2'),
      batcher.read(A, 'select 3'),
    ]);
    t.equal(database.messages.length, 1, 'one message');
    t.same(reads, [
      [{ cpas: A, statement: 'select 1' }],
      [{ cpas: B, statement: 'select 2' }],
      [{ cpas: A, statement: 'select 3' }],
    ]);
    t.match(
      database.messages[0],
      /^begin read only; set local app\.cpas_id = '0+-0+-4000-8000-0+a'; select 1; commit;\nbegin read only;/,
      'each read in a read-only transaction of its own, bound first',
    );
  },
);

t.test('when reads arrive in different turns, then each turn sends its own message', async (t) => {
  const database = fakeDatabase();
  const batcher = createReadBatcher(database.exchange);
  await batcher.read(A, 'select 1');
  await batcher.read(B, 'select 2');
  t.equal(database.messages.length, 2);
});

t.test('when more reads arrive than a message holds, then they are split', async (t) => {
  const database = fakeDatabase();
  const batcher = createReadBatcher(database.exchange, { maxBatch: 4 });
  const reads = await Promise.all(Array.from({ length: 10 }, (_, i) => batcher.read(i % 2 ? A : B, `select ${i}`)));
  t.same(
    database.messages.map((m) => [...m.matchAll(SEGMENT)].length),
    [4, 4, 2],
  );
  t.same(
    reads.map((r) => r[0]!['statement']),
    Array.from({ length: 10 }, (_, i) => `select ${i}`),
    'every read its own rows, in order',
  );
});

t.test('when one read of a message fails, then it fails alone and the others answer', async (t) => {
  const database = fakeDatabase();
  const batcher = createReadBatcher(database.exchange);
  const reads = await Promise.allSettled([
    batcher.read(A, 'select 1'),
    batcher.read(B, 'fail'),
    batcher.read(A, 'select 3'),
  ]);
  t.match(reads, [
    { status: 'fulfilled', value: [{ cpas: A, statement: 'select 1' }] },
    { status: 'rejected', reason: { message: 'division by zero' } },
    { status: 'fulfilled', value: [{ cpas: A, statement: 'select 3' }] },
  ]);
  t.equal(database.messages.length, 4, 'the message, then each read alone');
});

t.test('when an answer does not line up with the reads, then no read takes rows from it', async (t) => {
  const database = fakeDatabase();
  const batcher = createReadBatcher(database.exchange);
  const reads = await Promise.allSettled([
    batcher.read(A, 'select 1'),
    batcher.read(B, 'twice'),
    batcher.read(A, 'select 3'),
  ]);
  t.match(reads, [
    { status: 'fulfilled', value: [{ cpas: A, statement: 'select 1' }] },
    { status: 'rejected', reason: { message: /does not line up/ } },
    { status: 'fulfilled', value: [{ cpas: A, statement: 'select 3' }] },
  ]);
});

t.test(
  'when the database cannot be reached, then every read of the message fails at once, without a second try',
  async (t) => {
    let messages = 0;
    const batcher = createReadBatcher(
      async () => {
        messages++;
        throw new Error('timeout exceeded when trying to connect');
      },
      { statementError: (error) => !/connect/.test((error as Error).message) },
    );
    const reads = await Promise.allSettled([batcher.read(A, 'select 1'), batcher.read(B, 'select 2')]);
    t.same(
      reads.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    t.equal(messages, 1);
  },
);
