// The date-effective rows of the rule table for rulebook sections 8–9: the 10% PIIS subsidy beyond
// its start and first period (kept with the lifecycle rules that the PIIS read already uses), and
// the reporting indicators.
import type { RuleDefinition } from './rule-table.js';

const ART_43_2 = 'Law of 26 May 2002 (DIS), art. 43/2';
const REFORM_DAY = '2016-11-01';

export const reportingRules: RuleDefinition[] = [
  {
    id: 'R-SUB-RATE',
    title: 'While a PIIS exists, the State adds 10% of the RI actually granted to the reimbursement',
    handling: ['computed'],
    confidence: 'V',
    source: ART_43_2,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { rate: 0.1, rounding: 'half up to the cent' } }],
  },
  {
    id: 'R-SUB-SECOND',
    title: 'A second year (code 17) only on a written, motivated request, with a PIIS in force on the last day of the first period and no interruption',
    handling: ['computed'],
    confidence: 'V',
    source: ART_43_2,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { withdrawalNearEndMonths: 1 } }],
  },
  {
    id: 'R-SUB-INTERRUPT',
    title: 'An RI interruption of more than 3 months inside the first year requires a newly signed PIIS before the subsidy is claimed again',
    handling: ['computed'],
    confidence: 'V',
    source: ART_43_2,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { interruptionMonths: 3 } }],
  },
  {
    id: 'R-SUB-COUPLE',
    title: 'A couple on the category-3 rate: the 10% once on that amount, never doubled; recovered when a compulsory PIIS is missing for either partner',
    handling: ['computed'],
    confidence: 'V',
    source: ART_43_2,
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { familyCategory: 'family' } }],
  },
  {
    id: 'R-SUB-EXPLAIN',
    title: 'Every computed month carries its code (11, 17 or none) and the reason',
    handling: ['computed'],
    confidence: 'I',
    source: 'Rulebook interpretation',
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-IND-2015',
    title: 'Convention indicators: beneficiaries with a bilan social; in a social-activation path through a PIIS, 2 = 2.1 + 2.2 + 2.3',
    handling: ['computed'],
    confidence: 'V',
    source: 'Social-activation convention 2015–2016 (SPP IS); computed for any year',
    versions: [{ effectiveFrom: '2015-01-01', effectiveTo: null, parameters: { askedUntilYear: 2016 } }],
  },
  {
    id: 'R-IND-OUTCOMES',
    title: 'Results: socio-professional path, reinforced autonomy, volunteering, employment; progress at 31 December',
    handling: ['computed'],
    confidence: 'V',
    source: 'Social-activation convention and PAS report (SPP IS)',
    versions: [{ effectiveFrom: '2015-01-01', effectiveTo: null, parameters: { referenceDay: '12-31', outcomeGroups: 'socioProfessional: socio_professional_path, training_started, studies_completed; autonomy: reinforced_autonomy; volunteering: volunteering; employment: employment' } }],
  },
  {
    id: 'R-IND-ENTITLED',
    title: 'Entitled persons with two ratios: entitled to RI, and followed in a path; never a nominative list',
    handling: ['computed'],
    confidence: 'V',
    source: 'PAS report (SPP IS), from 2017',
    versions: [{ effectiveFrom: '2017-01-01', effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-IND-COMPLIANCE',
    title: 'Per CPAS and year: concluded or exempted within 3 months, full reflection, evaluation frequency, interviews in time, median days grant → signature',
    handling: ['computed'],
    confidence: 'I',
    source: 'Rulebook interpretation',
    versions: [{ effectiveFrom: '2016-11-01', effectiveTo: null, parameters: { shares: 'percent, one decimal; null when nothing to count' } }],
  },
  {
    id: 'R-SUB-COSTS',
    title: 'Costs justified against the 10%: staff with proof of assignment, for their share of working time; rent with its link to PIIS coaching; never a building purchase',
    handling: ['computed'],
    confidence: 'V',
    source: 'Law of 26 May 2002, art. 43/2; SPP IS justification instructions',
    versions: [{ effectiveFrom: REFORM_DAY, effectiveTo: null, parameters: { staff: 'assignment proof, time share', rent: 'link to PIIS coaching', neverEligible: 'building_purchase' } }],
  },
  {
    id: 'R-PAS-COSTS',
    title: 'PAS costs: one expense against one subsidy only; renovation and professional-activation costs excluded; justifying more than the grant is allowed',
    handling: ['computed'],
    confidence: 'V',
    source: 'PAS circular (SPP IS)',
    versions: [{ effectiveFrom: '2017-01-01', effectiveTo: null, parameters: { neverEligible: 'building_purchase, renovation', oneSubsidyPerInvoice: true } }],
  },
  {
    id: 'R-PAS-MODULES',
    title: 'Collective modules reported in a table: theme, partners, sessions, hours, participants and of whom RI beneficiaries',
    handling: ['computed', 'recorded'],
    confidence: 'V',
    source: 'PAS report (SPP IS), from 2017',
    versions: [{ effectiveFrom: '2017-01-01', effectiveTo: null, parameters: {} }],
  },
  {
    id: 'R-IND-PRIVACY',
    title: 'Views across CPAS: cells of 1–4 persons suppressed with complementary suppression; extracts under keyed pseudonyms, without identifiers, free text or health data; every download audited',
    handling: ['enforced', 'computed'],
    confidence: 'I',
    source: 'GDPR; statistical disclosure control',
    versions: [{ effectiveFrom: '2015-01-01', effectiveTo: null, parameters: { smallCellMin: 1, smallCellMax: 4, pseudonym: 'HMAC-SHA256 of the internal id, key per purpose, 128 bits' } }],
  },
];
