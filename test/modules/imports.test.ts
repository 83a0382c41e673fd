// Bulk imports: NDJSON and CSV of beneficiaries, right decisions, assessments and PIIS drafts;
// a verdict per row with the API's own problem code and rule; re-running a file changes nothing;
// dry runs change nothing; a row's refusal never stops the others (refusals of whole files, other
// CPAS and roles, and resuming are in imports-refusals-resume.test.ts).
import t from 'tap';
import { importsFixture } from '../helpers/imports.js';
import { ndjson, runImport, type Verdict } from '../helpers/imports.js';
import { bearer } from '../helpers/app.js';
import { validNiss } from '../helpers/identifiers.js';
import { completeContent } from '../helpers/piis.js';

const brief = (rows: Verdict[]) => rows.map((r) => [r.row, r.verdict, r.code, r.rule]);

t.test('imports', async (t) => {
  const { h, a, nissA, nissB, people } = await importsFixture(t);

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
});
