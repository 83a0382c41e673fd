// getSubsidyReport over HTTP: the months of a year per beneficiary with their codes, amounts, rule
// and explanation (R-SUB-*), couples settled together, nothing of another CPAS, and the roles.
import t from 'tap';
import { bearer, buildHarness, json, newBeneficiary } from '../helpers/app.js';
import { piisIn, post } from '../helpers/piis.js';
import { strFromU8, unzipSync } from 'fflate';

t.test('subsidy report', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const worker = await cpas.token('social_worker');
  const manager = await cpas.token('cpas_manager');
  const app = h.app;
  const report = (qs: string, token = manager) =>
    app.inject({ method: 'GET', url: `/v1/reports/subsidy${qs}`, headers: bearer(token) });

  // RI granted 2026-01-05 (1300 €), PIIS signed 2026-03-09: code 11 from 2026-03 (R-SUB-START)
  const active = await piisIn(app, manager, 'active');

  t.test(
    'when a manager asks for a year, then each month of the person carries its code, amounts, rule and explanation',
    async (t) => {
      const res = await report(`?year=2026&beneficiaryId=${active.beneficiaryId}`);
      t.equal(res.statusCode, 200, res.body.slice(0, 300));
      const body = json(res);
      t.equal(body.year, 2026);
      t.same(
        body.items.map((m: any) => [m.month, m.code, m.formCode, m.riCents, m.subsidyCents]),
        [
          ['2026-01', null, null, 113226, 0],
          ['2026-02', null, null, 130000, 0],
          ...['03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => [
            `2026-${m}`,
            11,
            11,
            130000,
            13000,
          ]),
        ],
        'R-SUB-FIRST: January pro rata from the 5th; code 11 from the signature month',
      );
      t.same(body.items[0], {
        beneficiaryId: active.beneficiaryId,
        month: '2026-01',
        code: null,
        formCode: null,
        riCents: 113226,
        subsidyCents: 0,
        piisId: null,
        rule: 'R-SUB-START',
        explanation: body.items[0].explanation,
      });
      t.match(
        body.items[0].explanation,
        /due à partir du dimanche 1 mars 2026.*octroyé en janvier 2026 : 1\s300,00\s€ × 27\/31 jours = 1\s132,26\s€/,
      );
      t.match(body.items[2], { code: 11, rule: 'R-SUB-FIRST', piisId: active.piisId });
      t.same(body.totals, {
        months: 12,
        riCents: 113226 + 11 * 130000,
        subsidyCents: 10 * 13000,
        code11: { months: 10, riCents: 10 * 130000, subsidyCents: 10 * 13000 },
        code17: { months: 0, riCents: 0, subsidyCents: 0 },
        student: { months: 0, riCents: 0 },
        exemptedMonths: 0,
      });
      const next = json(await report(`?year=2027&beneficiaryId=${active.beneficiaryId}`));
      t.same(
        next.items.map((m: any) => m.code),
        [11, 11, null, null, null, null, null, null, null, null, null, null],
        'R-SUB-SECOND: no code 17 without a motivated request',
      );
      t.equal(next.items[2].rule, 'R-SUB-SECOND');
    },
  );

  t.test(
    'when a manager records a motivated request for a second year, then it carries its verdict and the report ' +
      'follows it (R-SUB-SECOND)',
    async (t) => {
      const f = await piisIn(app, manager, 'active');
      const asked = await post(app, manager, `/v1/piis/${f.piisId}/subsidy-extension-requests`, {
        requestedOn: '2026-11-20',
        motivation: 'Far from any integration: housing first',
      });
      t.equal(asked.statusCode, 201, asked.body);
      t.match(json(asked).verdict, { value: true, rule: 'R-SUB-SECOND' });
      t.match(
        json(asked).verdict.explanation,
        /demande écrite et motivée du vendredi 20 novembre 2026 : le PIIS est en vigueur le dimanche 28 février 2027/,
      );
      const months = json(await report(`?year=2027&beneficiaryId=${f.beneficiaryId}`)).items as any[];
      t.same(
        months.map((m) => m.code),
        [11, 11, 17, null, null, null, null, null, null, null, null, null],
        'code 17 from the month after the first period, while the PIIS is in force (it ends on 2027-03-09)',
      );
      t.match(months[2], { formCode: 17, subsidyCents: 13000, rule: 'R-SUB-SECOND' });
      t.match(months[3], {
        code: null,
        rule: 'R-SUB-SECOND',
        explanation: /n’est pas en vigueur en avril 2027 \(il a pris fin le mardi 9 mars 2027\)/,
      });

      const job = await post(app, worker, `/v1/beneficiaries/${f.beneficiaryId}/situations`, {
        kind: 'employment',
        startsOn: '2026-10-01',
        endsOn: '2026-10-31',
      });
      t.equal(job.statusCode, 201, job.body);
      const listed = json(
        await app.inject({
          method: 'GET',
          url: `/v1/piis/${f.piisId}/subsidy-extension-requests`,
          headers: bearer(worker),
        }),
      );
      t.match(
        listed.items[0].verdict,
        { value: false, rule: 'R-SUB-SECOND' },
        'a job found (then lost) before the first year ended: lost',
      );
      t.match(listed.items[0].verdict.explanation, /a trouvé un emploi le jeudi 1 octobre 2026/);
      const after = json(await report(`?year=2027&beneficiaryId=${f.beneficiaryId}`)).items as any[];
      t.equal(after[2].code, null, 'the report follows the verdict');
    },
  );

  t.test(
    'when a sanction suspends RI, then the month’s RI and subsidy are reduced by the suspended share',
    async (t) => {
      const f = await piisIn(app, manager, 'active');
      const notice = json(
        await post(app, manager, `/v1/piis/${f.piisId}/notices`, {
          issuedOn: '2026-09-01',
          breach: 'Missed sessions',
          complyBy: '2026-09-10',
        }),
      );
      const s = await post(app, manager, `/v1/piis/${f.piisId}/sanctions`, {
        noticeId: notice.id,
        decidedOn: '2026-10-01',
        notifiedOn: '2026-10-02',
        hearing: { requested: false },
        noLegitimateReason: true,
        suspensionStartsOn: '2026-11-01',
        suspensionEndsOn: '2026-11-15',
      });
      t.equal(s.statusCode, 201, s.body);
      const november = json(await report(`?year=2026&beneficiaryId=${f.beneficiaryId}`)).items.find(
        (m: any) => m.month === '2026-11',
      );
      t.match(
        november,
        { code: 11, riCents: 130000 - 65000, subsidyCents: 6500 },
        'R-SUB-FIRST: 15 of 30 days suspended',
      );
    },
  );

  t.test(
    'R-SANCTION-LENGTH: when a sanction suspends a share of the RI, or is suspended (sursis), then only what is ' +
      'actually suspended is taken off',
    async (t) => {
      const sanction = async (over: Record<string, unknown>) => {
        const f = await piisIn(app, manager, 'active');
        const notice = json(
          await post(app, manager, `/v1/piis/${f.piisId}/notices`, {
            issuedOn: '2026-09-01',
            breach: 'Missed sessions',
            complyBy: '2026-09-10',
          }),
        );
        const s = await post(app, manager, `/v1/piis/${f.piisId}/sanctions`, {
          noticeId: notice.id,
          decidedOn: '2026-10-01',
          notifiedOn: '2026-10-02',
          hearing: { requested: false },
          noLegitimateReason: true,
          suspensionStartsOn: '2026-11-01',
          suspensionEndsOn: '2026-11-30',
          ...over,
        });
        t.equal(s.statusCode, 201, s.body);
        return json(await report(`?year=2026&beneficiaryId=${f.beneficiaryId}`)).items.find(
          (m: any) => m.month === '2026-11',
        );
      };
      t.match(
        await sanction({ partialPercent: 25 }),
        { code: 11, riCents: 130000 - 32500, subsidyCents: 9750 },
        '25 % of November suspended',
      );
      t.match((await sanction({ partialPercent: 25 })).explanation, /à 25 %/, 'the explanation says the share');
      t.match(
        await sanction({ suspendedSentence: true }),
        { code: 11, riCents: 130000, subsidyCents: 13000 },
        'a suspended sentence suspends nothing',
      );
      t.match(await sanction({ partialPercent: 1 }), { riCents: 130000 - 1300 }, 'the smallest share: 1 %');
      t.match(await sanction({ partialPercent: 100 }), { riCents: 0, subsidyCents: 0 }, 'the largest share: 100 %');
    },
  );

  t.test(
    'R-SANCTION-LENGTH: when a partial sanction’s percentage is outside 1–100, then 400 names the field and the rule ' +
      'and nothing is written',
    async (t) => {
      const f = await piisIn(app, manager, 'active');
      const notice = json(
        await post(app, manager, `/v1/piis/${f.piisId}/notices`, {
          issuedOn: '2026-09-01',
          breach: 'Missed sessions',
          complyBy: '2026-09-10',
        }),
      );
      for (const partialPercent of [0, 101, -5, 50.5]) {
        const s = await post(app, manager, `/v1/piis/${f.piisId}/sanctions`, {
          noticeId: notice.id,
          decidedOn: '2026-10-01',
          notifiedOn: '2026-10-02',
          hearing: { requested: false },
          noLegitimateReason: true,
          suspensionStartsOn: '2026-11-01',
          suspensionEndsOn: '2026-11-30',
          partialPercent,
        });
        t.match(
          json(s),
          {
            status: 400,
            code: 'validation-failed',
            rule: 'R-SANCTION-LENGTH',
            errors: [{ path: '/body/partialPercent' }],
          },
          `R-SANCTION-LENGTH: ${partialPercent} %`,
        );
      }
      const listed = await app.inject({
        method: 'GET',
        url: `/v1/piis/${f.piisId}/sanctions`,
        headers: bearer(manager),
      });
      t.same(json(listed).items, [], 'nothing written');
    },
  );

  t.test(
    'when two partners on the category-3 rate both have a PIIS, then the 10% is paid once (R-SUB-COUPLE)',
    async (t) => {
      const a = await piisIn(app, manager, 'active');
      const b = await newBeneficiary(app, worker, { partnerId: a.beneficiaryId });
      for (const id of [a.beneficiaryId, b.id]) {
        const r = await post(app, worker, `/v1/beneficiaries/${id}/rights`, {
          kind: 'ri',
          category: 'family',
          decidedOn: '2026-06-01',
          startsOn: '2026-06-01',
          monthlyAmountCents: 175000,
        });
        t.equal(r.statusCode, 201, r.body);
      }
      await post(app, worker, `/v1/beneficiaries/${b.id}/assessments`, {
        performedOn: '2026-06-02',
        kind: 'initial',
        participationRung: 2,
        domainScores: [{ domain: 'employment', score: 2 }],
      });
      const d = json(
        await post(app, worker, `/v1/beneficiaries/${b.id}/piis`, {
          track: 'general',
          obligation: 'optional',
          draftedOn: '2026-06-03',
          domains: ['employment'],
          objectives: [{ key: 'o1', domain: 'employment', description: 'Find a job' }],
          commitments: [
            { party: 'beneficiary', description: 'Apply', objectiveKeys: ['o1'] },
            { party: 'cpas', description: 'Coach', objectiveKeys: ['o1'] },
          ],
          startsOn: '2026-06-15',
          endsOn: '2027-06-14',
          evaluationArrangements: 'Every four months',
          supplementaryAid: 'None',
        }),
      );
      t.equal(
        (
          await post(app, worker, `/v1/piis/${d.id}/handover`, {
            handedOverOn: '2026-06-04',
            informedOn: '2026-06-04',
            assistedBy: null,
          })
        ).statusCode,
        200,
      );
      t.equal(
        (
          await post(app, worker, `/v1/piis/${d.id}/signatures`, {
            party: 'beneficiary',
            signedOn: '2026-06-10',
            signatoryName: 'B',
          })
        ).statusCode,
        201,
      );
      t.equal(
        (
          await post(app, worker, `/v1/piis/${d.id}/signatures`, {
            party: 'cpas',
            signedOn: '2026-06-11',
            signatoryName: 'P',
          })
        ).statusCode,
        201,
      );
      const items = json(await report('?year=2026')).items as any[];
      const july = (id: string) => items.find((m) => m.beneficiaryId === id && m.month === '2026-07');
      const [ja, jb] = [july(a.beneficiaryId), july(b.id)];
      t.equal(ja.code, 11);
      t.equal(jb.code, 11);
      t.equal(ja.subsidyCents + jb.subsidyCents, 17500, 'R-SUB-COUPLE: the 10% of 1750 € once, never doubled');
      t.equal([ja, jb].filter((m) => m.rule === 'R-SUB-COUPLE').length, 1);
      const alone = json(await report(`?year=2026&beneficiaryId=${b.id}`)).items.find(
        (m: any) => m.month === '2026-07',
      );
      t.equal(alone.subsidyCents, jb.subsidyCents, 'a report of one partner settles the couple the same way');
    },
  );

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
