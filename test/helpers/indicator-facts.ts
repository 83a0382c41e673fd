// A person's indicator facts for the rule tables of the indicators (R-IND-*): one RI grant unless
// a test says otherwise, a PIIS signed on 9 March 2026, and a figure's value among the indicators.
import { rightDecision } from './rights.js';
import { indicators, type IndicatorPerson, type IndicatorPiis } from '../../src/rules/indicators.js';

let n = 0;
export const grant = rightDecision;
export const piis = (over: Partial<IndicatorPiis> = {}): IndicatorPiis => ({
  id: `p${++n}`,
  track: 'general',
  signedOn: '2026-03-09',
  handedOverOn: '2026-03-02',
  firstSignatureOn: '2026-03-08',
  waiverRecorded: false,
  endedOn: null,
  endsOn: null,
  closeOutcome: null,
  activationCategory: null,
  baselineAssessmentId: null,
  evaluations: [],
  interviews: [],
  ...over,
});
export const person = (over: Partial<IndicatorPerson> = {}): IndicatorPerson => ({
  id: `b${++n}`,
  birthDate: '1990-01-01',
  rights: [grant()],
  exemptions: [],
  assessments: [],
  piis: [],
  ...over,
});
export const valueOf = (items: ReturnType<typeof indicators>, key: string) => items.find((i) => i.key === key)?.value;
