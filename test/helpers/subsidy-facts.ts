// A person's subsidy facts for the rule tables of the 10% subsidy (R-SUB-*): one RI grant and one
// PIIS signed on 7 March 2026 unless a test says otherwise, and the codes of the months they give.
import { rightDecision, rightEnd } from './rights.js';
import { subsidyMonths, type SubsidyFacts, type SubsidyPiisFacts } from '../../src/rules/subsidy-months.js';

let n = 0;
export const decision = rightDecision;
export const end = rightEnd;
export const piis = (over: Partial<SubsidyPiisFacts> = {}): SubsidyPiisFacts => ({
  id: `p${++n}`,
  track: 'general',
  signedOn: '2026-03-07',
  notedByCouncilOn: null,
  endedOn: null,
  endsOn: null,
  extensionRequestedOn: [],
  ...over,
});
export const facts = (over: Partial<SubsidyFacts> = {}): SubsidyFacts => ({
  birthDate: '1990-05-01',
  rights: [decision({})],
  suspensions: [],
  piis: [piis()],
  exemptions: [],
  situations: [],
  ...over,
});
/** month → code over the years given */
export const codes = (f: SubsidyFacts, ...years: number[]) =>
  Object.fromEntries(years.flatMap((y) => subsidyMonths(f, y)).map((m) => [m.month, m.code]));
export const monthOf = (f: SubsidyFacts, month: string) =>
  subsidyMonths(f, Number(month.slice(0, 4))).find((m) => m.month === month)!;
