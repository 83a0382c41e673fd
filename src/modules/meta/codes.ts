// Every code list of the API. Codes never change with the language; their labels are messages of
// the catalogue, `code.<list>.<code>` (src/i18n), said in the reader's language.
import { Type, type TLiteral, type TUnion } from 'typebox';
import { messages, msg, render, type Lang, type MessageId } from '../../i18n/catalogue.js';
import type { ExportColumn } from '../../http/export.js';
import { ACTIVATION_KINDS, MODULE_THEMES } from '../../rules/activation-kinds.js';
import { STAFF_ROLES, SUBSIDIES } from '../../rules/expenses.js';
import { FORM_SECTIONS } from '../reports/reports.schemas.js';
import { INDICATOR_GROUPS, INDICATOR_KEYS, INDICATOR_SECTIONS } from '../../rules/indicators.js';

export const codeLists: Readonly<Record<string, readonly string[]>> = {
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
};

/** A schema accepting exactly the codes of one list (the code lists are the one source of truth). */
export function codeUnion(list: keyof typeof codeLists & string, description: string): TUnion<TLiteral<string>[]> {
  const codes = codeLists[list];
  if (!codes) throw new Error(`no code list ${list}`);
  return Type.Union(
    codes.map((c) => Type.Literal(c)),
    { description },
  );
}

const labelId = (list: string, code: string) => `code.${list}.${code}` as MessageId;

/** The label of a code in the reader's language (the code itself when the list does not know it). */
export function codeLabel(lang: Lang, list: string, code: string): string {
  const id = labelId(list, code);
  return id in messages.en ? render(lang, msg(id)) : code;
}

/** A coded export column and, beside it, the code's label in the reader's language. */
export function codedColumns<R>(
  header: MessageId,
  list: string,
  code: (row: R) => string | number | null,
  type: 'text' | 'integer' = 'text',
): ExportColumn<R>[] {
  return [
    { header, type, value: (row) => code(row) },
    {
      header: msg('export.label-of', { column: msg(header) }),
      type: 'text',
      value: (row, lang) => (code(row) === null ? null : codeLabel(lang, list, String(code(row)))),
    },
  ];
}
