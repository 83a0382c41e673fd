// Rule tables for rulebook section 8, the 10% PIIS subsidy, continued: the worked cases of
// R-SUB-SECOND, students and exemptions (R-SUB-STUDENT, R-EXEMPT) and couples (R-SUB-COUPLE). Each
// test names its rule id.
import t from 'tap';
import { codes, decision, end, facts, monthOf, piis } from '../helpers/subsidy-facts.js';
import { secondYearVerdict, subsidyMonths, type SubsidyFacts } from '../../src/rules/subsidy-months.js';
import { settleCouple } from '../../src/rules/subsidy-couple.js';
import { render } from '../../src/i18n/catalogue.js';

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
