// The date-effective rows of the rule table for rulebook sections 1–4: obligation, assessment,
// negotiation and signature, kinds (the rest of the lifecycle: rule-table.follow-up.ts). Computations read
// their parameters from here through parametersOn(); GET /v1/rules publishes them.
import type { RuleDefinition } from './rule-definition.js';
import { MODULE_THEMES, PROFESSIONAL_DOMAINS, themeKind } from './activation-kinds.js';

export const DIS = 'Law of 26 May 2002 (DIS)';
export const REFORM = 'Law of 21 July 2016 and AR of 3 October 2016 (in force 1 November 2016)';
export const SINCE_DIS = '2002-10-01';
export const REFORM_DAY = '2016-11-01';

export const lifecycleRules: RuleDefinition[] = [
  {
    id: 'R-OBLIG-NEW',
    handling: ['enforced'],
    confidence: 'V',
    source: `${DIS}, art. 11 and 13; ${REFORM}`,
    versions: [
      {
        effectiveFrom: SINCE_DIS,
        effectiveTo: '2016-10-31',
        parameters: {
          compulsoryFor: 'under-25s (studies, project towards a job)',
          ageLimit: 25,
          noRiMonthsBeforeGrant: null,
        },
      },
      {
        effectiveFrom: REFORM_DAY,
        effectiveTo: null,
        parameters: { compulsoryFor: 'every new RI beneficiary', ageLimit: null, noRiMonthsBeforeGrant: 3 },
      },
    ],
  },
  {
    id: 'R-OBLIG-DEADLINE',
    handling: ['enforced', 'computed'],
    confidence: 'V',
    source: `${DIS}, art. 11 §1; ${REFORM}`,
    versions: [
      {
        effectiveFrom: REFORM_DAY,
        effectiveTo: null,
        parameters: { concludeWithinMonths: 3, deadlineFrom: 'decision' },
      },
    ],
  },
  {
    id: 'R-OPT-EMPLOYED',
    handling: ['recorded'],
    confidence: 'S',
    source: 'SPP IS FAQ',
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { obligation: 'optional' } }],
  },
  {
    id: 'R-OPT-OTHER-USERS',
    handling: ['recorded', 'enforced'],
    confidence: 'V',
    source: REFORM,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { obligation: 'coaching' } }],
  },
  {
    id: 'R-STUDENT',
    handling: ['enforced', 'recorded'],
    confidence: 'V',
    source: `${DIS}, art. 11 §2`,
    versions: [
      { effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: { track: 'student', federalCodes: '9, 10' } },
    ],
  },
  {
    id: 'R-REUSE',
    handling: ['enforced'],
    confidence: 'V',
    source: REFORM,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { maxWorkMonths: 3 } }],
  },
  {
    id: 'R-COUPLE',
    handling: ['recorded'],
    confidence: 'V',
    source: REFORM,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-ASSESS-FIRST',
    handling: ['enforced'],
    confidence: 'V',
    source: `AR 11 July 2002, art. 11; ${REFORM}`,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { sameDayAllowed: true } }],
  },
  {
    id: 'R-ASSESS-BASELINE',
    handling: ['recorded'],
    confidence: 'V',
    source: REFORM,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { instrument: 'default' } }],
  },
  {
    id: 'R-ASSIST',
    handling: ['recorded'],
    confidence: 'V',
    source: `${DIS}, art. 11 §1`,
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-INFORM',
    handling: ['enforced', 'recorded'],
    confidence: 'V',
    source: 'AR 11 July 2002, art. 8',
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-REFLECT',
    handling: ['enforced', 'computed'],
    confidence: 'V',
    source: `${DIS}, art. 11 §1; counting by the Judicial Code, art. 52–53 (interpretation)`,
    versions: [
      {
        effectiveFrom: REFORM_DAY,
        effectiveTo: null,
        parameters: { reflectionDays: 5, reflectionWaiverAllowed: false },
      },
    ],
  },
  {
    id: 'R-HEARING',
    handling: ['enforced', 'computed'],
    confidence: 'V',
    source: `${DIS}, art. 11 §1`,
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-CONTENT',
    handling: ['enforced'],
    confidence: 'V',
    source: 'AR 11 July 2002, art. 10',
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: { requiredParties: 'beneficiary, cpas' } }],
  },
  {
    id: 'R-PARTIES',
    handling: ['enforced', 'recorded'],
    confidence: 'V',
    source: `${DIS}, art. 11`,
    versions: [
      { effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: { requiredSignatures: 'beneficiary, cpas' } },
    ],
  },
  {
    id: 'R-SIGNED-VERSION',
    handling: ['enforced'],
    confidence: 'I',
    source: 'Rulebook interpretation',
    versions: [{ effectiveFrom: SINCE_DIS, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-KIND',
    handling: ['recorded'],
    confidence: 'V',
    source: REFORM,
    versions: [
      {
        effectiveFrom: REFORM_DAY,
        effectiveTo: null,
        parameters: { tracks: 'general, student', categories: '2.1, 2.2, 2.3' },
      },
    ],
  },
  {
    id: 'R-SOCIAL-ACTIVATION',
    handling: ['enforced', 'computed'],
    confidence: 'V',
    source: 'SPP IS instructions 2015–2017 (social activation)',
    versions: [
      {
        effectiveFrom: '2015-01-01',
        effectiveTo: null,
        parameters: {
          professionalDomains: PROFESSIONAL_DOMAINS.join(', '),
          professionalThemes: MODULE_THEMES.filter((t) => themeKind(t) === 'professional').join(', '),
        },
      },
    ],
  },
  {
    id: 'R-COMMUNITY-SERVICE',
    handling: ['enforced'],
    confidence: 'V',
    source: `${REFORM}; Constitutional Court 86/2018`,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: '2018-09-30', parameters: { accepted: true } }],
  },
  {
    id: 'R-VOLUNTEERING',
    handling: ['enforced'],
    confidence: 'V',
    source: 'Law of 3 July 2005 (volunteering); SPP IS circular of 26 July 2018',
    versions: [
      { effectiveFrom: '2005-08-01', effectiveTo: '2018-07-25', parameters: { pathAllowed: true } },
      { effectiveFrom: '2018-07-26', effectiveTo: null, parameters: { pathAllowed: false } },
    ],
  },
];
