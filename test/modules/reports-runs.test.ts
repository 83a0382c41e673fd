// The CPAS's reports over HTTP, continued: nothing of this CPAS for another CPAS, an analyst or a
// platform admin; the indicators with their rules; downloads as CSV or XLSX in the reader's
// language; frozen runs; an invalid query.
import t from 'tap';
import { bearer, json } from '../helpers/app.js';
import { oneCpas } from '../helpers/one-cpas.js';
import { piisIn, post } from '../helpers/piis.js';
import { strFromU8, unzipSync } from 'fflate';

t.test('reports of a CPAS', async (t) => {
  const { h, cpas, manager, app } = await oneCpas(t);
  const report = (qs: string, token = manager) =>
    app.inject({ method: 'GET', url: `/v1/reports/subsidy${qs}`, headers: bearer(token) });

  // RI granted 2026-01-05 (1300 €), PIIS signed 2026-03-09: code 11 from 2026-03 (R-SUB-START)
  const active = await piisIn(app, manager, 'active');

  t.test(
    'when another CPAS, an SPP IS analyst or a platform admin asks, then they get nothing of this CPAS',
    async (t) => {
      const other = await h.newCpas();
      const theirs = json(
        await report(`?year=2026&beneficiaryId=${active.beneficiaryId}`, await other.token('cpas_manager')),
      );
      t.same(theirs.items, [], 'another CPAS: none of these persons');
      t.equal(theirs.totals.months, 0);
      for (const role of ['spp_analyst', 'platform_admin']) {
        const res = await report('?year=2026', await h.keys.token({ sub: role, roles: [role] }));
        t.equal(res.statusCode, 403, `${role}: 403`);
      }
      for (const role of ['social_worker', 'cpas_auditor']) {
        t.equal(
          (await report('?year=2026', await cpas.token(role))).statusCode,
          403,
          `${role}: 403 (CPAS reports are the manager's)`,
        );
      }
      t.equal((await report('?year=2026', await cpas.token('integration'))).statusCode, 200, 'integration: 200');
    },
  );

  t.test(
    'when a manager asks for the indicators of a year, then every key of the contract is there with its rule, ' +
      'counted from this CPAS only',
    async (t) => {
      const own = await h.newCpas();
      const ownManager = await own.token('cpas_manager');
      await piisIn(app, ownManager, 'active');
      const res = await app.inject({
        method: 'GET',
        url: '/v1/reports/indicators?year=2026',
        headers: bearer(ownManager),
      });
      t.equal(res.statusCode, 200, res.body.slice(0, 300));
      const body = json(res);
      t.equal(body.year, 2026);
      t.equal(body.indicatorSet, 'pas-2017');
      const keys = [
        'assessments',
        'activationPaths',
        'activationPaths.2.1',
        'activationPaths.2.2',
        'activationPaths.2.3',
        'outcomes.socioProfessional',
        'outcomes.autonomy',
        'outcomes.volunteering',
        'outcomes.employment',
        'progress',
        'entitled.total',
        'entitled.ri',
        'entitled.inPath',
        'compliance.concludedInTime',
        'compliance.fullReflection',
        'compliance.evaluationFrequency',
        'compliance.interviewsInTime',
        'compliance.medianDaysToSignature',
      ];
      for (const key of keys)
        t.ok(
          body.items.some((i: any) => i.key === key && /^R-/.test(i.rule) && i.explanation.length > 0),
          `${key} with its rule and explanation`,
        );
      const value = (key: string) => body.items.find((i: any) => i.key === key).value;
      t.same(
        [
          'assessments',
          'activationPaths',
          'activationPaths.2.1',
          'entitled.total',
          'entitled.ri',
          'entitled.inPath',
          'compliance.concludedInTime',
          'compliance.fullReflection',
          'compliance.medianDaysToSignature',
        ].map(value),
        [1, 1, 1, 1, 1, 1, 100, 100, 63],
        'one person: assessed, in path 2.1, concluded in time after the full reflection, 63 days after the grant',
      );
      t.equal(value('compliance.interviewsInTime'), null, 'no interview asked: no share');
      const old = json(
        await app.inject({ method: 'GET', url: '/v1/reports/indicators?year=2016', headers: bearer(ownManager) }),
      );
      t.equal(old.indicatorSet, 'convention-2015-2016');
      t.equal(old.items.find((i: any) => i.key === 'entitled.total').value, 0);
      t.equal(
        (
          await app.inject({
            method: 'GET',
            url: '/v1/reports/indicators?year=2026',
            headers: bearer(await h.keys.token({ sub: 'spp', roles: ['spp_analyst'] })),
          })
        ).statusCode,
        403,
        'spp_analyst: 403',
      );
    },
  );

  t.test(
    'when a manager downloads the reports as CSV or XLSX, then the rows come with headers in their language and ' +
      'typed cells',
    async (t) => {
      const csv = await app.inject({
        method: 'GET',
        url: `/v1/reports/subsidy?year=2026&beneficiaryId=${active.beneficiaryId}&format=csv`,
        headers: { ...bearer(manager), 'accept-language': 'fr-BE' },
      });
      t.equal(csv.statusCode, 200, csv.body.slice(0, 200));
      t.match(csv.headers['content-type'], /^text\/csv; charset=utf-8/);
      t.match(csv.headers['content-disposition'], /attachment; filename="subsidy-2026.csv"/);
      const lines = csv.rawPayload.subarray(3).toString('utf8').split('\r\n');
      t.equal(
        lines[0],
        'Bénéficiaire;NISS;Nom;Prénom;Mois;Code;Code formulaire;Code formulaire (libellé);RI accordé (€);Subvention ' +
          '10 % (€);PIIS;Règle;Explication',
        'headers in French, each person named by NISS and name',
      );
      t.match(
        lines[3],
        new RegExp(
          `^${active.beneficiaryId};\\d{11};[^;]+;[^;]+;2026-03-01;11;11;Première période de ` +
            `subvention;1300,00;130,00;${active.piisId};R-SUB-FIRST;"Code 11 : mars 2026 fait partie`,
        ),
        'a code-11 month with its label, amounts in euros with a decimal comma, the explanation in French',
      );
      t.equal(lines.length, 12 + 2, 'a header, 12 months and the final line break');

      const xlsx = await app.inject({
        method: 'GET',
        url: '/v1/reports/indicators?year=2026',
        headers: {
          ...bearer(manager),
          accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'accept-language': 'de',
        },
      });
      t.equal(xlsx.statusCode, 200);
      t.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const files = unzipSync(new Uint8Array(xlsx.rawPayload));
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
      t.match(sheet, /<t>Abschnitt<\/t>.*<t>Nr\.<\/t>.*<t>Indikator<\/t>.*<t>Wert<\/t>/, 'headers in German');
      t.match(
        sheet,
        new RegExp(
          [
            '<t>Quantitative Ziele</t></is></c>',
            '<c r="C2" t="inlineStr"><is><t>1</t></is></c>',
            '<c r="D2" t="inlineStr"><is><t>assessments</t></is></c>',
            '<c r="E2" t="inlineStr"><is><t>',
            'Gesamtzahl der Begünstigten, für die eine Sozialbilanz erstellt wird[^<]*</t></is></c>',
            '<c r="F2"><v>\\d+</v></c>',
          ].join(''),
        ),
        'the section, the SPP IS number, the code, its label in German (the SPP IS’s wording), a count as a number',
      );

      const pdf = await app.inject({
        method: 'GET',
        url: '/v1/reports/indicators?year=2026',
        headers: { ...bearer(manager), accept: 'application/pdf' },
      });
      t.equal(pdf.statusCode, 406);
      const bad = await app.inject({
        method: 'GET',
        url: '/v1/reports/indicators?year=2026&format=pdf',
        headers: bearer(manager),
      });
      t.equal(bad.statusCode, 400);
    },
  );

  t.test(
    'when a manager freezes a report, then the run keeps its figures, rule versions and inputs hash, unchanged by ' +
      'later corrections',
    async (t) => {
      const own = await h.newCpas();
      const ownManager = await own.token('cpas_manager');
      const f = await piisIn(app, ownManager, 'active');
      const frozen = await post(app, ownManager, '/v1/reports/runs', { report: 'subsidy', year: 2026 });
      t.equal(frozen.statusCode, 201, frozen.body.slice(0, 300));
      const run = json(frozen);
      t.match(run, {
        report: 'subsidy',
        year: 2026,
        subsidy: null,
        inputsChanged: false,
        inputsHash: /^[0-9a-f]{64}$/,
      });
      t.equal(run.figures.totals.subsidyCents, 130000, 'ten code-11 months of 130 €');
      t.ok(
        run.ruleVersions.some((r: any) => r.id === 'R-SUB-FIRST' && r.effectiveFrom === '2016-11-01'),
        'the rule versions used',
      );
      const again = json(
        await app.inject({ method: 'GET', url: `/v1/reports/runs/${run.id}`, headers: bearer(ownManager) }),
      );
      t.same({ ...again, frozenAt: run.frozenAt }, run, 'read back as frozen, inputs unchanged');
      const second = json(await post(app, ownManager, '/v1/reports/runs', { report: 'subsidy', year: 2026 }));
      t.equal(second.inputsHash, run.inputsHash, 'the same facts hash the same');

      // a correction afterwards: the right ends in October
      t.equal(
        (
          await post(app, ownManager, `/v1/beneficiaries/${f.beneficiaryId}/rights`, {
            kind: 'end',
            decidedOn: '2026-10-20',
            startsOn: '2026-10-01',
          })
        ).statusCode,
        201,
      );
      const live = json(await report('?year=2026', ownManager));
      t.equal(live.totals.subsidyCents, 7 * 13000, 'the live report follows the correction');
      const later = json(
        await app.inject({ method: 'GET', url: `/v1/reports/runs/${run.id}`, headers: bearer(ownManager) }),
      );
      t.equal(later.figures.totals.subsidyCents, 130000, 'the frozen run does not change');
      t.equal(later.inputsChanged, true, 'and says its inputs changed since');

      for (const report of ['indicators', 'pas-modules'])
        t.equal(
          (await post(app, ownManager, '/v1/reports/runs', { report, year: 2026 })).statusCode,
          201,
          `${report} frozen`,
        );
      t.equal(
        (await post(app, ownManager, '/v1/reports/runs', { report: 'justification', year: 2026, subsidy: 'piis10' }))
          .statusCode,
        201,
      );
      t.match(json(await post(app, ownManager, '/v1/reports/runs', { report: 'justification', year: 2026 })), {
        status: 400,
        errors: [{ path: '/body/subsidy' }],
      });
      t.equal(
        (await app.inject({ method: 'GET', url: `/v1/reports/runs/${run.id}`, headers: bearer(manager) })).statusCode,
        404,
        'another CPAS: no such run',
      );
    },
  );

  t.test('when the query is not valid, then 400', async (t) => {
    for (const qs of ['?year=1999', '?year=20x6', '?beneficiaryId=nope', '?month=3']) {
      const res = await report(qs);
      t.equal(res.statusCode, 400, `${qs}: 400`);
      t.equal(json(res).code, 'validation-failed');
    }
  });
});
