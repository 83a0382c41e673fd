// getSubsidyReport over HTTP: the months of a year per beneficiary with their codes, amounts, rule
// and explanation (R-SUB-*), couples settled together, nothing of another CPAS, and the roles.
import t from 'tap';
import { bearer, json, newBeneficiary } from '../helpers/app.js';
import { oneCpas } from '../helpers/one-cpas.js';
import { piisIn, post } from '../helpers/piis.js';

t.test('subsidy report', async (t) => {
  const { worker, manager, app } = await oneCpas(t);
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
});
