// Rule tables for rulebook section 8, the 10% PIIS subsidy: the worked cases of rule-cases.json
// first, then the boundaries of R-SUB-FIRST, R-SANCTION-LENGTH and R-SUB-INTERRUPT (R-SUB-SECOND,
// students, exemptions and couples are in subsidy-second-couple.test.ts). Each test names its rule
// id.
import t from 'tap';
import { codes, decision, end, facts, monthOf, piis } from '../helpers/subsidy-facts.js';
import { ruleCases } from '../helpers/rule-cases.js';
import { addDays } from '../../src/rules/dates.js';
import { rightSegments } from '../../src/rules/rights.js';
import { riGrantedInMonth, tenPercent } from '../../src/rules/subsidy-months.js';
import { render } from '../../src/i18n/catalogue.js';

t.test(
  'R-SUB-START/R-SUB-FIRST: when RI is granted and a PIIS signed, then code 11 runs from the start month for 12 months',
  async (t) => {
    for (const c of ruleCases['R-SUB-START/R-SUB-FIRST']) {
      const f = facts({
        rights: [decision({ decidedOn: c.riGrantedOn, startsOn: c.riGrantedOn })],
        piis: [piis({ signedOn: c.signedOn })],
      });
      const year = Number(c.code11From.slice(0, 4));
      const all = codes(f, year - 1, year, year + 1, year + 2);
      const coded = Object.entries(all)
        .filter(([, code]) => code === 11)
        .map(([m]) => m);
      t.equal(coded[0], c.code11From.slice(0, 7), `${c.why}: first code-11 month`);
      t.equal(coded[coded.length - 1], c.code11LastMonth, `${c.why}: last code-11 month`);
      t.equal(coded.length, 12, `${c.why}: 12 months`);
      const firstMonth = monthOf(f, c.code11From.slice(0, 7));
      t.equal(firstMonth.rule, 'R-SUB-FIRST');
      t.equal(firstMonth.formCode, 11);
    }
  },
);

t.test(
  'R-SUB-FIRST: when RI covers part of a month, then it is granted pro rata by day, rounded to the cent, and the ' +
    'subsidy is 10% of it',
  async (t) => {
    for (const c of ruleCases['R-SUB-FIRST.amounts']) {
      const rights = [
        decision({ startsOn: c.rightStartsOn, monthlyAmountCents: c.monthlyAmountCents }),
        ...(c.rightEndsOn ? [end(addDays(c.rightEndsOn, 1))] : []),
      ];
      const ri = riGrantedInMonth(rightSegments(rights), [], c.month);
      t.equal(ri.value, c.riCents, `${c.monthlyAmountCents} × ${c.daysCovered} days of ${c.month}: ${c.riCents}`);
      t.equal(tenPercent(ri.value!, `${c.month}-01`), c.subsidyCents, `10%: ${c.subsidyCents}`);
      t.equal(ri.rule, 'R-SUB-FIRST');
    }
  },
);

t.test(
  'R-SUB-FIRST: when the amount changes mid-month or a sanction suspends RI, then each decision counts its days and ' +
    'the suspended share is taken off',
  async (t) => {
    const changed = [
      decision({ startsOn: '2026-01-01', monthlyAmountCents: 100000 }),
      decision({ startsOn: '2026-04-16', monthlyAmountCents: 130000 }),
    ];
    t.equal(
      riGrantedInMonth(rightSegments(changed), [], '2026-04').value,
      50000 + 65000,
      'April: 15 days at 1000 €, 15 days at 1300 €',
    );
    const suspended = riGrantedInMonth(
      rightSegments([decision({ startsOn: '2026-01-01', monthlyAmountCents: 93000 })]),
      [{ from: '2026-04-01', to: '2026-04-10', percent: 100 }],
      '2026-04',
    );
    t.equal(suspended.value, 93000 - 31000, '10 of 30 days suspended');
    t.match(render('nl', suspended.explanation), /min 10 dagen geschorst door een sanctie/);
    const overlapping = riGrantedInMonth(
      rightSegments([decision({ startsOn: '2026-01-01', monthlyAmountCents: 93000 })]),
      [
        { from: '2026-04-01', to: '2026-04-10', percent: 100 },
        { from: '2026-04-05', to: '2026-04-15', percent: 100 },
      ],
      '2026-04',
    );
    t.equal(overlapping.value, 93000 - 46500, 'overlapping suspensions count each day once (15 days)');
    const whole = facts({
      rights: [decision({ startsOn: '2026-01-01' })],
      suspensions: [{ from: '2026-05-01', to: '2026-05-31', percent: 100 }],
    });
    t.match(
      monthOf(whole, '2026-05'),
      { riCents: 0, code: null, subsidyCents: 0 },
      'a month wholly suspended: no RI, no subsidy',
    );
    t.equal(tenPercent(47505, '2026-01-01'), 4751, 'half a cent rounds up');
  },
);

t.test(
  'R-SANCTION-LENGTH, R-SUB-FIRST: when a sanction suspends a share of the RI, then only that share is taken off, to ' +
    'the cent',
  async (t) => {
    const rights = rightSegments([decision({ startsOn: '2026-01-01', monthlyAmountCents: 93000 })]);
    const cases: Array<[string, Array<{ from: string; to: string; percent: number }>, number]> = [
      ['10 of 30 days at 50 %', [{ from: '2026-04-01', to: '2026-04-10', percent: 50 }], 93000 - 15500],
      ['10 of 30 days at 100 %', [{ from: '2026-04-01', to: '2026-04-10', percent: 100 }], 93000 - 31000],
      ['1 day at 1 %', [{ from: '2026-04-10', to: '2026-04-10', percent: 1 }], 93000 - 31],
      [
        'a whole month at 33 % (rounded half up)',
        [{ from: '2026-04-01', to: '2026-04-30', percent: 33 }],
        93000 - 30690,
      ],
      [
        'overlapping 50 % and 100 %: each day its largest share',
        [
          { from: '2026-04-01', to: '2026-04-10', percent: 50 },
          { from: '2026-04-05', to: '2026-04-15', percent: 100 },
        ],
        93000 - 40300,
      ],
      ['no suspension (a suspended sentence is never passed in)', [], 93000],
    ];
    for (const [name, suspensions, expected] of cases)
      t.equal(riGrantedInMonth(rights, suspensions, '2026-04').value, expected, name);
    const partial = riGrantedInMonth(rights, [{ from: '2026-04-01', to: '2026-04-10', percent: 50 }], '2026-04');
    t.match(render('fr', partial.explanation), /moins 10 jours suspendus par une sanction à 50 % = 775,00/);
    t.match(
      render(
        'en',
        riGrantedInMonth(rights, [{ from: '2026-04-01', to: '2026-04-10', percent: 100 }], '2026-04').explanation,
      ),
      /less 10 days suspended by a sanction = €620\.00/,
    );
    t.equal(tenPercent(47504, '2026-01-01'), 4750);
  },
);

t.test(
  'R-SUB-FIRST: when the PIIS is closed or RI stops inside the first period, then those months carry no code',
  async (t) => {
    const closed = facts({ piis: [piis({ endedOn: '2026-06-15' })] });
    const c = codes(closed, 2026);
    t.equal(c['2026-06'], 11, 'in force on some day of June');
    t.equal(c['2026-07'], null, 'closed before July');
    t.equal(monthOf(closed, '2026-07').rule, 'R-SUB-FIRST');
    const stopped = facts({ rights: [decision({}), end('2026-08-01')] });
    t.equal(codes(stopped, 2026)['2026-07'], 11);
    t.equal(codes(stopped, 2026)['2026-08'], null, 'no RI in August: the month is reported with the PIIS in force');
    t.equal(monthOf(stopped, '2026-08').riCents, 0);
  },
);

t.test(
  'R-SUB-INTERRUPT: when RI stops for more than 3 months inside the first year, then the subsidy waits for a newly ' +
    'signed PIIS',
  async (t) => {
    // RI 2026-01-05 …, stops 2026-05-01, resumes; PIIS signed 2026-03-07 (first period 2026-03 … 2027-02)
    const exactly3 = facts({
      rights: [decision({}), end('2026-05-01'), decision({ startsOn: '2026-08-01', decidedOn: '2026-08-01' })],
    });
    t.equal(codes(exactly3, 2026)['2026-08'], 11, 'R-SUB-INTERRUPT: 2026-05-01 to 2026-07-31 is 3 months, not more');
    const over3 = facts({
      rights: [decision({}), end('2026-05-01'), decision({ startsOn: '2026-08-02', decidedOn: '2026-08-02' })],
    });
    const m = monthOf(over3, '2026-08');
    t.equal(m.code, null, 'R-SUB-INTERRUPT: 2026-05-01 to 2026-08-01 is more than 3 months');
    t.equal(m.rule, 'R-SUB-INTERRUPT');
    t.match(
      render('de', m.explanation),
      /vom Freitag, 1\. Mai 2026 bis zum Samstag, 1\. August 2026.*neu unterzeichnetes IPSE/,
    );
    const renewed = facts({ ...over3, piis: [piis(), piis({ signedOn: '2026-08-20' })] });
    t.equal(codes(renewed, 2026)['2026-08'], 11, 'a newly signed PIIS starts its own first period');
    t.equal(monthOf(renewed, '2026-08').piisId, renewed.piis[1]!.id);
  },
);
