// The date-effective rows of the rule table for rulebook sections 5–7 and the subsidy's start:
// evaluation, duration and closing, sanctions. Computations read their parameters from here
// through parametersOn(); GET /v1/rules publishes them.
import type { RuleDefinition } from './rule-definition.js';
import { DIS, REFORM, REFORM_DAY, SINCE_DIS } from './rule-table.lifecycle.js';

export const followUpRules: RuleDefinition[] = [
  {
    id: 'R-EVAL-FREQ',
    handling: ['computed'],
    confidence: 'V',
    source: `AR 11 July 2002, art. 11 §2; ${REFORM}`,
    versions: [
      {
        effectiveFrom: SINCE_DIS,
        effectiveTo: '2016-10-31',
        parameters: {
          rule: 'quarterly',
          minimumPer12Months: 4,
          inPersonMinimumPer12Months: 0,
          planningIntervalMonths: 3,
        },
      },
      {
        effectiveFrom: REFORM_DAY,
        effectiveTo: null,
        parameters: {
          rule: '3-per-12-months',
          minimumPer12Months: 3,
          inPersonMinimumPer12Months: 2,
          planningIntervalMonths: 4,
        },
      },
    ],
  },
  {
    id: 'R-EVAL-INTERVIEW',
    handling: ['computed'],
    confidence: 'V',
    source: 'AR 11 July 2002, art. 11 §2',
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { workingDays: 5 } }],
  },
  {
    id: 'R-EVAL-CONTENT',
    handling: ['enforced', 'recorded'],
    confidence: 'V',
    source: 'AR 11 July 2002, art. 11 §2',
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: { modes: 'in_person, remote, written' } }],
  },
  {
    id: 'R-PROGRESS',
    handling: ['computed'],
    confidence: 'V',
    source: 'SPP IS instructions (social activation); rulebook interpretation of the measure',
    versions: [
      {
        effectiveFrom: '2015-01-01',
        effectiveTo: null,
        parameters: { measure: 'rung or mean domain score above baseline' },
      },
    ],
  },
  {
    id: 'R-DURATION',
    handling: ['enforced', 'computed'],
    confidence: 'V',
    source: 'AR 11 July 2002, art. 10',
    // no general maximum; a social-activation path (2.1–2.3) started under the 2015–2016
    // convention lasted at most a year (flagged, not refused: the convention bound the subsidy)
    versions: [
      {
        effectiveFrom: SINCE_DIS,
        effectiveTo: null,
        parameters: {
          maximumMonths: null,
          conventionPathMonths: 12,
          conventionFrom: '2015-01-01',
          conventionTo: '2016-12-31',
        },
      },
    ],
  },
  {
    id: 'R-AMEND',
    handling: ['enforced'],
    confidence: 'V',
    source: 'AR 11 July 2002, art. 11 §3',
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: { reflectionPeriod: false } }],
  },
  {
    id: 'R-PROLONG',
    handling: ['enforced', 'computed'],
    confidence: 'V',
    source: 'AR 11 July 2002, art. 11 §3',
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-CLOSE',
    handling: ['recorded'],
    confidence: 'I',
    source: 'CPAS practice',
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-SANCTION-SCOPE',
    handling: ['enforced'],
    confidence: 'V',
    source: `${DIS}, art. 30 §2`,
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: { obligations: 'compulsory, optional' } }],
  },
  {
    id: 'R-SANCTION-NOTICE',
    handling: ['enforced'],
    confidence: 'V',
    source: `${DIS}, art. 30 §2`,
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-SANCTION-LENGTH',
    handling: ['enforced', 'computed'],
    confidence: 'V',
    source: `${DIS}, art. 30 §2`,
    versions: [
      {
        effectiveFrom: SINCE_DIS,
        effectiveTo: null,
        parameters: { maxMonths: 1, repeatMaxMonths: 3, repeatWithinMonths: 12 },
      },
    ],
  },
  {
    id: 'R-SANCTION-START',
    handling: ['enforced', 'computed'],
    confidence: 'S',
    source:
      `${DIS}, art. 30 §2 and AR 11 July 2002 (texts changed over time; the newer window applies until the ` +
      `dates are known)`,
    versions: [
      {
        effectiveFrom: SINCE_DIS,
        effectiveTo: null,
        parameters: { window: 'newer', startAfterNotificationDays: 1, latestStartMonthAfterDecision: 3 },
      },
    ],
  },
  {
    id: 'R-SANCTION-APPEAL',
    handling: ['computed'],
    confidence: 'V',
    source: `${DIS}, art. 47`,
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: { appealMonths: 3 } }],
  },
  {
    id: 'R-SUB-START',
    handling: ['computed'],
    confidence: 'V',
    source: `${DIS}, art. 43/2; ${REFORM}`,
    versions: [
      {
        effectiveFrom: REFORM_DAY,
        effectiveTo: null,
        parameters: {
          referenceDate: 'signature, or notedByCouncilOn when signed in a later month than the RI decision',
        },
      },
    ],
  },
  {
    id: 'R-SUB-FIRST',
    handling: ['computed'],
    confidence: 'V',
    source: `${DIS}, art. 43/2 (length: secondary sources; a parameter)`,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { firstPeriodMonths: 12 } }],
  },
  {
    id: 'R-SUB-STUDENT',
    handling: ['computed'],
    confidence: 'I',
    source: 'Rulebook interpretation until confirmed',
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: {} }],
  },
];
