// The columns of each report's CSV and XLSX export: their headers (messages of the catalogue), their
// cell types (amounts in euros, months as dates shown YYYY-MM), and a coded cell's label beside it.
import type { ExportColumn } from '../../http/export.js';
import { codedColumns } from '../meta/index.js';
import { themeCode } from '../../rules/activation-kinds.js';
import { msg, render, type Lang, type MessageId } from '../../i18n/catalogue.js';
import type { Indicators, RapportUniqueLine, SubsidyMonthItem } from './reports.schemas.js';
import type { PasModuleRow } from '../activation/index.js';
import type { Expense } from '../expenses/index.js';

function themeLabel(theme: string, lang: Lang): string {
  const code = themeCode(theme);
  return code ? render(lang, msg(`code.moduleTheme.${code}` as MessageId)) : theme;
}

/** A subsidy month as the CPAS's own export names it: with the person's NISS and name. */
export type NamedSubsidyMonth = SubsidyMonthItem & {
  niss: string | null;
  familyName: string | null;
  givenName: string | null;
};

export const subsidyColumns: ExportColumn<NamedSubsidyMonth>[] = [
  { header: 'export.beneficiary', type: 'text', value: (r) => r.beneficiaryId },
  { header: 'export.niss', type: 'text', value: (r) => r.niss },
  { header: 'export.family-name', type: 'text', value: (r) => r.familyName },
  { header: 'export.given-name', type: 'text', value: (r) => r.givenName },
  { header: 'export.month', type: 'month', value: (r) => r.month },
  { header: 'export.code', type: 'integer', value: (r) => r.code },
  ...codedColumns<SubsidyMonthItem>('export.form-code', 'formCode', (r) => r.formCode, 'integer'),
  { header: 'export.ri-granted', type: 'euros', value: (r) => r.riCents },
  { header: 'export.10-subsidy', type: 'euros', value: (r) => r.subsidyCents },
  { header: 'export.piis', type: 'text', value: (r) => r.piisId },
  { header: 'export.rule', type: 'text', value: (r) => r.rule },
  { header: 'export.explanation', type: 'text', value: (r) => r.explanation, width: 80 },
];

export const indicatorColumns: ExportColumn<Indicators['items'][number]>[] = [
  ...codedColumns<Indicators['items'][number]>('export.section', 'indicatorSection', (r) => r.section),
  { header: 'export.spp-number', type: 'text', value: (r) => r.number },
  ...codedColumns<Indicators['items'][number]>('export.indicator', 'indicator', (r) => r.key),
  { header: 'export.value', type: 'number', value: (r) => r.value },
  { header: 'export.rule', type: 'text', value: (r) => r.rule },
  { header: 'export.explanation', type: 'text', value: (r) => r.explanation, width: 80 },
];

export const pasModuleColumns: ExportColumn<PasModuleRow>[] = [
  { header: 'export.theme', type: 'text', value: (r) => r.theme },
  // a theme naming a code said in the reader's language; a theme in the CPAS's own words as written
  { header: 'export.theme-label', type: 'text', value: (r, lang) => themeLabel(r.theme, lang) },
  { header: 'export.module', type: 'text', value: (r) => r.title },
  { header: 'export.partners', type: 'text', value: (r) => r.partners },
  { header: 'export.sessions', type: 'integer', value: (r) => r.sessions },
  { header: 'export.hours', type: 'number', value: (r) => r.hours },
  { header: 'export.participants', type: 'integer', value: (r) => r.participants },
  { header: 'export.of-whom-ri-beneficiaries', type: 'integer', value: (r) => r.riParticipants },
  { header: 'export.notes', type: 'text', value: (r) => r.notes },
];

export const expenseColumns: ExportColumn<Expense>[] = [
  { header: 'export.expense', type: 'text', value: (r) => r.id },
  ...codedColumns<Expense>('export.category', 'expenseCategory', (r) => r.category),
  ...codedColumns<Expense>('export.activation', 'activationKind', (r) => r.activation),
  { header: 'export.description', type: 'text', value: (r) => r.description },
  { header: 'export.amount', type: 'euros', value: (r) => r.amountCents },
  { header: 'export.eligible', type: 'euros', value: (r) => r.eligibleCents },
  { header: 'export.rule', type: 'text', value: (r) => r.verdict.rule },
  { header: 'export.explanation', type: 'text', value: (r) => r.verdict.explanation, width: 80 },
];

export const formLineColumns: ExportColumn<RapportUniqueLine>[] = [
  ...codedColumns<RapportUniqueLine>('export.section-label', 'formSection', (r) => r.section),
  { header: 'export.spp-number', type: 'text', value: (r) => r.number },
  { header: 'export.line', type: 'text', value: (r) => r.key },
  { header: 'export.label', type: 'text', value: (r) => r.label, width: 60 },
  { header: 'export.value', type: 'number', value: (r) => r.value },
  { header: 'export.amount', type: 'euros', value: (r) => r.amountCents },
  { header: 'export.text', type: 'text', value: (r) => r.text, width: 30 },
  { header: 'export.rule', type: 'text', value: (r) => r.rule },
  { header: 'export.explanation', type: 'text', value: (r) => r.explanation, width: 80 },
];

/** A form's costs name the subsidy each is justified against (a PAS form of 2015–2016 has two). */
export const formExpenseColumns: ExportColumn<Expense>[] = [
  ...codedColumns<Expense>('export.subsidy', 'subsidy', (r) => r.subsidy),
  ...expenseColumns,
];
