// The columns of each report's CSV and XLSX export: their headers (messages of the catalogue), their
// cell types (amounts in euros, months as dates shown YYYY-MM), and a coded cell's label beside it.
import type { ExportColumn } from '../../http/export.js';
import { codedColumns } from '../meta/codes.js';
import type { Indicators, SubsidyMonthItem } from './reports.schemas.js';
import type { PasModuleRow } from '../activation/activation.schemas.js';
import type { Expense } from '../expenses/expenses.schemas.js';

export const subsidyColumns: ExportColumn<SubsidyMonthItem>[] = [
  { header: 'export.beneficiary', type: 'text', value: (r) => r.beneficiaryId },
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
  { header: 'export.description', type: 'text', value: (r) => r.description },
  { header: 'export.amount', type: 'euros', value: (r) => r.amountCents },
  { header: 'export.eligible', type: 'euros', value: (r) => r.eligibleCents },
  { header: 'export.rule', type: 'text', value: (r) => r.verdict.rule },
  { header: 'export.explanation', type: 'text', value: (r) => r.verdict.explanation, width: 80 },
];
