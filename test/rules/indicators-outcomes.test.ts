// Rule tables for the indicators (R-IND-*), continued: outcomes and progress of social-activation
// paths, persons entitled without financial aid, contracts that end unclosed, the SPP IS numbering
// and the median days to signature.
import t from 'tap';
import { person, piis, valueOf } from '../helpers/indicator-facts.js';
import { indicators, median, type IndicatorPiis } from '../../src/rules/indicators.js';
import { render } from '../../src/i18n/catalogue.js';
import { sayItem } from '../../src/rules/indicators.js';

let n = 0;
const baseline = (id: string, performedOn: string, rung: number) => ({
  id,
  kind: 'initial',
  performedOn,
  participationRung: rung,
  domainScores: [],
});
const later = (id: string, performedOn: string, rung: number) => ({
  id,
  kind: 'intermediate',
  performedOn,
  participationRung: rung,
  domainScores: [],
});

t.test(
  'R-IND-OUTCOMES: when a PIIS closes, then its result counts only if it was a social-activation path (2.1–2.3), ' +
    'closed in the year',
  async (t) => {
    const cases: Array<[string, Partial<IndicatorPiis>, number]> = [
      [
        'employment only (no category), closed with employment',
        { endedOn: '2026-06-30', closeOutcome: 'employment' },
        0,
      ],
      [
        'community service, closed with employment',
        { activationCategory: 'community_service', endedOn: '2026-06-30', closeOutcome: 'employment' },
        0,
      ],
      [
        '2.1, closed on 31 December with employment',
        { activationCategory: '2.1', endedOn: '2026-12-31', closeOutcome: 'employment' },
        1,
      ],
      [
        '2.1, closed on 1 January of the next year',
        { activationCategory: '2.1', endedOn: '2027-01-01', closeOutcome: 'employment' },
        0,
      ],
      [
        '2.2, closed on 1 January of the year',
        { activationCategory: '2.2', endedOn: '2026-01-01', closeOutcome: 'employment' },
        1,
      ],
    ];
    for (const [name, over, expected] of cases) {
      t.equal(
        valueOf(
          indicators([person({ piis: [piis({ signedOn: '2025-03-09', ...over })] })], 2026),
          'outcomes.employment',
        ),
        expected,
        name,
      );
    }
  },
);

t.test(
  'R-PROGRESS, R-IND-OUTCOMES: when persons progress, then progress counts only social-activation paths, towards the ' +
    'direction of each',
  async (t) => {
    const progressing = (category: string | null) =>
      person({
        assessments: [baseline(`x${++n}`, '2026-01-10', 2), later(`y${++n}`, '2026-12-31', 3)],
        piis: [piis({ activationCategory: category })],
      });
    const flat = person({
      assessments: [baseline('f1', '2026-01-10', 2), later('f2', '2026-12-31', 2)],
      piis: [piis({ activationCategory: '2.1' })],
    });
    const measuredAfter = person({
      assessments: [baseline('m1', '2026-01-10', 2), later('m2', '2027-01-01', 4)],
      piis: [piis({ activationCategory: '2.2' })],
    });
    const items = indicators(
      [
        progressing('2.1'),
        progressing('2.2'),
        progressing('2.2'),
        progressing('2.3'),
        progressing(null),
        flat,
        measuredAfter,
      ],
      2026,
    );
    t.equal(
      valueOf(items, 'progress'),
      4,
      'the employment-only PIIS does not count; no rise and a measure after 31 December do not count',
    );
    t.equal(valueOf(items, 'progress.socioProfessional'), 1, '(a) from the 2.1 path');
    t.equal(valueOf(items, 'progress.autonomy'), 2, '(b) from the 2.2 paths');
    t.equal(valueOf(items, 'progress.volunteering'), 1, '(c) from the 2.3 path');
    t.equal(valueOf(items, 'activationPaths'), 6, 'seven persons, six in a path');
  },
);

t.test(
  'R-IND-ENTITLED: when a person uses the CPAS without financial aid, then they are entitled, not to RI',
  async (t) => {
    const bilanOnly = person({ rights: [], assessments: [baseline('e1', '2026-12-31', 1)] });
    const piisOnly = person({ rights: [], piis: [piis({ activationCategory: '2.2' })] });
    const bilanLastYear = person({ rights: [], assessments: [baseline('e2', '2025-12-31', 1)] });
    const ri = person();
    const items = indicators([bilanOnly, piisOnly, bilanLastYear, ri], 2026);
    t.equal(
      valueOf(items, 'entitled.total'),
      3,
      'a bilan on 31 December and a PIIS without a right count; a bilan of the year before does not',
    );
    t.equal(valueOf(items, 'entitled.ri'), 1);
    t.equal(valueOf(items, 'entitled.inPath'), 1);
    t.equal(valueOf(items, 'entitled.riPercent'), 300);
    t.equal(valueOf(items, 'entitled.inPathPercent'), 300);
    t.equal(
      valueOf(indicators([bilanOnly], 2026), 'entitled.riPercent'),
      null,
      'nobody entitled to RI: no ratio, with the reason',
    );
  },
);

t.test(
  'R-CLOSE: when a concluded PIIS reaches its end date with no close, then it is counted in the year of that date',
  async (t) => {
    const cases: Array<[string, Partial<IndicatorPiis>, number]> = [
      ['ends on 31 December, not closed', { endsOn: '2026-12-31' }, 1],
      ['ends on 1 January, not closed', { endsOn: '2026-01-01' }, 1],
      ['ends on 1 January of the next year', { endsOn: '2027-01-01' }, 0],
      ['ends in the year, closed', { endsOn: '2026-06-30', endedOn: '2026-06-30', closeOutcome: 'other' }, 0],
      ['ends in the year, never signed', { endsOn: '2026-06-30', signedOn: null }, 0],
    ];
    for (const [name, over, expected] of cases) {
      t.equal(
        valueOf(indicators([person({ piis: [piis({ signedOn: '2025-03-09', ...over })] })], 2026), 'piis.pastEndOpen'),
        expected,
        name,
      );
    }
  },
);

t.test(
  'R-IND-2015: when indicators are read, then each carries the SPP IS number, section and label in the reader’s ' +
    'language',
  async (t) => {
    const items = indicators([], 2026);
    const of = (key: string) => items.find((i) => i.key === key)!;
    t.match(of('assessments'), { group: 'socialActivation', section: 'objectives', number: '1' });
    t.match(of('activationPaths'), { number: '2' });
    t.match(of('activationPaths.2.3'), { number: '2.3' });
    t.match(of('progress.autonomy'), { section: 'progress', number: 'b' });
    t.match(of('outcomes.employment'), { section: 'results', number: 'd' });
    t.match(of('compliance.fullReflection'), { group: 'piis', section: 'compliance', number: null });
    t.match(
      sayItem('fr', of('assessments')).label,
      /^Nombre total de bénéficiaires pour lesquels un bilan social est réalisé/,
    );
    t.match(
      sayItem('nl', of('activationPaths')).label,
      /^Totaal aantal begunstigden in een traject sociale activering via een GPMI \(2 = 2\.1 \+ 2\.2 \+ 2\.3\)/,
    );
    t.notMatch(
      render('fr', of('activationPaths').explanation),
      /2 = 2\.1/,
      'the explanation names the population, not the formula',
    );
  },
);

t.test(
  'R-IND-COMPLIANCE: when the days to signature are pooled, then their median is the middle one, or the mean of the ' +
    'two middle ones',
  async (t) => {
    const cases: Array<[number[], number | null]> = [
      [[], null],
      [[40], 40],
      [[40, 41], 40.5],
      [[93, 63, 63], 63],
      [[5, 5, 1, 9], 5],
      [[2, 2, 2, 3], 2],
      [[1, 2, 3, 4, 5, 6, 8, 9], 4.5],
      [[0, 365, 30], 30],
    ];
    for (const [values, expected] of cases)
      t.equal(median(values), expected, `R-IND-COMPLIANCE: median of [${values.join(', ')}]`);
    const many = Array.from({ length: 100_001 }, (_, i) => (i * 7919) % 400);
    t.equal(
      median(many),
      [...many].sort((a, b) => a - b)[50_000],
      'R-IND-COMPLIANCE: 100,001 pooled delays, as a sort finds it',
    );
  },
);
