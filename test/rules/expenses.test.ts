// R-SUB-COSTS / R-PAS-COSTS: the eligibility of an expense, case by case.
import t from 'tap';
import { expenseVerdict, type ExpenseFacts } from '../../src/rules/expenses.js';
import { render } from '../../src/i18n/catalogue.js';

const base: ExpenseFacts = { subsidy: 'piis10', category: 'activity', amountCents: 100000, staff: null, linkJustification: null, alreadyJustifiedUnder: null };

t.test('R-SUB-COSTS and R-PAS-COSTS: when an expense is judged, then its verdict, eligible amount and rule follow the rulebook', async (t) => {
  const cases: Array<[string, Partial<ExpenseFacts>, boolean, number, string, RegExp]> = [
    ['R-SUB-COSTS: building purchase, never', { category: 'building_purchase' }, false, 0, 'R-SUB-COSTS', /purchase of a building is never/],
    ['R-PAS-COSTS: building purchase, never', { subsidy: 'pas', category: 'building_purchase' }, false, 0, 'R-PAS-COSTS', /never/],
    ['R-PAS-COSTS: renovation is an investment', { subsidy: 'pas', category: 'renovation' }, false, 0, 'R-PAS-COSTS', /investment/],
    ['R-SUB-COSTS: renovation is not excluded from the 10%', { category: 'renovation' }, true, 100000, 'R-SUB-COSTS', /eligible/],
    ['R-SUB-COSTS: staff without proof of assignment', { category: 'staff', staff: { timeShare: 0.5, assignmentProof: null } }, false, 0, 'R-SUB-COSTS', /proof of assignment to PIIS coaching/],
    ['R-SUB-COSTS: staff with proof, half time', { category: 'staff', staff: { timeShare: 0.5, assignmentProof: 'Decision 2026/14' } }, true, 50000, 'R-SUB-COSTS', /50% of working time/],
    ['R-SUB-COSTS: staff with proof, a third of the time, rounded', { category: 'staff', amountCents: 100001, staff: { timeShare: 1 / 3, assignmentProof: 'D' } }, true, 33334, 'R-SUB-COSTS', /33.3%/],
    ['R-SUB-COSTS: rent without its link to PIIS coaching', { category: 'rent' }, false, 0, 'R-SUB-COSTS', /link with PIIS coaching/],
    ['R-SUB-COSTS: rent with its link', { category: 'rent', linkJustification: 'Coaching office, 40% of the floor' }, true, 100000, 'R-SUB-COSTS', /eligible/],
    ['R-PAS-COSTS: rent needs no link for PAS', { subsidy: 'pas', category: 'rent' }, true, 100000, 'R-PAS-COSTS', /eligible/],
    ['R-PAS-COSTS: the same invoice already justified under the 10%', { subsidy: 'pas', alreadyJustifiedUnder: 'piis10' }, false, 0, 'R-PAS-COSTS', /one subsidy only/],
    ['R-PAS-COSTS: the same invoice twice under the same subsidy is not a double subsidy', { alreadyJustifiedUnder: 'piis10' }, true, 100000, 'R-SUB-COSTS', /eligible/],
  ];
  for (const [name, over, eligible, cents, rule, why] of cases) {
    const v = expenseVerdict({ ...base, ...over });
    t.equal(v.value, eligible, name);
    t.equal(v.eligibleCents, cents, `${name}: ${cents} cents count`);
    t.equal(v.rule, rule, `${name}: ${rule}`);
    t.match(render('en', v.explanation), why, `${name}: explained`);
  }
});
