// Statements prepared once per connection (src/db/prepared.ts): a unit of work's message runs its
// hot statements by name, with the same values and the same tenant binding; a statement the
// database will not prepare is sent inlined; preparing never happens inside a unit of work.
import t from 'tap';
import { CompiledQuery, sql } from 'kysely';
import { Message, PreparedStatements, refusesStatement } from '../../src/db/prepared.js';
import { NotInlinable } from '../../src/db/one-round-trip.js';
import { inTenant } from '../../src/db/tenant.js';
import { buildHarness, newBeneficiary } from '../helpers/app.js';
import { onPostgres } from '../helpers/database.js';

class StatementError extends Error {
  constructor(readonly code: string) {
    super(`statement error ${code}`);
  }
}

/** A stand-in connection: records what it is sent, refuses what `refuse` says. */
function standIn(refuse: (text: string) => Error | null = () => null) {
  const sent: string[] = [];
  return {
    sent,
    async query(text: string) {
      sent.push(text);
      const error = refuse(text);
      if (error) throw error;
      return [];
    },
  };
}

const update = CompiledQuery.raw('update piis set stage = $1 where id = $2', ['signed', 'abc']);
const message = (q: CompiledQuery) => new Message(['begin', q, 'commit']);

t.test('prepared statements, against a stand-in connection', async (t) => {
  t.test(
    'when a statement is not yet hot, then it is sent with its values inlined and nothing is prepared',
    async (t) => {
      const statements = new PreparedStatements({ hotAfter: 3, isStatementError: (e) => e instanceof StatementError });
      const client = standIn();
      t.equal(
        statements.render(client, message(update)),
        'begin;\nupdate piis set stage = $v$signed$v$ where id = $v$abc$v$;\ncommit',
      );
      await statements.prepareOn(client);
      t.same(client.sent, [], 'one use: nothing to prepare');
    },
  );

  t.test(
    'when a statement is hot, then a connection prepares it when taken and runs it by name; another connection inlines it until it has prepared it',
    async (t) => {
      const statements = new PreparedStatements({ hotAfter: 2, isStatementError: (e) => e instanceof StatementError });
      const one = standIn();
      const two = standIn();
      statements.render(one, message(update));
      statements.render(one, message(update));
      await statements.prepareOn(one);
      t.equal(one.sent.length, 1);
      t.match(one.sent[0], /^prepare piis_[0-9a-f]{24} as update piis set stage = \$1 where id = \$2$/);
      const name = /^prepare (\S+)/.exec(one.sent[0]!)![1];
      t.equal(statements.render(one, message(update)), `begin;\nexecute ${name}($v$signed$v$, $v$abc$v$);\ncommit`);
      t.equal(
        statements.render(two, message(update)),
        'begin;\nupdate piis set stage = $v$signed$v$ where id = $v$abc$v$;\ncommit',
        'not prepared on the second connection',
      );
      await statements.prepareOn(one);
      t.equal(one.sent.length, 1, 'prepared once per connection');
      await statements.prepareOn(two);
      t.equal(statements.render(two, message(update)), `begin;\nexecute ${name}($v$signed$v$, $v$abc$v$);\ncommit`);
    },
  );

  t.test(
    'when the database refuses to prepare a statement, then it is sent inlined for good and never offered again',
    async (t) => {
      const statements = new PreparedStatements({ hotAfter: 1, isStatementError: (e) => e instanceof StatementError });
      const odd = CompiledQuery.raw('select $1 is null as x', ['a']);
      const client = standIn((text) => (text.includes('is null') ? new StatementError('42P18') : null));
      statements.render(client, message(odd));
      await statements.prepareOn(client);
      t.equal(statements.render(client, message(odd)), 'begin;\nselect $v$a$v$ is null as x;\ncommit');
      const other = standIn();
      await statements.prepareOn(other);
      t.same(other.sent, [], 'a refused statement is not prepared on other connections');
    },
  );

  t.test('when a statement exists already on the connection, then it counts as prepared', async (t) => {
    const statements = new PreparedStatements({ hotAfter: 1, isStatementError: (e) => e instanceof StatementError });
    const client = standIn(() => new StatementError('42P05'));
    statements.render(client, message(update));
    await statements.prepareOn(client);
    t.match(statements.render(client, message(update)), /execute piis_/);
  });

  t.test('when the connection fails while preparing, then the failure is thrown and nothing is recorded', async (t) => {
    const statements = new PreparedStatements({ hotAfter: 1, isStatementError: (e) => e instanceof StatementError });
    const client = standIn(() => new Error('Connection terminated'));
    statements.render(client, message(update));
    await t.rejects(statements.prepareOn(client), /Connection terminated/);
    t.notMatch(statements.render(client, message(update)), /execute/, 'still inlined');
  });

  t.test(
    'when the server answers with an error, then only an error about the statement itself is a refusal',
    async (t) => {
      const cases: Array<[{ severity?: string; code?: string }, boolean, string]> = [
        [{ severity: 'ERROR', code: '42P18' }, true, 'a parameter whose type cannot be inferred'],
        [{ severity: 'ERROR', code: '0A000' }, true, 'a feature not supported'],
        [{ severity: 'FATAL', code: '57P01' }, false, 'the connection terminated by an administrator'],
        [{ severity: 'ERROR', code: '57014' }, false, 'a statement cancelled (timeout)'],
        [{ severity: 'ERROR', code: '53300' }, false, 'too many connections'],
        [{ severity: 'ERROR', code: '08006' }, false, 'a connection failure'],
        [{ severity: 'ERROR', code: 'XX000' }, false, 'an internal error'],
        [{ code: '42601' }, false, 'no severity: not an answer from the server'],
      ];
      for (const [error, refused, what] of cases) t.equal(refusesStatement(error), refused, what);
    },
  );

  t.test('when values cannot be inlined, then rendering refuses them, prepared or not', async (t) => {
    const statements = new PreparedStatements({ hotAfter: 1, isStatementError: (e) => e instanceof StatementError });
    const client = standIn();
    statements.render(client, message(update));
    await statements.prepareOn(client);
    const refusal = (values: unknown[]) => {
      try {
        statements.render(client, message(CompiledQuery.raw(update.sql, values)));
        return null;
      } catch (error) {
        return error;
      }
    };
    t.ok(refusal(['a\u0000b', 'x']) instanceof NotInlinable, 'a NUL character');
    t.ok(refusal([['an', 'array'], 'x']) instanceof NotInlinable, 'an array');
  });

  t.test('when more statements are hot than a connection may hold, then the rest are inlined', async (t) => {
    const statements = new PreparedStatements({
      hotAfter: 1,
      perConnection: 2,
      isStatementError: (e) => e instanceof StatementError,
    });
    const client = standIn();
    const queries = [1, 2, 3].map((n) => CompiledQuery.raw(`select $1::int + ${n}`, [n]));
    for (const q of queries) statements.render(client, message(q));
    await statements.prepareOn(client);
    t.equal(client.sent.length, 2);
    t.match(statements.render(client, message(queries[0]!)), /execute/);
    t.notMatch(statements.render(client, message(queries[2]!)), /execute/);
  });

  t.test('when a statement is very long (a bulk insert of many rows), then it is never prepared', async (t) => {
    const statements = new PreparedStatements({ hotAfter: 1, isStatementError: (e) => e instanceof StatementError });
    const client = standIn();
    const long = CompiledQuery.raw(`select $1::int${' + 1'.repeat(5000)}`, [1]);
    for (let i = 0; i < 3; i++) statements.render(client, message(long));
    await statements.prepareOn(client);
    t.same(client.sent, []);
    t.equal(statements.nameFor(client, long.sql), undefined);
  });

  t.test('when a parameterised query is hot, then it runs under a name, within the bound', async (t) => {
    const statements = new PreparedStatements({
      hotAfter: 2,
      perConnection: 1,
      isStatementError: (e) => e instanceof StatementError,
    });
    const client = standIn();
    t.equal(statements.nameFor(client, 'select $1::int'), undefined, 'first use: unnamed');
    t.match(statements.nameFor(client, 'select $1::int') ?? '', /^qpiis_[0-9a-f]{24}$/);
    statements.nameFor(client, 'select $1::text');
    t.equal(statements.nameFor(client, 'select $1::text'), undefined, 'past the bound: unnamed');
  });
});

t.test(
  'prepared statements on PostgreSQL',
  { skip: onPostgres ? false : 'the embedded database runs every message inlined (PostgreSQL suite)' },
  async (t) => {
    // one connection: every unit reuses the same server process, whose prepared statements soon
    // switch to a generic plan (after five runs) — the tenant must still be read at execution
    const h = await buildHarness(t, { poolSize: 1 });
    const a = await h.newCpas();
    const b = await h.newCpas();
    const mineA = await newBeneficiary(h.app, await a.token());
    const mineB = await newBeneficiary(h.app, await b.token());
    const db = h.db.database.db;
    // no cpas_id in the query: only row-level security tells the tenants apart
    const both = (tx: typeof db) => tx.selectFrom('beneficiary').select('id').where('id', 'in', [mineA.id, mineB.id]);

    t.test(
      'when the same statement runs by name for two CPAS in turn, then each unit sees its own record only',
      async (t) => {
        for (let i = 0; i < 24; i++) {
          const [cpas, mine] = i % 2 === 0 ? [a, mineA] : [b, mineB];
          const seen = await inTenant(db, cpas.id, async (_tx, session) => session.firstRows, {
            first: both(db).compile(),
          });
          t.same(
            seen.map((r) => r['id']),
            [mine.id],
            `unit ${i + 1}`,
          );
        }
        const prepared = await inTenant(db, a.id, (tx) =>
          sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where name like 'piis_%'`.execute(
            tx,
          ),
        );
        t.ok(prepared.rows[0]!.n >= 1, 'the statement was prepared on the connection');
      },
    );

    t.test(
      'when deferred writes run by name, then they write for the bound CPAS only, and a failing unit leaves nothing',
      async (t) => {
        const rename = (tx: typeof db, id: string, name: string) =>
          tx.updateTable('beneficiary').set({ given_name: name }).where('id', '=', id).compile();
        for (let i = 0; i < 8; i++) {
          await inTenant(db, a.id, async (tx, session) => {
            session.defer(rename(tx, mineA.id, `A${i}`));
            session.defer(rename(tx, mineB.id, `B${i}`)); // another CPAS's record: invisible, untouched
          });
        }
        const names = await h.db.owner<{ id: string; given_name: string }>(
          `select id, given_name from beneficiary where id = any($1)`,
          [[mineA.id, mineB.id]],
        );
        t.equal(names.find((r) => r.id === mineA.id)?.given_name, 'A7');
        t.not(names.find((r) => r.id === mineB.id)?.given_name, 'B7');
        await t.rejects(
          inTenant(db, a.id, async (tx, session) => {
            session.defer(rename(tx, mineA.id, 'never'));
            session.defer(CompiledQuery.raw('select 1 / $1::int', [0]));
          }),
          /division by zero/,
        );
        const after = await h.db.owner<{ given_name: string }>(`select given_name from beneficiary where id = $1`, [
          mineA.id,
        ]);
        t.equal(after[0]?.given_name, 'A7', 'the failing unit rolled back');
        // the connection is still usable, its prepared statements with it
        await inTenant(db, a.id, async (tx, session) => session.defer(rename(tx, mineA.id, 'A8')));
        const last = await h.db.owner<{ given_name: string }>(`select given_name from beneficiary where id = $1`, [
          mineA.id,
        ]);
        t.equal(last[0]?.given_name, 'A8');
      },
    );

    t.test(
      'when a statement cannot be prepared, then units that send it still succeed with its values inlined',
      async (t) => {
        const odd = CompiledQuery.raw('select $1 is null as missing', ['x']);
        for (let i = 0; i < 6; i++) {
          const rows = await inTenant(db, a.id, async (_tx, session) => session.firstRows, { first: odd });
          t.same(rows, [{ missing: false }], `unit ${i + 1}`);
        }
      },
    );
  },
);
