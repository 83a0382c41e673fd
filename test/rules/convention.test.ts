// R-IND-2015: the 2015–2016 convention's years, its objectives' split, the final report's due date
// and the advance and balance of a grant, at their boundaries.
import t from 'tap';
import { checkConventionYear, evaluationDue, payments, targetOf, targetsError } from '../../src/rules/convention.js';
import { render } from '../../src/i18n/catalogue.js';

t.test('R-IND-2015: when a year is named, then only 2015 and 2016 have a convention', async (t) => {
  for (const [year, expected] of [
    [2014, 'no-convention'],
    [2015, null],
    [2016, null],
    [2017, 'no-convention'],
  ] as const) {
    t.equal(checkConventionYear(year)?.code ?? null, expected, String(year));
  }
  t.match(render('nl', checkConventionYear(2017)!.explanation), /alleen voor 2015 en 2016, niet voor 2017/);
});

t.test(
  'R-IND-2015: when objectives are split into 2.1–2.3, then the split adds up to 2 (the parts given)',
  async (t) => {
    t.equal(targetsError({ assessments: 40, activationPaths: 30 }), null, 'no split');
    t.equal(
      targetsError({ assessments: 40, activationPaths: 30, path21: 10, path22: 15, path23: 5 }),
      null,
      '10 + 15 + 5 = 30',
    );
    t.equal(targetsError({ assessments: 40, activationPaths: 30, path22: 30 }), null, 'one path only');
    t.not(targetsError({ assessments: 40, activationPaths: 30, path21: 10, path22: 15, path23: 4 }), null, '29');
    t.not(targetsError({ assessments: 40, activationPaths: 30, path21: 31 }), null, '31');
    t.equal(
      targetOf({ assessments: 40, activationPaths: 30, path22: 30 }, 'activationPaths.2.1'),
      null,
      'no objective for a part not given',
    );
    t.equal(targetOf(null, 'assessments'), null);
  },
);

t.test(
  'R-IND-2015: when the year ends, then the final report is due on 28 February, and a grant is paid in two halves to ' +
    'the cent',
  async (t) => {
    t.equal(evaluationDue(2015).value, '2016-02-28');
    t.equal(evaluationDue(2016).value, '2017-02-28', 'a leap year still says 28 February');
    t.same(payments(10_000), { advanceCents: 5_000, balanceCents: 5_000 });
    t.same(payments(10_001), { advanceCents: 5_000, balanceCents: 5_001 }, 'the odd cent goes to the balance');
    t.same(payments(0), { advanceCents: 0, balanceCents: 0 });
  },
);
