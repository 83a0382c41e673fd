// R-SUB-COSTS / R-PAS-COSTS: the eligibility of an expense, case by case.
import t from 'tap';
import { activationMarkNeeded, expenseVerdict, type ExpenseFacts, type Subsidy } from '../../src/rules/expenses.js';
import { render } from '../../src/i18n/catalogue.js';

const base: ExpenseFacts = {
  subsidy: 'piis10',
  category: 'activity',
  amountCents: 100000,
  activation: null,
  staff: null,
  linkJustification: null,
  alreadyJustifiedUnder: null,
};
const staff = (
  timeShare: number,
  assignmentProof: string | null,
  role: 'coaching' | 'administrative' | 'ict' | null = null,
) => ({ timeShare, assignmentProof, role });

t.test(
  'R-SUB-COSTS and R-PAS-COSTS: when an expense is judged, then its verdict, eligible amount and rule follow the ' +
    'rulebook',
  async (t) => {
    const cases: Array<[string, Partial<ExpenseFacts>, boolean, number, string, RegExp]> = [
      [
        'R-SUB-COSTS: building purchase, never',
        { category: 'building_purchase' },
        false,
        0,
        'R-SUB-COSTS',
        /purchase of a building is never/,
      ],
      [
        'R-PAS-COSTS: building purchase, never',
        { subsidy: 'pas', category: 'building_purchase' },
        false,
        0,
        'R-PAS-COSTS',
        /never/,
      ],
      [
        'R-PAS-COSTS: renovation is an investment',
        { subsidy: 'pas', category: 'renovation' },
        false,
        0,
        'R-PAS-COSTS',
        /investment/,
      ],
      [
        'R-SUB-COSTS: renovation is not excluded from the 10%',
        { category: 'renovation' },
        true,
        100000,
        'R-SUB-COSTS',
        /eligible/,
      ],
      [
        'R-SUB-COSTS: staff without proof of assignment',
        { category: 'staff', staff: staff(0.5, null) },
        false,
        0,
        'R-SUB-COSTS',
        /proof of assignment to PIIS coaching/,
      ],
      [
        'R-SUB-COSTS: staff with proof, half time',
        { category: 'staff', staff: staff(0.5, 'Decision 2026/14') },
        true,
        50000,
        'R-SUB-COSTS',
        /50% of working time/,
      ],
      [
        'R-SUB-COSTS: staff with proof, a third of the time, rounded',
        { category: 'staff', amountCents: 100001, staff: staff(1 / 3, 'D') },
        true,
        33334,
        'R-SUB-COSTS',
        /33.3%/,
      ],
      [
        'R-SUB-COSTS: extra administrative staff go to art. 40, never the 10%',
        { category: 'staff', staff: staff(1, 'Decision 2026/14', 'administrative') },
        false,
        0,
        'R-SUB-COSTS',
        /article 40/,
      ],
      [
        'R-SUB-COSTS: extra ICT staff go to art. 40, never the 10%',
        { category: 'staff', staff: staff(0.5, 'Decision 2026/14', 'ict') },
        false,
        0,
        'R-SUB-COSTS',
        /ICT.*article 40/,
      ],
      [
        'R-SUB-COSTS: coaching staff named as such',
        { category: 'staff', staff: staff(0.5, 'Decision 2026/14', 'coaching') },
        true,
        50000,
        'R-SUB-COSTS',
        /50% of working time/,
      ],
      [
        'R-PAS-COSTS: administrative staff of a social-activation module count for PAS',
        {
          subsidy: 'pas',
          activation: 'social',
          category: 'staff',
          staff: staff(0.5, 'Job description', 'administrative'),
        },
        true,
        50000,
        'R-PAS-COSTS',
        /50% of working time/,
      ],
      [
        'R-PAS-COSTS: a job-search workshop (professional activation) is excluded',
        { subsidy: 'pas', activation: 'professional' },
        false,
        0,
        'R-PAS-COSTS',
        /professional activation.*never justified against the social-activation \(PAS\) subsidy/,
      ],
      [
        'R-PAS-COSTS: professional activation is excluded from the 2015 convention’s subsidies too',
        { subsidy: 'clusters2015', activation: 'professional' },
        false,
        0,
        'R-PAS-COSTS',
        /clusters of small CPAS/,
      ],
      [
        'R-PAS-COSTS: a language workshop (social activation) counts',
        { subsidy: 'pas', activation: 'social' },
        true,
        100000,
        'R-PAS-COSTS',
        /eligible/,
      ],
      [
        'R-PAS-COSTS: renovation excluded from the 2015 participation subsidy',
        { subsidy: 'pas2015', activation: 'social', category: 'renovation' },
        false,
        0,
        'R-PAS-COSTS',
        /investment/,
      ],
      [
        'R-SUB-COSTS: rent without its link to PIIS coaching',
        { category: 'rent' },
        false,
        0,
        'R-SUB-COSTS',
        /link with PIIS coaching/,
      ],
      [
        'R-SUB-COSTS: rent with its link',
        { category: 'rent', linkJustification: 'Coaching office, 40% of the floor' },
        true,
        100000,
        'R-SUB-COSTS',
        /eligible/,
      ],
      [
        'R-PAS-COSTS: rent needs no link for PAS',
        { subsidy: 'pas', category: 'rent' },
        true,
        100000,
        'R-PAS-COSTS',
        /eligible/,
      ],
      [
        'R-PAS-COSTS: the same invoice already justified under the 10%',
        { subsidy: 'pas', alreadyJustifiedUnder: 'piis10' },
        false,
        0,
        'R-PAS-COSTS',
        /one subsidy only/,
      ],
      [
        'R-PAS-COSTS: the same invoice twice under the same subsidy is not a double subsidy',
        { alreadyJustifiedUnder: 'piis10' },
        true,
        100000,
        'R-SUB-COSTS',
        /eligible/,
      ],
    ];
    for (const [name, over, eligible, cents, rule, why] of cases) {
      const v = expenseVerdict({ ...base, ...over });
      t.equal(v.value, eligible, name);
      t.equal(v.eligibleCents, cents, `${name}: ${cents} cents count`);
      t.equal(v.rule, rule, `${name}: ${rule}`);
      t.match(render('en', v.explanation), why, `${name}: explained`);
    }
  },
);

t.test(
  'R-PAS-COSTS: when an expense is recorded, then it must say what it serves exactly where the verdict depends on it',
  async (t) => {
    const cases: Array<[Subsidy, ExpenseFacts['category'], boolean]> = [
      ['pas', 'activity', true],
      ['pas', 'staff', true],
      ['pas', 'rent', true],
      ['pas', 'equipment', true],
      ['pas', 'other', true],
      ['pas2015', 'activity', true],
      ['clusters2015', 'staff', true],
      ['pas', 'building_purchase', false],
      ['pas', 'renovation', false],
      ['piis10', 'activity', false],
      ['piis10', 'staff', false],
    ];
    for (const [subsidy, category, needed] of cases)
      t.equal(
        activationMarkNeeded(subsidy, category),
        needed,
        `R-PAS-COSTS: ${subsidy} ${category}: mark ${needed ? 'required' : 'not required'}`,
      );
  },
);
