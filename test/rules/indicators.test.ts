// Rule tables for the indicators (R-IND-*): a small population whose every figure is known by
// hand, and the boundaries of each figure (the year's first and last day, a zero denominator).
import t from 'tap';
import { grant, person, piis, valueOf } from '../helpers/indicator-facts.js';
import { indicators, indicatorSetOf, type IndicatorPerson, type IndicatorPiis } from '../../src/rules/indicators.js';
import { render } from '../../src/i18n/catalogue.js';

t.test('R-IND-*: when a population is known by hand, then each figure counts it, with its rule', async (t) => {
  const people: IndicatorPerson[] = [
    // 1: assessed in 2026, PIIS 2.1 signed in time after the full reflection, progress, evaluated on time
    person({
      assessments: [
        { id: 'a1', kind: 'initial', performedOn: '2026-02-20', participationRung: 2, domainScores: [] },
        { id: 'a2', kind: 'intermediate', performedOn: '2026-12-31', participationRung: 3, domainScores: [] },
      ],
      piis: [piis({ activationCategory: '2.1', interviews: [{ requestedOn: '2026-04-02', heldOn: '2026-04-10' }] })],
    }),
    // 2: PIIS 2.2 signed under a waiver, closed in 2026 with employment; interview held late
    person({
      piis: [
        piis({
          activationCategory: '2.2',
          firstSignatureOn: '2026-03-05',
          waiverRecorded: true,
          endedOn: '2026-10-01',
          closeOutcome: 'employment',
          interviews: [{ requestedOn: '2026-04-02', heldOn: '2026-04-13' }],
        }),
      ],
    }),
    // 3: granted 2026-06-01, no PIIS, exempted in time
    person({ rights: [grant({ startsOn: '2026-06-01' })], exemptions: [{ decidedOn: '2026-08-01' }] }),
    // 4: granted 2026-06-01, PIIS signed late (2026-09-02: the deadline was 2026-09-01); assessed on 2026-01-01
    person({
      rights: [grant({ startsOn: '2026-06-01' })],
      assessments: [{ id: 'a3', kind: 'initial', performedOn: '2026-01-01', participationRung: 1, domainScores: [] }],
      piis: [
        piis({
          signedOn: '2026-09-02',
          handedOverOn: '2026-08-20',
          firstSignatureOn: '2026-09-01',
          activationCategory: '2.3',
        }),
      ],
    }),
    // 5: equivalent social aid only; assessed on 2025-12-31 (not this year)
    person({
      rights: [grant({ kind: 'equivalent_aid' })],
      assessments: [{ id: 'a4', kind: 'initial', performedOn: '2025-12-31', participationRung: 1, domainScores: [] }],
    }),
  ];
  const items = indicators(people, 2026);
  t.equal(
    valueOf(items, 'assessments'),
    2,
    'R-IND-2015: bilans performed in 2026 (1 January counts, 31 December 2025 does not)',
  );
  t.equal(valueOf(items, 'activationPaths'), 3, 'R-IND-2015: 2 = 2.1 + 2.2 + 2.3');
  t.equal(valueOf(items, 'activationPaths.2.1'), 1);
  t.equal(valueOf(items, 'activationPaths.2.2'), 1);
  t.equal(valueOf(items, 'activationPaths.2.3'), 1);
  t.equal(valueOf(items, 'outcomes.employment'), 1, 'R-IND-OUTCOMES: closed in 2026 with employment');
  t.equal(valueOf(items, 'outcomes.autonomy'), 0);
  t.equal(valueOf(items, 'progress'), 1, 'R-PROGRESS: rung 2 → 3 measured on 31 December');
  t.equal(valueOf(items, 'entitled.total'), 5, 'R-IND-ENTITLED: users of the CPAS in the year');
  t.equal(valueOf(items, 'entitled.ri'), 4);
  t.equal(valueOf(items, 'entitled.inPath'), 3);
  t.equal(
    valueOf(items, 'entitled.riPercent'),
    125,
    'R-IND-ENTITLED: total entitled ÷ entitled to RI, as the SPP IS asks it',
  );
  t.equal(
    valueOf(items, 'entitled.inPathPercent'),
    166.7,
    'R-IND-ENTITLED: total entitled ÷ entitled followed in a path',
  );
  t.equal(valueOf(items, 'piis.inForce'), 3);
  t.equal(valueOf(items, 'piis.concluded'), 3);
  t.equal(valueOf(items, 'piis.closed'), 1);
  t.equal(
    valueOf(items, 'compliance.concludedInTime'),
    75,
    'R-IND-COMPLIANCE: 3 of the 4 new beneficiaries of 2026 (the one signed a day late is not)',
  );
  t.equal(
    valueOf(items, 'compliance.fullReflection'),
    66.7,
    'R-IND-COMPLIANCE: 2 of 3 concluded in 2026 after the full period',
  );
  t.equal(valueOf(items, 'compliance.reflectionWaivers'), 1);
  t.equal(
    valueOf(items, 'compliance.interviewsInTime'),
    50,
    'R-EVAL-INTERVIEW: held on the due day (2026-04-10, Easter Monday skipped) vs after it',
  );
  t.equal(valueOf(items, 'compliance.evaluationFrequency'), null, 'no complete 12-month period ended in 2026');
  t.equal(
    valueOf(items, 'compliance.medianDaysToSignature'),
    63,
    'median of 63, 63 and 93 days from the grant decision',
  );
  for (const i of items)
    t.match(
      { ...i, explanation: render('nl', i.explanation) },
      { rule: /^R-/, explanation: /\S/ },
      `${i.key} has its rule and explanation`,
    );
  t.equal(indicatorSetOf(2016), 'convention-2015-2016');
  t.equal(indicatorSetOf(2017), 'pas-2017');
});

t.test(
  'R-IND-COMPLIANCE: when a 12-month period ends in the year, then it counts as met or not by R-EVAL-FREQ',
  async (t) => {
    const evaluated = (evaluations: IndicatorPiis['evaluations']) =>
      person({ piis: [piis({ signedOn: '2025-03-09', evaluations })] });
    const met = evaluated([
      { heldOn: '2025-07-01', mode: 'in_person' },
      { heldOn: '2025-11-01', mode: 'in_person' },
      { heldOn: '2026-03-01', mode: 'remote' },
    ]);
    const short = evaluated([
      { heldOn: '2025-07-01', mode: 'in_person' },
      { heldOn: '2025-11-01', mode: 'remote' },
      { heldOn: '2026-03-01', mode: 'remote' },
    ]);
    const items = indicators([met, short], 2026);
    t.equal(
      valueOf(items, 'compliance.evaluationFrequency'),
      50,
      'the period 2025-03-09 to 2026-03-08 ends in 2026: one met, one short of in-person meetings',
    );
    t.equal(valueOf(indicators([met, short], 2025), 'compliance.evaluationFrequency'), null, 'no period ended in 2025');
    t.equal(valueOf(indicators([], 2026), 'entitled.riPercent'), null, 'no entitled person: no share');
    t.match(
      render('fr', indicators([], 2026).find((i) => i.key === 'entitled.riPercent')!.explanation),
      /pas de proportion à calculer/,
    );
  },
);

t.test(
  'R-IND-COMPLIANCE, R-EVAL-FREQ: when a contract ends, then only the periods of its run are judged, its last day ' +
    'included',
  async (t) => {
    const three: IndicatorPiis['evaluations'] = [
      { heldOn: '2025-07-01', mode: 'in_person' },
      { heldOn: '2025-11-01', mode: 'in_person' },
      { heldOn: '2026-03-01', mode: 'remote' },
    ];
    const closedOnLastDay = person({
      piis: [piis({ signedOn: '2025-03-09', endsOn: '2026-03-08', endedOn: '2026-03-08', evaluations: three })],
    });
    t.equal(
      valueOf(indicators([closedOnLastDay], 2026), 'compliance.evaluationFrequency'),
      100,
      'closed on the last day of its period: the period is judged, and met',
    );
    const closedTheDayBefore = person({
      piis: [piis({ signedOn: '2025-03-09', endsOn: '2026-03-08', endedOn: '2026-03-07', evaluations: three })],
    });
    t.equal(
      valueOf(indicators([closedTheDayBefore], 2026), 'compliance.evaluationFrequency'),
      null,
      'closed the day before: no complete period',
    );
    const neverClosed = person({
      piis: [piis({ signedOn: '2016-07-01', endsOn: '2017-06-30', endedOn: null, evaluations: [] })],
    });
    t.equal(
      valueOf(indicators([neverClosed], 2026), 'compliance.evaluationFrequency'),
      null,
      'a PIIS of 2016–2017 never closed yields no period in 2026',
    );
    t.equal(
      valueOf(indicators([neverClosed], 2017), 'compliance.evaluationFrequency'),
      0,
      'its one period, ending in 2017, is judged in 2017',
    );
  },
);
