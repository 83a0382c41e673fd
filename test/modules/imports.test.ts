// Bulk imports: NDJSON and CSV of beneficiaries, right decisions, assessments and PIIS drafts;
// a verdict per row with the API's own problem code and rule; re-running a file changes nothing;
// dry runs change nothing; a row's refusal never stops the others; an import interrupted mid-way
// resumes without losing or repeating a row; other CPAS and roles are kept out.
import t from 'tap';
import pg from 'pg';
import { bearer, buildHarness, type Harness, type TestCpas } from '../helpers/app.js';
import { validNiss } from '../helpers/identifiers.js';
import { completeContent } from '../helpers/piis.js';
import { onPostgres } from '../helpers/database.js';

interface Import {
  id: string;
  status: string;
  totalRows: number | null;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  failure: string | null;
}
interface Verdict {
  row: number;
  externalRef: string | null;
  verdict: string;
  recordId: string | null;
  code: string | null;
  rule: string | null;
  detail: string | null;
}

const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

async function runImport(
  h: Harness,
  cpas: TestCpas,
  kind: string,
  body: string,
  options: { csv?: boolean; dryRun?: boolean } = {},
) {
  const token = await cpas.token('integration', 'vendor-import');
  const res = await h.app.inject({
    method: 'POST',
    url: `/v1/imports?kind=${kind}${options.dryRun ? '&dryRun=true' : ''}`,
    headers: { ...bearer(token), 'content-type': options.csv ? 'text/csv' : 'application/x-ndjson' },
    payload: body,
  });
  if (res.statusCode !== 202) throw new Error(`createImport: ${res.statusCode} ${res.body}`);
  const id = res.json<Import>().id;
  for (let i = 0; i < 400; i++) {
    await h.app.importWorker!.tick();
    await h.app.importWorker!.idle();
    const got = (
      await h.app.inject({ method: 'GET', url: `/v1/imports/${id}`, headers: bearer(token) })
    ).json<Import>();
    if (got.status === 'completed' || got.status === 'failed') {
      const rows = (
        await h.app.inject({ method: 'GET', url: `/v1/imports/${id}/rows?limit=500`, headers: bearer(token) })
      ).json<{ items: Verdict[] }>().items;
      return { job: got, rows, location: res.headers.location };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const brief = (rows: Verdict[]) => rows.map((r) => [r.row, r.verdict, r.code, r.rule]);

t.test('imports', async (t) => {
  const h = await buildHarness(t, { imports: { tickMs: 60_000, batchSize: 3 } });
  const a = await h.newCpas();
  const b = await h.newCpas();
  const nissA = validNiss();
  const nissB = validNiss();
  const people = [
    { externalRef: 'p-1', niss: nissA, givenName: 'Anna', familyName: 'Peeters', language: 'nl' },
    { externalRef: 'p-2', niss: nissB, givenName: 'Luc', familyName: 'Dubois', language: 'fr' },
    { externalRef: 'p-3', niss: '85073003329', givenName: 'Bad', familyName: 'Niss', language: 'fr' },
    { niss: validNiss(), givenName: 'No', familyName: 'Ref', language: 'fr' },
    '{not json',
    { externalRef: 'p-6', niss: validNiss(), givenName: 'Extra', familyName: 'Field', language: 'de', shoeSize: 44 },
    { externalRef: 'p-7', niss: nissA, givenName: 'Same', familyName: 'Niss', language: 'nl' },
  ];

  t.test(
    'when beneficiaries are imported from NDJSON, then each row has its verdict with the code and rule the API would ' +
      'give, and the others go through',
    async (t) => {
      const { job, rows, location } = await runImport(h, a, 'beneficiaries', ndjson(people));
      t.equal(location, `/v1/imports/${job.id}`);
      t.match(job, {
        status: 'completed',
        totalRows: 7,
        processedRows: 7,
        created: 2,
        updated: 0,
        unchanged: 0,
        rejected: 5,
        dryRun: false,
        failure: null,
      });
      t.same(brief(rows), [
        [1, 'created', null, null],
        [2, 'created', null, null],
        [3, 'rejected', 'invalid-niss', 'R-ID-NISS'],
        [4, 'rejected', 'validation-failed', null],
        [5, 'rejected', 'validation-failed', null],
        [6, 'rejected', 'validation-failed', null],
        [7, 'rejected', 'duplicate-beneficiary', null],
      ]);
      t.equal(rows[6]!.recordId, rows[0]!.recordId, 'the duplicate names the existing record');
      t.notMatch(JSON.stringify(rows), new RegExp(`${nissA}|Peeters|Anna`), 'verdicts carry no personal data');
      const got = await h.app.inject({
        method: 'GET',
        url: `/v1/beneficiaries/${rows[0]!.recordId}`,
        headers: bearer(await a.token()),
      });
      t.match(got.json(), { givenName: 'Anna', externalRef: 'p-1', niss: nissA });
      const audit = await h.db.owner<{ actor: string }>(
        `select actor from audit_entry
         where cpas_id = $1 and entity = 'beneficiary' and entity_id = $2 and action = 'create'`,
        [a.id, rows[0]!.recordId],
      );
      t.same(audit, [{ actor: 'vendor-import' }], 'the change is audited with the uploader as actor');
    },
  );

  t.test('when the same file is imported again, then nothing changes: unchanged rows, the same refusals', async (t) => {
    const before = (
      await h.db.owner<{ n: number }>(`select count(*)::int as n from beneficiary where cpas_id = $1`, [a.id])
    )[0]!.n;
    const { job, rows } = await runImport(h, a, 'beneficiaries', ndjson(people));
    t.match(job, { created: 0, updated: 0, unchanged: 2, rejected: 5 });
    t.same(brief(rows).slice(0, 2), [
      [1, 'unchanged', null, null],
      [2, 'unchanged', null, null],
    ]);
    t.equal(
      (await h.db.owner<{ n: number }>(`select count(*)::int as n from beneficiary where cpas_id = $1`, [a.id]))[0]!.n,
      before,
    );
  });

  t.test('when a row changes a beneficiary, then it is updated; as CSV the same', async (t) => {
    const csv =
      'externalRef,niss,givenName,familyName,language\r\n' +
      `p-1,${nissA},Anna-Maria,Peeters,nl\r\np-2,${nissB},Luc,"Dubois, Jr.",fr\r\n`;
    const { job, rows } = await runImport(h, a, 'beneficiaries', csv, { csv: true });
    t.match(job, { totalRows: 2, updated: 2 });
    const got = await h.app.inject({
      method: 'GET',
      url: `/v1/beneficiaries/${rows[1]!.recordId}`,
      headers: bearer(await a.token()),
    });
    t.equal(got.json().familyName, 'Dubois, Jr.', 'a quoted CSV field with a comma');
  });

  t.test(
    'when right decisions are imported as CSV naming persons by their externalRef, then rules apply per row and ' +
      'facts are never overwritten',
    async (t) => {
      const csv = [
        'externalRef,beneficiaryExternalRef,kind,category,decidedOn,startsOn,monthlyAmountCents',
        'r-1,p-1,ri,isolated,2026-01-05,2026-01-05,130000',
        'r-2,p-2,ri,cohabitant,2026-02-01,2026-02-01,90000',
        'r-3,p-404,ri,isolated,2026-01-05,2026-01-05,130000',
        'r-4,p-1,ri,isolated,2999-01-05,2999-01-05,130000',
        'r-5,p-1,ri,isolated,2026-01-05,2026-01-05',
      ].join('\n');
      const first = await runImport(h, a, 'right_decisions', csv, { csv: true });
      t.same(brief(first.rows), [
        [1, 'created', null, null],
        [2, 'created', null, null],
        [3, 'rejected', 'not-found', null],
        [4, 'rejected', 'date-in-future', null],
        [5, 'rejected', 'validation-failed', null],
      ]);
      const again = await runImport(h, a, 'right_decisions', csv, { csv: true });
      t.same(brief(again.rows).slice(0, 2), [
        [1, 'unchanged', null, null],
        [2, 'unchanged', null, null],
      ]);
      const changed = csv.replace(
        'r-2,p-2,ri,cohabitant,2026-02-01,2026-02-01,90000',
        'r-2,p-2,ri,cohabitant,2026-02-01,2026-02-01,95000',
      );
      const third = await runImport(h, a, 'right_decisions', changed, { csv: true });
      t.same(
        brief(third.rows)[1],
        [2, 'rejected', 'duplicate-external-ref', 'R-CORRECT'],
        'a fact is corrected, not re-imported',
      );
    },
  );

  t.test(
    'when assessments and PIIS drafts are imported, then they are created, unchanged on a re-run, and a draft is ' +
      'updated when its row changes',
    async (t) => {
      const assessments = ndjson([
        {
          externalRef: 'a-1',
          beneficiaryExternalRef: 'p-1',
          performedOn: '2026-02-20',
          kind: 'initial',
          participationRung: 2,
          domainScores: [{ domain: 'employment', score: 2 }],
        },
      ]);
      t.same(brief((await runImport(h, a, 'assessments', assessments)).rows), [[1, 'created', null, null]]);
      t.same(brief((await runImport(h, a, 'assessments', assessments)).rows), [[1, 'unchanged', null, null]]);
      const draft = {
        externalRef: 'd-1',
        beneficiaryExternalRef: 'p-1',
        track: 'general',
        obligation: 'compulsory',
        draftedOn: '2026-02-25',
        ...completeContent(),
      };
      const created = await runImport(h, a, 'piis', ndjson([draft]));
      t.same(brief(created.rows), [[1, 'created', null, null]]);
      t.same(brief((await runImport(h, a, 'piis', ndjson([draft]))).rows), [[1, 'unchanged', null, null]]);
      const updated = await runImport(h, a, 'piis', ndjson([{ ...draft, supplementaryAid: 'Bus pass' }]));
      t.same(brief(updated.rows), [[1, 'updated', null, null]]);
      const piis = await h.app.inject({
        method: 'GET',
        url: `/v1/piis/${created.rows[0]!.recordId}`,
        headers: bearer(await a.token()),
      });
      t.equal(piis.json().supplementaryAid, 'Bus pass');
    },
  );

  t.test(
    'when one batch names an externalRef twice, then the second row sees what the first wrote; a person named by id ' +
      'is found whatever its case',
    async (t) => {
      const personId = (
        await h.db.owner<{ id: string }>(`select id from beneficiary where cpas_id = $1 and external_ref = 'p-2'`, [
          a.id,
        ])
      )[0]!.id;
      const draft = {
        externalRef: 'd-2',
        beneficiaryId: personId.toUpperCase(),
        track: 'general',
        obligation: 'compulsory',
        draftedOn: '2026-02-25',
        ...completeContent(),
      };
      const { rows } = await runImport(
        h,
        a,
        'piis',
        ndjson([draft, { ...draft, supplementaryAid: 'Crèche' }, { ...draft, supplementaryAid: 'Crèche' }]),
      );
      t.same(brief(rows), [
        [1, 'created', null, null],
        [2, 'updated', null, null],
        [3, 'unchanged', null, null],
      ]);
      t.equal(new Set(rows.map((r) => r.recordId)).size, 1, 'one record');
    },
  );

  t.test('when an import is a dry run, then every row gets its verdict and nothing is written', async (t) => {
    const rows = [
      { externalRef: 'dry-1', niss: validNiss(), givenName: 'Dry', familyName: 'Run', language: 'fr' },
      { externalRef: 'dry-2', niss: '85073003329', givenName: 'X', familyName: 'Y', language: 'fr' },
    ];
    const { job, rows: verdicts } = await runImport(h, a, 'beneficiaries', ndjson(rows), { dryRun: true });
    t.match(job, { dryRun: true, created: 1, rejected: 1 });
    t.same(brief(verdicts), [
      [1, 'created', null, null],
      [2, 'rejected', 'invalid-niss', 'R-ID-NISS'],
    ]);
    t.same(
      await h.db.owner(`select id from beneficiary where cpas_id = $1 and external_ref = 'dry-1'`, [a.id]),
      [],
      'nothing written',
    );
    t.same(
      await h.db.owner(`select id from outbox_event where cpas_id = $1 and entity_id = $2`, [
        a.id,
        verdicts[0]!.recordId,
      ]),
      [],
      'no event either',
    );
  });

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
