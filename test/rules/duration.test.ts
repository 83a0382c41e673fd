// Rule tables for the contract's end (R-CLOSE) and the one-year maximum of a 2015–2016
// social-activation path (R-DURATION), at their boundaries.
import t from 'tap';
import { conventionPathWithinMaximum, pastEnd } from '../../src/rules/duration.js';
import { render } from '../../src/i18n/catalogue.js';

t.test(
  'R-CLOSE: when today passes a concluded contract’s end date with no close, then it is flagged past its end',
  async (t) => {
    const cases: Array<
      [
        string,
        { signedOn: string | null; endsOn: string | null; endedOn: string | null; today: string },
        boolean | null,
      ]
    > = [
      [
        'the day before the end',
        { signedOn: '2026-01-05', endsOn: '2026-12-31', endedOn: null, today: '2026-12-30' },
        false,
      ],
      [
        'on the end date (its last day still runs)',
        { signedOn: '2026-01-05', endsOn: '2026-12-31', endedOn: null, today: '2026-12-31' },
        false,
      ],
      [
        'the day after the end',
        { signedOn: '2026-01-05', endsOn: '2026-12-31', endedOn: null, today: '2027-01-01' },
        true,
      ],
      [
        'years after, closed on its last day',
        { signedOn: '2016-07-01', endsOn: '2017-06-30', endedOn: '2017-06-30', today: '2026-12-06' },
        false,
      ],
      [
        'years after, never closed',
        { signedOn: '2016-07-01', endsOn: '2017-06-30', endedOn: null, today: '2026-12-06' },
        true,
      ],
      ['never concluded', { signedOn: null, endsOn: '2017-06-30', endedOn: null, today: '2026-12-06' }, null],
    ];
    for (const [name, input, expected] of cases) {
      const flag = pastEnd(input);
      t.equal(flag.value, expected, name);
      t.equal(flag.rule, 'R-CLOSE');
    }
    t.match(
      render(
        'fr',
        pastEnd({ signedOn: '2026-01-05', endsOn: '2026-12-31', endedOn: null, today: '2027-01-02' }).explanation,
      ),
      /il y a 2 jours.*clôturez-le/,
    );
  },
);

t.test(
  'R-DURATION: when a social-activation path starts under the 2015–2016 convention, then it lasts at most one year',
  async (t) => {
    const cases: Array<
      [string, { activationCategory: string | null; startsOn: string | null; endsOn: string | null }, boolean | null]
    > = [
      [
        '2.1 from 2015-03-01 to 2016-02-29 (one year to the day)',
        { activationCategory: '2.1', startsOn: '2015-03-01', endsOn: '2016-02-29' },
        true,
      ],
      [
        '2.1 from 2015-03-01 to 2016-03-01 (a day too long)',
        { activationCategory: '2.1', startsOn: '2015-03-01', endsOn: '2016-03-01' },
        false,
      ],
      [
        '2.2 from 2015-01-01 (first day of the convention) to 2015-12-31',
        { activationCategory: '2.2', startsOn: '2015-01-01', endsOn: '2015-12-31' },
        true,
      ],
      [
        '2.3 from 2016-12-31 (last day of the convention) to 2018-01-01',
        { activationCategory: '2.3', startsOn: '2016-12-31', endsOn: '2018-01-01' },
        false,
      ],
      [
        '2.3 from 2016-12-31 to 2017-12-30',
        { activationCategory: '2.3', startsOn: '2016-12-31', endsOn: '2017-12-30' },
        true,
      ],
      [
        '2.1 from 2014-12-31 (before the convention): no maximum',
        { activationCategory: '2.1', startsOn: '2014-12-31', endsOn: '2016-12-31' },
        null,
      ],
      [
        '2.1 from 2017-01-01 (after it): no maximum',
        { activationCategory: '2.1', startsOn: '2017-01-01', endsOn: '2019-12-31' },
        null,
      ],
      [
        'no category (employment) in 2015: no maximum',
        { activationCategory: null, startsOn: '2015-03-01', endsOn: '2017-03-01' },
        null,
      ],
      [
        'community service: no maximum',
        { activationCategory: 'community_service', startsOn: '2016-11-01', endsOn: '2018-01-01' },
        null,
      ],
    ];
    for (const [name, input, expected] of cases) {
      const flag = conventionPathWithinMaximum(input);
      t.equal(flag.value, expected, name);
      t.equal(flag.rule, 'R-DURATION');
    }
    t.match(
      render(
        'nl',
        conventionPathWithinMaximum({ activationCategory: '2.1', startsOn: '2015-03-01', endsOn: '2016-03-01' })
          .explanation,
      ),
      /voorbij de grens/,
    );
  },
);
