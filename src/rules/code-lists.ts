// Every code list of the API, once: the TypeBox schemas (codeUnion in src/http/schemas.ts), the
// TypeScript types (Code<list>), GET /v1/codes and the export columns' labels all come from here.
// Codes never change with the language; their labels are messages of the catalogue,
// `code.<list>.<code>` (src/i18n), said in the reader's language. Data only: no schema or module
// is imported here, so that any schema can be built from it.
import { ACTIVATION_KINDS, MODULE_THEMES } from './activation-kinds.js';
import { STAFF_ROLES, SUBSIDIES } from './expenses.js';
import { INDICATOR_GROUPS, INDICATOR_KEYS, INDICATOR_SECTIONS } from './indicators.js';

/** The sections of the Rapport unique forms, in the order of the forms. */
export const FORM_SECTIONS = [
  'identification',
  'objectives',
  'progress',
  'results',
  'entitled',
  'modules',
  'subsidy',
  'justification',
  'piis',
  'compliance',
] as const;

export const codeLists = {
  language: ['fr', 'nl', 'de'],
  rightKind: ['ri', 'equivalent_aid', 'end'],
  rightCategory: ['cohabitant', 'isolated', 'family'],
  situationKind: ['employment', 'studies', 'training'],
  exemptionReason: ['health', 'equity'],
  domain: [
    'finances',
    'daily_activities',
    'housing',
    'family_relations',
    'mental_health',
    'physical_health',
    'addiction',
    'basic_daily_living',
    'instrumental_daily_living',
    'social_network',
    'social_participation',
    'justice',
    'language',
    'mobility',
    'digital_skills',
    'administration',
    'employment',
    'training',
  ],
  participationRung: ['1', '2', '3', '4', '5', '6'],
  assessmentKind: ['initial', 'intermediate', 'final'],
  track: ['general', 'student'],
  obligation: ['compulsory', 'optional', 'coaching'],
  activationCategory: ['2.1', '2.2', '2.3', 'community_service'],
  party: ['beneficiary', 'cpas', 'third_party'],
  assessmentInstrument: ['default'],
  piisStatus: ['draft', 'in_reflection', 'signed', 'active', 'closed'],
  versionKind: ['initial', 'amendment', 'prolongation'],
  evaluationMode: ['in_person', 'remote', 'written'],
  objectiveStatus: ['achieved', 'progressing', 'not_started', 'abandoned'],
  closeOutcome: [
    'employment',
    'training_started',
    'studies_completed',
    'socio_professional_path',
    'reinforced_autonomy',
    'volunteering',
    'moved',
    'ri_ended',
    'abandoned',
    'deceased',
    'other',
  ],
  expenseCategory: ['staff', 'rent', 'activity', 'equipment', 'building_purchase', 'renovation', 'other'],
  subsidy: SUBSIDIES,
  staffRole: STAFF_ROLES,
  activationKind: ACTIVATION_KINDS,
  moduleTheme: MODULE_THEMES,
  formCode: ['8', '9', '10', '11', '17'],
  suppression: ['primary', 'complementary'],
  indicator: INDICATOR_KEYS,
  indicatorGroup: INDICATOR_GROUPS,
  indicatorSection: INDICATOR_SECTIONS,
  formSection: FORM_SECTIONS,
  role: ['social_worker', 'cpas_manager', 'cpas_auditor', 'integration', 'spp_analyst', 'platform_admin'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type CodeList = keyof typeof codeLists;
/** A code of one list, as a TypeScript type. */
export type Code<L extends CodeList> = (typeof codeLists)[L][number];
