// R-IND-2015 over HTTP: a CPAS records its 2015–2016 convention (objectives, subsidies granted,
// evaluation), reads it set against the year's results and exports it; bad input is refused with
// the rule and nothing is written; other roles and another CPAS.
import t from 'tap';
import { bearer, buildHarness, json } from '../helpers/app.js';

t.test('the 2015–2016 convention', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const manager = await cpas.token('cpas_manager');
  const app = h.app;
  const put = (year: number, payload: unknown, token = manager) =>
    app.inject({
      method: 'PUT',
      url: `/v1/reports/convention/${year}`,
      headers: bearer(token),
      payload: payload as object,
    });
  const get = (url: string, token = manager, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...bearer(token), ...headers } });
  const convention = {
    signedOn: '2015-11-20',
    grantCents: { pas2015: 2_000_001, clusters2015: 1_000_000 },
    targets: { assessments: 40, activationPaths: 30, path21: 10, path22: 15, path23: 5 },
    evaluation: {
      objectivesMet: 'partly',
      partnerships: 'Bibliothèque communale, Lire et Écrire',
      reasonsNotMet: 'Moins de volontariat que prévu',
      submittedOn: '2016-02-25',
    },
  };

  t.test(
    'when a manager records the 2015 convention, then the results of the year are set against its objectives',
    async (t) => {
      const res = await put(2015, convention);
      t.equal(res.statusCode, 200, res.body);
      const body = json(res);
      t.match(body, {
        year: 2015,
        rule: 'R-IND-2015',
        recorded: true,
        signedOn: '2015-11-20',
        evaluationDueOn: '2016-02-28',
        evaluation: { objectivesMet: 'partly' },
      });
      t.match(
        body.results.find((r: { key: string }) => r.key === 'assessments'),
        { number: '1', target: 40, result: 0, reached: false },
      );
      t.match(
        body.results.find((r: { key: string }) => r.key === 'activationPaths.2.2'),
        { number: '2.2', target: 15 },
      );
      t.match(
        body.results.find((r: { key: string }) => r.key === 'outcomes.employment'),
        { number: 'd', target: null, reached: null },
      );
      t.same(
        body.payments.map((p: { subsidy: string; advanceCents: number; balanceCents: number }) => [
          p.subsidy,
          p.advanceCents,
          p.balanceCents,
        ]),
        [
          ['pas2015', 1_000_000, 1_000_001],
          ['clusters2015', 500_000, 500_000],
        ],
      );
      const csv = await get('/v1/reports/convention/2015?format=csv', manager, { 'accept-language': 'nl' });
      const lines = csv.rawPayload.subarray(3).toString('utf8').split('\r\n');
      t.match(lines[0], /^Nr\.;Indicator;Rubriek;Doelstelling;Resultaat;Bereikt;Regel;Uitleg$/);
      t.match(
        lines[1],
        new RegExp(
          '^1;assessments;Totaal aantal begunstigden waarvoor een sociale balans wordt ' +
            'gerealiseerd[^;]*;40;0;nee;R-IND-2015;',
        ),
      );
      t.ok(
        lines.includes(
          ';evaluation.objectivesMet;Werden de doelstellingen van de conventie bereikt;;;;R-IND-2015;gedeeltelijk',
        ),
        'the qualitative evaluation is exported',
      );
      t.ok(lines.some((l) => l.includes('Moins de volontariat que prévu')));
    },
  );

  t.test('when the input is wrong, then a precise 4xx with the rule, and nothing is written', async (t) => {
    const cases: Array<[string, number, unknown, number, string, string | null]> = [
      ['a year without a convention (2017)', 2017, convention, 422, 'no-convention', 'R-IND-2015'],
      ['a year without a convention (2014)', 2014, convention, 422, 'no-convention', 'R-IND-2015'],
      [
        'a split that does not add up to 2',
        2015,
        { ...convention, targets: { ...convention.targets, path23: 4 } },
        400,
        'validation-failed',
        'R-IND-2015',
      ],
      [
        'objectives not met, no reasons',
        2015,
        { ...convention, evaluation: { objectivesMet: 'no', partnerships: 'Aucun' } },
        400,
        'validation-failed',
        'R-IND-2015',
      ],
      ['a signature in the future', 2015, { ...convention, signedOn: '2026-11-24' }, 422, 'date-in-future', null],
      [
        'a negative objective',
        2015,
        { ...convention, targets: { ...convention.targets, assessments: -1 } },
        400,
        'validation-failed',
        null,
      ],
    ];
    for (const [why, year, payload, status, code, rule] of cases) {
      const res = await put(year, payload);
      t.equal(res.statusCode, status, why);
      t.equal(json(res).code, code, why);
      if (rule) t.equal(json(res).rule, rule, `${why}: its rule`);
    }
    t.match(
      json(await get('/v1/reports/convention/2015')),
      { targets: undefined, evaluation: { objectivesMet: 'partly' } },
      'the recorded convention is unchanged',
    );
    t.equal((await get('/v1/reports/convention/2017')).statusCode, 422);
  });

  t.test('when another CPAS or another role asks, then it sees its own year or a 403', async (t) => {
    const other = await (await h.newCpas()).token('cpas_manager');
    t.match(json(await get('/v1/reports/convention/2015', other)), {
      recorded: false,
      evaluation: null,
      signedOn: null,
    });
    t.equal((await put(2015, convention, await cpas.token('social_worker'))).statusCode, 403);
    t.equal((await get('/v1/reports/convention/2015', await cpas.token('spp_analyst'))).statusCode, 403);
    t.match(
      json(await get('/v1/reports/convention/2016')),
      { recorded: false, evaluationDueOn: '2017-02-28' },
      'a year not recorded: results without objectives',
    );
  });
});
