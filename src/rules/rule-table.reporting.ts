// The date-effective rows of the rule table for rulebook sections 8–9: the 10% PIIS subsidy beyond
// its start and first period (kept with the lifecycle rules that the PIIS read already uses), and
// the reporting indicators.
import type { RuleDefinition } from './rule-definition.js';

const ART_43_2 = 'Law of 26 May 2002 (DIS), art. 43/2';
const REFORM_DAY = '2016-11-01';

export const reportingRules: RuleDefinition[] = [
  {
    id: 'R-SUB-RATE',
    handling: ['computed'],
    confidence: 'V',
    source: ART_43_2,
    versions: [
      { effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { rate: 0.1, rounding: 'half up to the cent' } },
    ],
  },
  {
    id: 'R-SUB-SECOND',
    handling: ['computed'],
    confidence: 'V',
    source: ART_43_2,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { withdrawalNearEndMonths: 1 } }],
  },
  {
    id: 'R-SUB-INTERRUPT',
    handling: ['computed'],
    confidence: 'V',
    source: ART_43_2,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { interruptionMonths: 3 } }],
  },
  {
    id: 'R-SUB-COUPLE',
    handling: ['computed'],
    confidence: 'V',
    source: ART_43_2,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { familyCategory: 'family' } }],
  },
  {
    id: 'R-SUB-EXPLAIN',
    handling: ['computed'],
    confidence: 'I',
    source: 'Rulebook interpretation',
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-IND-2015',
    handling: ['computed'],
    confidence: 'V',
    source: 'Social-activation convention 2015–2016 (SPP IS); computed for any year',
    versions: [{ effectiveFrom: '2015-01-01', effectiveTo: null, parameters: { askedUntilYear: 2016 } }],
  },
  {
    id: 'R-IND-OUTCOMES',
    handling: ['computed'],
    confidence: 'V',
    source: 'Social-activation convention and PAS report (SPP IS)',
    versions: [
      {
        effectiveFrom: '2015-01-01',
        effectiveTo: null,
        parameters: {
          referenceDay: '12-31',
          outcomeGroups:
            'socioProfessional: socio_professional_path, training_started, studies_completed; autonomy: ' +
            'reinforced_autonomy; volunteering: volunteering; employment: employment',
        },
      },
    ],
  },
  {
    id: 'R-IND-ENTITLED',
    handling: ['computed'],
    confidence: 'V',
    source: 'PAS report (SPP IS), from 2017',
    versions: [{ effectiveFrom: '2017-01-01', effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-IND-COMPLIANCE',
    handling: ['computed'],
    confidence: 'I',
    source: 'Rulebook interpretation',
    versions: [
      {
        effectiveFrom: '2016-11-01',
        effectiveTo: null,
        parameters: { shares: 'percent, one decimal; null when nothing to count' },
      },
    ],
  },
  {
    id: 'R-SUB-COSTS',
    handling: ['computed'],
    confidence: 'V',
    source: 'Law of 26 May 2002, art. 43/2; SPP IS justification instructions',
    versions: [
      {
        effectiveFrom: REFORM_DAY,
        effectiveTo: null,
        parameters: {
          staff: 'assignment proof, time share',
          rent: 'link to PIIS coaching',
          neverEligible: 'building_purchase',
        },
      },
    ],
  },
  {
    id: 'R-PAS-COSTS',
    handling: ['computed'],
    confidence: 'V',
    source: 'PAS circular (SPP IS)',
    versions: [
      {
        effectiveFrom: '2017-01-01',
        effectiveTo: null,
        parameters: { neverEligible: 'building_purchase, renovation', oneSubsidyPerInvoice: true },
      },
    ],
  },
  {
    id: 'R-PAS-MODULES',
    handling: ['computed', 'recorded'],
    confidence: 'V',
    source: 'PAS report (SPP IS), from 2017',
    versions: [{ effectiveFrom: '2017-01-01', effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-IND-PRIVACY',
    handling: ['enforced', 'computed'],
    confidence: 'I',
    source: 'GDPR; statistical disclosure control',
    versions: [
      {
        effectiveFrom: '2015-01-01',
        effectiveTo: null,
        parameters: {
          smallCellMin: 1,
          smallCellMax: 4,
          pseudonym: 'HMAC-SHA256 of the internal id, key per purpose, 128 bits',
        },
      },
    ],
  },
];
