// Reads by key of the same turn share one round trip (src/db/driver/read-batch.ts); each keeps
// its own CPAS, its own rows and its own failure. Here against a stand-in for PostgreSQL that
// runs the statements of a round trip in order and, like the server after a failure, skips the
// rest; tenancy.test.ts runs the same against the real database.
import t from 'tap';
import type { CompiledQuery } from 'kysely';
import { createReadBatcher } from '../../src/db/driver/read-batch.js';
import type { PipelineError, StatementResult } from '../../src/db/driver/pipeline.js';
import { readSegment } from '../../src/db/tenant.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

/** A read's statements as the service sends them, with a stand-in select. */
const read = (cpasId: string, text: string) =>
  readSegment(cpasId, { sql: text, parameters: [], query: null } as unknown as CompiledQuery);

/** A database that runs statements in order: "fail" fails (the rest are skipped), a binding sets the tenant. */
function fakeDatabase() {
  const trips: Array<readonly CompiledQuery[]> = [];
  return {
    trips,
    exchange: async (statements: readonly CompiledQuery[]): Promise<StatementResult[]> => {
      trips.push(statements);
      const results: StatementResult[] = [];
      let cpas: unknown = null;
      for (const s of statements) {
        if (s.sql === 'fail') {
          const error: PipelineError = new Error('division by zero');
          error.completed = results;
          throw error;
        }
        if (s.sql.includes('set_config')) cpas = s.parameters[0];
        const rows = s.sql.startsWith('select ') && !s.sql.includes('set_config') ? [{ cpas, statement: s.sql }] : [];
        results.push({ command: s.sql.split(' ')[0]!.toUpperCase(), rows, rowCount: rows.length });
      }
      return results;
    },
  };
}

t.test(
  'when reads of two CPAS arrive in the same turn, then they travel in one round trip and each gets its own rows',
  async (t) => {
    const database = fakeDatabase();
    const batcher = createReadBatcher(database.exchange);
    const reads = await Promise.all([
      batcher.read(read(A, 'select 1'), 2),
      batcher.read(read(B, 'select 2'), 2),
      batcher.read(read(A, 'select 3'), 2),
    ]);
    t.equal(database.trips.length, 1, 'one round trip');
    t.same(reads, [
      [{ cpas: A, statement: 'select 1' }],
      [{ cpas: B, statement: 'select 2' }],
      [{ cpas: A, statement: 'select 3' }],
    ]);
    t.same(
      database.trips[0]!.slice(0, 5).map((s) => [s.sql, s.parameters]),
      [
        ['begin read only', []],
        [`select set_config('app.cpas_id', $1, true)`, [A]],
        ['select 1', []],
        ['commit', []],
        ['begin read only', []],
      ],
      'each read in a read-only transaction of its own, its tenant a bind parameter',
    );
  },
);

t.test('when reads arrive in different turns, then each turn sends its own round trip', async (t) => {
  const database = fakeDatabase();
  const batcher = createReadBatcher(database.exchange);
  await batcher.read(read(A, 'select 1'), 2);
  await batcher.read(read(B, 'select 2'), 2);
  t.equal(database.trips.length, 2);
});

t.test('when more reads arrive than a round trip holds, then they are split', async (t) => {
  const database = fakeDatabase();
  const batcher = createReadBatcher(database.exchange, { maxBatch: 4 });
  const reads = await Promise.all(
    Array.from({ length: 10 }, (_, i) => batcher.read(read(i % 2 ? A : B, `select ${i}`), 2)),
  );
  t.same(
    database.trips.map((m) => m.length / 4),
    [4, 4, 2],
  );
  t.same(
    reads.map((r) => r[0]!['statement']),
    Array.from({ length: 10 }, (_, i) => `select ${i}`),
    'every read its own rows, in order',
  );
});

t.test(
  'when one read fails, then it fails alone: the reads before it answer, the reads after it go again',
  async (t) => {
    const database = fakeDatabase();
    const batcher = createReadBatcher(database.exchange);
    const reads = await Promise.allSettled([
      batcher.read(read(A, 'select 1'), 2),
      batcher.read(read(B, 'fail'), 2),
      batcher.read(read(A, 'select 3'), 2),
      batcher.read(read(B, 'select 4'), 2),
    ]);
    t.match(reads, [
      { status: 'fulfilled', value: [{ cpas: A, statement: 'select 1' }] },
      { status: 'rejected', reason: { message: 'division by zero' } },
      { status: 'fulfilled', value: [{ cpas: A, statement: 'select 3' }] },
      { status: 'fulfilled', value: [{ cpas: B, statement: 'select 4' }] },
    ]);
    t.same(
      database.trips.map((m) => m.length / 4),
      [4, 2],
      'the batch, then the two reads after the failure together',
    );
  },
);

t.test(
  'when the database cannot be reached, then every read of the round trip fails at once, without a second try',
  async (t) => {
    let trips = 0;
    const batcher = createReadBatcher(
      async () => {
        trips++;
        throw new Error('timeout exceeded when trying to connect');
      },
      { statementError: (error) => !/connect/.test((error as Error).message) },
    );
    const reads = await Promise.allSettled([
      batcher.read(read(A, 'select 1'), 2),
      batcher.read(read(B, 'select 2'), 2),
    ]);
    t.same(
      reads.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    t.equal(trips, 1);
  },
);
