// Rule tables for rulebook section 8, the 10% PIIS subsidy: the worked cases of rule-cases.json
// first, then the boundaries and the worked cases of R-SUB-SECOND, R-SUB-INTERRUPT and
// R-SUB-COUPLE. Each test names its rule id.
import t from 'tap';
import { ruleCases } from '../helpers/rule-cases.js';
import { addDays } from '../../src/rules/dates.js';
import { rightSegments } from '../../src/rules/rights.js';
import { rightDecision, rightEnd } from '../helpers/rights.js';
import {
  riGrantedInMonth,
  secondYearVerdict,
  subsidyMonths,
  tenPercent,
  type SubsidyFacts,
  type SubsidyPiisFacts,
} from '../../src/rules/subsidy-months.js';
import { settleCouple } from '../../src/rules/subsidy-couple.js';
import { render } from '../../src/i18n/catalogue.js';

let n = 0;
const decision = rightDecision;
const end = rightEnd;
const piis = (over: Partial<SubsidyPiisFacts> = {}): SubsidyPiisFacts => ({
  id: `p${++n}`,
  track: 'general',
  signedOn: '2026-03-07',
  notedByCouncilOn: null,
  endedOn: null,
  endsOn: null,
  extensionRequestedOn: [],
  ...over,
});
const facts = (over: Partial<SubsidyFacts> = {}): SubsidyFacts => ({
  birthDate: '1990-05-01',
  rights: [decision({})],
  suspensions: [],
  piis: [piis()],
  exemptions: [],
  situations: [],
  ...over,
});
/** month → code over the years given */
const codes = (f: SubsidyFacts, ...years: number[]) =>
  Object.fromEntries(years.flatMap((y) => subsidyMonths(f, y)).map((m) => [m.month, m.code]));
const monthOf = (f: SubsidyFacts, month: string) =>
  subsidyMonths(f, Number(month.slice(0, 4))).find((m) => m.month === month)!;

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

t.test(
  'R-SUB-SECOND: the worked cases — a second year only on a motivated request, lost in the listed cases',
  async (t) => {
    // first period 2026-03 … 2027-02, last day 2027-02-28
    const asked = { extensionRequestedOn: ['2027-02-10'] };
    const granted = facts({ piis: [piis(asked)] });
    const c = codes(granted, 2027, 2028);
    t.equal(c['2027-02'], 11);
    t.equal(c['2027-03'], 17, 'code 17 from the month after the first period');
    t.equal(c['2028-02'], 17, 'for 12 months');
    t.equal(c['2028-03'], null, 'then none');
    t.equal(monthOf(granted, '2028-03').rule, 'R-SUB-SECOND');
    t.equal(monthOf(granted, '2027-03').rule, 'R-SUB-SECOND');
    t.equal(monthOf(granted, '2027-03').formCode, 17);

    const cases: Array<[string, SubsidyFacts, RegExp]> = [
      ['not automatic: no request', facts(), /no written, motivated request/],
      [
        'a request after the first period',
        facts({ piis: [piis({ extensionRequestedOn: ['2027-03-01'] })] }),
        /came after the first period ended on Sunday, 28 February 2027/,
      ],
      [
        'request on the last day, PIIS closed before it',
        facts({ piis: [piis({ extensionRequestedOn: ['2027-02-28'], endedOn: '2027-02-27' })] }),
        /not in force on the last day/,
      ],
      [
        'job found before the first year ended, then lost',
        facts({
          piis: [piis(asked)],
          situations: [{ kind: 'employment', startsOn: '2026-10-01', endsOn: '2026-12-15' }],
        }),
        /found a job on Thursday, 1 October 2026.*lost it on Tuesday, 15 December 2026/,
      ],
      [
        'RI withdrawn at the end of the first period',
        facts({ piis: [piis(asked)], rights: [decision({}), end('2027-02-28')] }),
        /withdrawn on Sunday, 28 February 2027, at or just before the end/,
      ],
      [
        'RI withdrawn just before the end, granted again',
        facts({
          piis: [piis(asked)],
          rights: [decision({}), end('2027-02-10'), decision({ startsOn: '2027-02-20', decidedOn: '2027-02-20' })],
        }),
        /withdrawn on Wednesday, 10 February 2027/,
      ],
      [
        'an interruption during the first period',
        facts({
          piis: [piis(asked)],
          rights: [decision({}), end('2026-06-01'), decision({ startsOn: '2026-06-15', decidedOn: '2026-06-15' })],
        }),
        /interrupted during the first period \(Monday, 1 June 2026 to Sunday, 14 June 2026\)/,
      ],
      [
        'became a student and stopped after the first period',
        facts({ piis: [piis(asked)], situations: [{ kind: 'studies', startsOn: '2026-09-01', endsOn: '2027-06-30' }] }),
        /became a student on Tuesday, 1 September 2026 and stopped studying on Wednesday, 30 June 2027/,
      ],
    ];
    for (const [name, f, why] of cases) {
      const verdict = secondYearVerdict(f, f.piis[0]!);
      t.equal(verdict.value, false, `R-SUB-SECOND: ${name}`);
      t.equal(verdict.rule, 'R-SUB-SECOND');
      t.match(render('en', verdict.explanation), why, `R-SUB-SECOND: ${name}, explained`);
      t.equal(codes(f, 2027)['2027-03'] ?? null, null, `R-SUB-SECOND: ${name}: no code 17`);
    }
    const studentStillStudying = facts({
      piis: [piis(asked)],
      situations: [{ kind: 'studies', startsOn: '2026-09-01', endsOn: '2027-01-31' }],
    });
    t.equal(
      secondYearVerdict(studentStillStudying, studentStillStudying.piis[0]!).value,
      true,
      'studies that ended inside the first period do not cost the second year',
    );
    const jobBefore = facts({
      piis: [piis(asked)],
      situations: [{ kind: 'employment', startsOn: '2025-06-01', endsOn: '2025-12-31' }],
    });
    t.equal(
      secondYearVerdict(jobBefore, jobBefore.piis[0]!).value,
      true,
      'a job before the first period does not count',
    );
  },
);

t.test(
  'R-SUB-STUDENT and R-EXEMPT: when a student PIIS or an exemption is in force, then the month carries the federal ' +
    'form code without code 11/17',
  async (t) => {
    const young = facts({ birthDate: '2005-02-01', piis: [piis({ track: 'student', signedOn: '2026-02-10' })] });
    t.match(
      monthOf(young, '2026-03'),
      { code: null, formCode: 9, subsidyCents: 0, rule: 'R-SUB-STUDENT' },
      'under 25: code 9',
    );
    const older = facts({ birthDate: '1990-02-01', piis: [piis({ track: 'student', signedOn: '2026-02-10' })] });
    t.match(monthOf(older, '2026-03'), { code: null, formCode: 10, rule: 'R-SUB-STUDENT' }, '25 or more: code 10');
    const turning = facts({ birthDate: '2001-04-15', piis: [piis({ track: 'student', signedOn: '2026-02-10' })] });
    t.equal(monthOf(turning, '2026-04').formCode, 9, 'R-SUB-STUDENT: 24 on the 1st of April');
    t.equal(monthOf(turning, '2026-05').formCode, 10, 'R-SUB-STUDENT: 25 on the 1st of May');
    const exempted = facts({ piis: [], exemptions: [{ decidedOn: '2026-02-20' }] });
    t.match(monthOf(exempted, '2026-02'), { code: null, formCode: 8, rule: 'R-EXEMPT' });
    t.match(monthOf(exempted, '2026-01'), { code: null, formCode: null, rule: 'R-SUB-START' }, 'before the exemption');
    t.equal(subsidyMonths(facts({ rights: [], piis: [] }), 2026).length, 0, 'no right and no PIIS: no month');
  },
);

t.test(
  'R-SUB-COUPLE: when both partners of a category-3 couple have a PIIS, then the 10% is computed once; a missing ' +
    'compulsory PIIS recovers it',
  async (t) => {
    const family = decision({ category: 'family', monthlyAmountCents: 175000 });
    const a = facts({ rights: [family], piis: [piis()] });
    const b = facts({ rights: [decision({ category: 'family', monthlyAmountCents: 175000 })], piis: [piis()] });
    const ma = subsidyMonths(a, 2026);
    const mb = subsidyMonths(b, 2026);
    settleCouple({ beneficiaryId: 'A', facts: a, months: ma }, { beneficiaryId: 'B', facts: b, months: mb });
    const april = [ma.find((m) => m.month === '2026-04')!, mb.find((m) => m.month === '2026-04')!];
    t.same(
      april.map((m) => m.subsidyCents),
      [17500, 0],
      'R-SUB-COUPLE: once, never doubled',
    );
    t.equal(april[1]!.rule, 'R-SUB-COUPLE');
    t.match(render('fr', april[1]!.explanation), /se calculent une seule fois, sur le mois du partenaire A/);

    // B is a new RI beneficiary (granted 2026-01-05) with no PIIS and no exemption: due by 2026-04-05
    const c = facts({ rights: [decision({ category: 'family', monthlyAmountCents: 175000 })], piis: [piis()] });
    const d = facts({ rights: [decision({ category: 'cohabitant', monthlyAmountCents: 0 })], piis: [] });
    const mc = subsidyMonths(c, 2026);
    settleCouple(
      { beneficiaryId: 'C', facts: c, months: mc },
      { beneficiaryId: 'D', facts: d, months: subsidyMonths(d, 2026) },
    );
    t.equal(
      mc.find((m) => m.month === '2026-03')!.subsidyCents,
      17500,
      'R-SUB-COUPLE: before the partner’s deadline (2026-04-05) nothing is recovered',
    );
    const recovered = mc.find((m) => m.month === '2026-04')!;
    t.match(
      recovered,
      { subsidyCents: 0, rule: 'R-SUB-COUPLE' },
      'R-SUB-COUPLE: the partner’s compulsory PIIS is missing',
    );
    t.match(render('en', recovered.explanation), /recovered because the compulsory PIIS of partner D is missing/);

    const e = facts({ rights: [decision({ category: 'isolated' })], piis: [piis()] });
    const me = subsidyMonths(e, 2026);
    settleCouple({ beneficiaryId: 'E', facts: e, months: me }, { beneficiaryId: 'F', facts: d, months: [] });
    t.equal(
      me.find((m) => m.month === '2026-04')!.subsidyCents,
      13000,
      'R-SUB-COUPLE applies to the category-3 rate only',
    );
  },
);

t.test(
  'R-SUB-COUPLE: when a couple’s category-3 amount is paid whole, in halves or unequally, then the 10% is computed ' +
    'once on the whole amount',
  async (t) => {
    const settled = (a: SubsidyFacts, b: SubsidyFacts, month: string) => {
      const ma = subsidyMonths(a, 2026);
      const mb = subsidyMonths(b, 2026);
      settleCouple({ beneficiaryId: 'A', facts: a, months: ma }, { beneficiaryId: 'B', facts: b, months: mb });
      return [ma.find((m) => m.month === month), mb.find((m) => m.month === month)];
    };
    const family = (monthlyAmountCents: number, householdAmountCents?: number) =>
      decision({ category: 'family', monthlyAmountCents, ...(householdAmountCents ? { householdAmountCents } : {}) });
    // March 2026: both granted on 2026-01-05, A's PIIS signed on 2026-03-07 (code 11 from March), B's compulsory PIIS
    // not yet due (2026-04-05)
    const cases: Array<[string, SubsidyFacts, SubsidyFacts, number[]]> = [
      [
        'full: paid whole to A, B has no right',
        facts({ rights: [family(170000)] }),
        facts({ rights: [], piis: [piis()] }),
        [17000, 0],
      ],
      [
        'halves, both with a PIIS: 8,500 + 8,500',
        facts({ rights: [family(85000, 170000)] }),
        facts({ rights: [family(85000, 170000)] }),
        [8500, 8500],
      ],
      [
        'unequal split, both with a PIIS: 10,000 + 7,000',
        facts({ rights: [family(100000, 170000)] }),
        facts({ rights: [family(70000, 170000)] }),
        [10000, 7000],
      ],
      [
        'halves, only A with a PIIS: the whole 17,000 on A',
        facts({ rights: [family(85000, 170000)] }),
        facts({ rights: [family(85000, 170000)], piis: [] }),
        [17000, 0],
      ],
      [
        'the whole amount recorded on both: once, never doubled',
        facts({ rights: [family(170000)] }),
        facts({ rights: [family(170000)] }),
        [17000, 0],
      ],
      [
        'halves to the cent: 10% of 1,700.10 once is 170.01, not 85.01 twice',
        facts({ rights: [family(85005, 170010)] }),
        facts({ rights: [family(85005, 170010)] }),
        [8501, 8500],
      ],
    ];
    for (const [name, a, b, expected] of cases) {
      const months = settled(a, b, '2026-03');
      t.same(
        months.map((m) => m?.subsidyCents ?? 0),
        expected,
        name,
      );
    }
    const [shared] = settled(
      facts({ rights: [family(85000, 170000)] }),
      facts({ rights: [family(85000, 170000)] }),
      '2026-03',
    );
    t.equal(shared!.rule, 'R-SUB-COUPLE');
    t.match(
      render('fr', shared!.explanation),
      /se calculent une seule fois sur le revenu d’intégration du ménage pour le mois, 1\s?700,00\s€/,
    );

    // April: B's compulsory PIIS was due on 2026-04-05 and is missing — the split household's 10% is recovered
    const [recovered] = settled(
      facts({ rights: [family(85000, 170000)] }),
      facts({ rights: [family(85000, 170000)], piis: [] }),
      '2026-04',
    );
    t.match(
      recovered,
      { subsidyCents: 0, rule: 'R-SUB-COUPLE' },
      'a missing compulsory PIIS of either partner recovers it',
    );
  },
);
