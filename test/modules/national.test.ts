// The SPP IS views (R-IND-PRIVACY): national indicators with small cells suppressed, and the
// pseudonymised statistical extract — for spp_analyst only, every download audited, and nothing
// in any byte they return that identifies a person.
import t from 'tap';
import { strFromU8, unzipSync } from 'fflate';
import { bearer, json } from '../helpers/app.js';
import { ageBand, nationalFixture } from '../helpers/national.js';
import { piisIn } from '../helpers/piis.js';
import { PLATFORM_TENANT } from '../../src/db/tenant.js';
import { pseudonymOf, purposeKey } from '../../src/modules/national/pseudonyms.js';

const KEY = 'test-pseudonym-key-0123456789';

t.test('SPP IS views', async (t) => {
  const { h, app, big, mid, small, midManager, analyst, files, persons, leaks, get } = await nationalFixture(t);

  t.test(
    'when an analyst asks for the national indicators, then each CPAS has its figures with small cells suppressed, ' +
      'and the totals',
    async (t) => {
      const res = await get('/v1/reports/national/indicators?year=2026');
      t.equal(res.statusCode, 200, res.body.slice(0, 300));
      const body = json(res);
      t.match(body, { year: 2026, indicatorSet: 'pas-2017', rule: 'R-IND-PRIVACY' });
      const row = (kbo: string) => body.rows.find((r: any) => r.kboNumber === kbo);
      const figure = (kbo: string, key: string) => row(kbo).items.find((i: any) => i.key === key);
      t.same(
        figure(big.kbo, 'entitled.total'),
        { key: 'entitled.total', value: 6, rule: 'R-IND-ENTITLED', suppressed: null },
        '6 persons: shown',
      );
      t.same(
        figure(small.kbo, 'entitled.total'),
        { key: 'entitled.total', value: null, rule: 'R-IND-ENTITLED', suppressed: 'primary' },
        '2 persons: suppressed',
      );
      t.same(
        figure(mid.kbo, 'entitled.total'),
        { key: 'entitled.total', value: null, rule: 'R-IND-ENTITLED', suppressed: 'complementary' },
        '5 persons, the smallest other count: suppressed too, or the total would give the 2 away',
      );
      t.same(
        figure(small.kbo, 'entitled.riPercent'),
        { key: 'entitled.riPercent', value: null, rule: 'R-IND-ENTITLED', suppressed: 'primary' },
        'a share of a suppressed count is suppressed',
      );
      t.same(
        figure(big.kbo, 'outcomes.employment'),
        { key: 'outcomes.employment', value: null, rule: 'R-IND-OUTCOMES', suppressed: 'primary' },
        'one closed file: suppressed',
      );
      const total = (key: string) => body.totals.find((i: any) => i.key === key);
      t.match(
        total('entitled.total'),
        { value: 13, suppressed: null, rule: 'R-IND-ENTITLED' },
        'the national total counts every CPAS',
      );
      t.match(
        total('activationPaths'),
        {
          group: 'socialActivation',
          section: 'objectives',
          number: '2',
          label: new RegExp(
            '^Nombre total de bénéficiaires dans un trajet d’activation sociale via un PIIS \\(2 = 2\\.1 \\+ 2\\.2 ' +
              '\\+ 2\\.3\\)',
          ),
        },
        'the SPP IS’s numbering and wording',
      );
      t.match(total('progress.autonomy'), { section: 'progress', number: 'b' });
      // the small CPAS's count cannot be recomputed: the big CPAS's count in that column is suppressed too
      const column = body.rows.map((r: any) => r.items.find((i: any) => i.key === 'entitled.total'));
      t.ok(
        column.filter((c: any) => c.value === null && c.suppressed).length !== 1,
        'never a single suppressed cell in a column whose total is published',
      );
      t.same(leaks(res.body), [], 'nothing identifying in the body');
    },
  );

  t.test(
    'when the national indicators are downloaded as CSV or XLSX, then the figures come one per row with their ' +
      'suppression',
    async (t) => {
      const csv = await get('/v1/reports/national/indicators?year=2026&format=csv', analyst, {
        'accept-language': 'nl',
      });
      t.equal(csv.statusCode, 200);
      t.match(csv.headers['content-type'], /text\/csv/);
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      t.equal(
        lines[0],
        'OCMW (KBO);Naam;Nr.;Indicator;Indicator (omschrijving);Waarde;Statistisch geheim;Statistisch geheim ' +
          '(omschrijving);Regel',
      );
      t.ok(
        lines.includes(
          `${small.kbo};OCMW ${small.kbo};;entitled.total;Aantal rechthebbenden;;primary;` +
            'Verborgen: aantal van 1 tot 4 personen;R-IND-ENTITLED',
        ),
        'the suppressed cell, the labels and the Dutch name of the CPAS',
      );
      t.same(leaks(csv.body), []);
      const xlsx = await get('/v1/reports/national/indicators?year=2026', analyst, {
        accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      t.equal(xlsx.statusCode, 200);
      const files = unzipSync(new Uint8Array(xlsx.rawPayload));
      t.same(
        leaks(
          Object.values(files)
            .map((f) => strFromU8(f))
            .join('\n'),
        ),
        [],
      );
    },
  );

  t.test(
    'when a file is added or a CPAS registered after a read, then the next read shows it, in the reader’s language',
    async (t) => {
      const read = async (lang = 'fr') =>
        json(await get('/v1/reports/national/indicators?year=2026', analyst, { 'accept-language': lang }));
      const entitled = (body: any) => body.totals.find((i: any) => i.key === 'entitled.total');
      const before = await read();
      t.same(await read(), before, 'the same answer twice');
      const dutch = await read('nl');
      t.not(dutch.explanation, before.explanation, 'each language its own explanation');
      t.same(dutch.rows, before.rows, 'the same figures');
      await piisIn(app, midManager, 'active');
      const after = await read();
      t.match(entitled(before), { value: 13 });
      t.match(entitled(after), { value: 14 }, 'the new file counts at once');
      t.match(entitled(await read('nl')), { value: 14 }, 'in every language');
      const newcomer = await h.newCpas();
      const withNewcomer = await read();
      t.equal(withNewcomer.rows.length, after.rows.length + 1, 'a CPAS registered since has its row');
      t.ok(withNewcomer.rows.some((r: any) => r.kboNumber === newcomer.kbo));
    },
  );

  t.test(
    'when an analyst downloads the statistical extract, then each PIIS-year is a row under keyed pseudonyms and ' +
      'nothing identifies a person',
    async (t) => {
      const res = await get('/v1/reports/national/extract?year=2026');
      t.equal(res.statusCode, 200, res.body.slice(0, 300));
      const body = json(res);
      t.match(body, { year: 2026, purpose: 'statistics', rule: 'R-IND-PRIVACY' });
      const key = purposeKey(KEY, 'statistics');
      const ours = body.items.filter((r: any) => r.cpasKbo === big.kbo || r.cpasKbo === small.kbo);
      t.equal(ours.length, files.length, 'one row per PIIS of the year');
      const first = ours.find((r: any) => r.piis === pseudonymOf(key, files[0]!.piisId));
      t.same(
        first,
        {
          person: pseudonymOf(key, files[0]!.beneficiaryId),
          piis: pseudonymOf(key, files[0]!.piisId),
          cpasKbo: big.kbo,
          year: 2026,
          track: 'general',
          obligation: 'compulsory',
          activationCategory: '2.1',
          ageBand: ageBand(persons[0].birthDate),
          draftedMonth: '2026-02',
          signedMonth: '2026-03',
          endedMonth: null,
          closeOutcome: null,
          evaluations: 1,
          evaluationsInPerson: 1,
          interviews: 0,
          sanctions: 0,
        },
        'the pseudonyms are HMAC-SHA256 of the ids under the purpose key (computed by the database, checked here ' +
          'with node:crypto)',
      );
      t.match(
        ours.find((r: any) => r.piis === pseudonymOf(key, files[5]!.piisId)),
        { endedMonth: '2026-09', closeOutcome: 'employment' },
      );
      t.same(leaks(res.body), [], 'no NISS, no name in any byte');
      for (const id of files.flatMap((f) => [f.piisId, f.beneficiaryId]))
        t.notOk(res.body.includes(id), 'no internal id');
      const other = json(await get('/v1/reports/national/extract?year=2026&purpose=research'));
      const otherKey = purposeKey(KEY, 'research');
      t.ok(
        other.items.some((r: any) => r.piis === pseudonymOf(otherKey, files[0]!.piisId)),
        'another purpose, another key',
      );
      t.notOk(
        other.items.some((r: any) => r.person === first.person),
        'pseudonyms of two purposes cannot be linked',
      );
    },
  );

  t.test('when no year is asked, then the extract holds every PIIS-year up to the current year', async (t) => {
    const all = json(await get('/v1/reports/national/extract'));
    t.equal(all.year, null);
    t.match(all.explanation, /de 2002 à 2026/);
    const key = purposeKey(KEY, 'statistics');
    const ours = all.items.filter((r: any) => files.some((f) => r.piis === pseudonymOf(key, f.piisId)));
    t.same(
      ours.map((r: any) => r.year),
      files.map(() => 2026),
      'every test PIIS once, in 2026',
    );
  });

  t.test('when the extract is downloaded as CSV or XLSX, then every byte is free of identifiers too', async (t) => {
    const csv = await get('/v1/reports/national/extract?year=2026', analyst, { accept: 'text/csv' });
    t.equal(csv.statusCode, 200);
    t.equal(
      csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .filter((l) => l.includes(big.kbo) || l.includes(small.kbo)).length,
      files.length,
    );
    t.same(leaks(csv.body), []);
    const xlsx = await get('/v1/reports/national/extract?year=2026&format=xlsx');
    t.equal(xlsx.statusCode, 200);
    const sheets = unzipSync(new Uint8Array(xlsx.rawPayload));
    t.same(
      leaks(
        Object.values(sheets)
          .map((f) => strFromU8(f))
          .join('\n'),
      ),
      [],
    );
  });

  t.test(
    'when the views are downloaded, then each download leaves a platform audit entry naming the analyst',
    async (t) => {
      const entries = await h.db.owner<{ actor: string; action: string; entity: string }>(
        `select actor, action, entity from audit_entry where cpas_id = $1 and actor = 'spp-analyst-1' order by id`,
        [PLATFORM_TENANT],
      );
      t.ok(entries.length >= 8, `${entries.length} downloads audited`);
      t.ok(entries.some((e) => e.entity === 'statistical_extract/all/statistics'));
      t.ok(entries.every((e) => e.action === 'export'));
      t.ok(entries.some((e) => e.entity === 'statistical_extract/2026/research'));
      t.ok(entries.some((e) => e.entity === 'national_indicators/2026'));
    },
  );

  t.test(
    'when a year has not begun or a purpose is malformed, then 400, no download is audited and each refusal is',
    async (t) => {
      // downloads of the tests before may still be in the access log's buffer
      await app.deps.accessLog.flush();
      const count = async (action: string) =>
        (await h.db.owner(`select 1 from audit_entry where cpas_id = $1 and action = $2`, [PLATFORM_TENANT, action]))
          .length;
      const [exportsBefore, refusalsBefore] = [await count('export'), await count('refused')];
      const future = await get('/v1/reports/national/indicators?year=2027');
      t.equal(future.statusCode, 400);
      t.equal(json(future).code, 'validation-failed');
      t.equal((await get('/v1/reports/national/extract?year=2027')).statusCode, 400);
      t.equal((await get('/v1/reports/national/extract?purpose=Bad%20Purpose')).statusCode, 400);
      await app.deps.accessLog.flush();
      t.equal(await count('export'), exportsBefore, 'nothing was downloaded');
      t.equal(await count('refused'), refusalsBefore + 3, 'the three refusals are in the audit');
    },
  );

  t.test(
    'when a CPAS role or the platform admin asks for these views, then 403; when the analyst asks for any personal ' +
      'route, then 403',
    async (t) => {
      for (const role of ['social_worker', 'cpas_manager', 'cpas_auditor', 'integration']) {
        for (const url of ['/v1/reports/national/indicators', '/v1/reports/national/extract']) {
          const res = await get(url, await big.token(role));
          t.equal(res.statusCode, 403, `${role} ${url}`);
          t.equal(json(res).code, 'forbidden');
        }
      }
      for (const url of ['/v1/reports/national/indicators', '/v1/reports/national/extract'])
        t.equal((await get(url, h.platformToken)).statusCode, 403, `platform_admin ${url}`);
      // every route of the published document that is not the SPP IS's or public
      const doc = json(await app.inject({ method: 'GET', url: '/openapi.json' }));
      let checked = 0;
      for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
        for (const [method, op] of Object.entries<any>(item)) {
          if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
          if (op.tags?.includes('national') || op.security?.length === 0 || op.tags?.includes('meta')) continue;
          const url = path.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000');
          const res = await app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers: { ...bearer(analyst), 'content-type': 'application/json' },
            payload: method === 'get' ? undefined : '{}',
          });
          t.equal(res.statusCode, 403, `spp_analyst ${method.toUpperCase()} ${path}`);
          checked++;
        }
      }
      t.ok(checked > 30, `${checked} routes refused to the analyst`);
    },
  );
});
