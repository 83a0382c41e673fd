// Bulk imports, continued: a file that is not UTF-8 fails whole and says why; other CPAS and roles
// are kept out; an import interrupted mid-way resumes without losing or repeating a row.
import t from 'tap';
import { importsFixture } from '../helpers/imports.js';
import { ndjson, runImport } from '../helpers/imports.js';
import pg from 'pg';
import { bearer } from '../helpers/app.js';
import { validNiss } from '../helpers/identifiers.js';
import { onPostgres } from '../helpers/database.js';

t.test('imports', async (t) => {
  const { h, a, people } = await importsFixture(t);
  const b = await h.newCpas();

  t.test('when the file is not UTF-8, then the import fails as a whole and says why', async (t) => {
    const token = await a.token('integration');
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/imports?kind=beneficiaries',
      headers: { ...bearer(token), 'content-type': 'text/csv' },
      payload: Buffer.from([0xff, 0xfe, 0x00, 0x41]),
    });
    const id = res.json().id;
    await h.app.importWorker!.tick();
    await h.app.importWorker!.idle();
    const got = (await h.app.inject({ method: 'GET', url: `/v1/imports/${id}`, headers: bearer(token) })).json();
    t.match(got, { status: 'failed', failure: 'The file is not UTF-8 text' });
  });

  t.test('when another CPAS or another role asks, then 404 or 403; a bad kind or media type is refused', async (t) => {
    const { job } = await runImport(h, a, 'beneficiaries', ndjson([people[0]!]));
    const theirs = await b.token('integration');
    for (const url of [`/v1/imports/${job.id}`, `/v1/imports/${job.id}/rows`])
      t.equal((await h.app.inject({ method: 'GET', url, headers: bearer(theirs) })).statusCode, 404, url);
    t.notOk(
      (await h.app.inject({ method: 'GET', url: '/v1/imports?limit=500', headers: bearer(theirs) }))
        .json()
        .items.some((i: { id: string }) => i.id === job.id),
    );
    for (const role of ['social_worker', 'cpas_manager', 'cpas_auditor']) {
      t.equal(
        (await h.app.inject({ method: 'GET', url: `/v1/imports/${job.id}`, headers: bearer(await a.token(role)) }))
          .statusCode,
        403,
        role,
      );
      t.equal(
        (
          await h.app.inject({
            method: 'POST',
            url: '/v1/imports?kind=beneficiaries',
            headers: { ...bearer(await a.token(role)), 'content-type': 'text/csv' },
            payload: 'a\n1\n',
          })
        ).statusCode,
        403,
        role,
      );
    }
    const token = await a.token('integration');
    t.equal(
      (
        await h.app.inject({
          method: 'POST',
          url: '/v1/imports?kind=people',
          headers: { ...bearer(token), 'content-type': 'text/csv' },
          payload: 'a\n',
        })
      ).statusCode,
      400,
    );
    t.equal(
      (
        await h.app.inject({
          method: 'POST',
          url: '/v1/imports?kind=beneficiaries',
          headers: { ...bearer(token), 'content-type': 'application/json' },
          payload: '[]',
        })
      ).statusCode,
      400,
    );
    t.equal(
      (
        await h.app.inject({
          method: 'POST',
          url: '/v1/imports?kind=beneficiaries',
          headers: { ...bearer(token), 'content-type': 'application/xml' },
          payload: '<a/>',
        })
      ).statusCode,
      415,
    );
  });

  t.test(
    'when the database connection dies in the middle of an import, then it resumes where it stopped: every row once, ' +
      'none lost',
    { skip: onPostgres ? false : 'connections are killed on PostgreSQL only' },
    async (t) => {
      const c = await h.newCpas();
      const token = await c.token('integration');
      const rows = Array.from({ length: 60 }, (_, i) => ({
        externalRef: `crash-${i}`,
        niss: validNiss(),
        givenName: 'Crash',
        familyName: `Test ${i}`,
        language: 'fr',
      }));
      // Where the kill lands must not be left to timing (a kill between two batches would only
      // drop idle connections, and the import would go on): another transaction holds row 25's
      // NISS uncommitted, so the batch of rows 25–27 waits on the unique index, in flight, when
      // the service's connections are killed. Batches of 3: rows 1–24 are in.
      const blocker = new pg.Client({ connectionString: h.db.url! });
      await blocker.connect();
      blocker.on('error', () => {});
      t.teardown(() => blocker.end().catch(() => {}));
      await blocker.query('begin');
      await blocker.query(
        `insert into beneficiary (cpas_id, id, niss, given_name, family_name, language, created_by) values ($1, ` +
          `gen_random_uuid(), $2, 'Held', 'Row', 'fr', 'test')`,
        [c.id, rows[24]!.niss],
      );
      const blockerPid = (await blocker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/imports?kind=beneficiaries',
        headers: { ...bearer(token), 'content-type': 'application/x-ndjson' },
        payload: ndjson(rows),
      });
      const id = res.json().id;
      await h.app.importWorker!.tick();
      let waiting = false;
      for (let i = 0; i < 1000 && !waiting; i++) {
        waiting =
          (
            await h.db.owner<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity where datname = current_database() and ` +
                `wait_event_type = 'Lock'`,
            )
          )[0]!.n > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 5));
      }
      t.ok(waiting, 'the batch of row 25 waits, in flight');
      await h.db.owner(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> ` +
          `pg_backend_pid() and pid <> $1`,
        [blockerPid],
      );
      await blocker.query('rollback');
      await h.app.importWorker!.idle();
      const [mid] = await h.db.owner<{ status: string; next_row: number }>(
        `select status, next_row from import_job where id = $1`,
        [id],
      );
      t.equal(mid!.status, 'running', 'interrupted mid-way: still running, its lease held');
      t.equal(mid!.next_row, 25, 'stopped after row 24: the batch in flight rolled back');
      await h.db.owner(
        `update import_job set lease_until = now() - interval '1 second' where id = $1 and status = 'running'`,
        [id],
      );
      let done = false;
      for (let i = 0; i < 200 && !done; i++) {
        await h.app.importWorker!.tick().catch(() => {});
        await h.app.importWorker!.idle();
        done =
          (await h.db.owner<{ status: string }>(`select status from import_job where id = $1`, [id]))[0]!.status ===
          'completed';
      }
      t.ok(done, 'completed after resuming');
      const verdicts = await h.db.owner<{ row_number: number; verdict: string }>(
        `select row_number, verdict from import_row where import_id = $1 order by row_number`,
        [id],
      );
      t.same(
        verdicts.map((v) => v.row_number),
        rows.map((_, i) => i + 1),
        'one verdict per row',
      );
      t.ok(
        verdicts.every((v) => v.verdict === 'created'),
        'each created once',
      );
      t.equal(
        (await h.db.owner<{ n: number }>(`select count(*)::int as n from beneficiary where cpas_id = $1`, [c.id]))[0]!
          .n,
        60,
      );
    },
  );
});
