// The columns of each report's CSV and XLSX export, with their headers in fr / nl / de / en and
// their cell types (amounts in euros, months as dates shown YYYY-MM).
import type { ExportColumn } from '../../http/export.js';
import type { Lang } from '../../http/problem.js';
import type { IndicatorItem } from '../../rules/indicators.js';
import type { SubsidyMonthItem } from './reports.schemas.js';
import type { PasModuleRow } from '../activation/activation.schemas.js';
import type { Expense } from '../expenses/expenses.schemas.js';

const h = (fr: string, nl: string, de: string, en: string): Record<Lang, string> => ({ fr, nl, de, en });

export const subsidyColumns: ExportColumn<SubsidyMonthItem>[] = [
  { header: h('Bénéficiaire', 'Begunstigde', 'Begünstigter', 'Beneficiary'), type: 'text', value: (r) => r.beneficiaryId },
  { header: h('Mois', 'Maand', 'Monat', 'Month'), type: 'month', value: (r) => r.month },
  { header: h('Code', 'Code', 'Code', 'Code'), type: 'integer', value: (r) => r.code },
  { header: h('Code formulaire', 'Formuliercode', 'Formularcode', 'Form code'), type: 'integer', value: (r) => r.formCode },
  { header: h('RI accordé (€)', 'Toegekend leefloon (€)', 'Gewährtes EE (€)', 'RI granted (€)'), type: 'euros', value: (r) => r.riCents },
  { header: h('Subvention 10 % (€)', 'Toelage 10 % (€)', 'Zuschuss 10 % (€)', '10% subsidy (€)'), type: 'euros', value: (r) => r.subsidyCents },
  { header: h('PIIS', 'GPMI', 'IPSI', 'PIIS'), type: 'text', value: (r) => r.piisId },
  { header: h('Règle', 'Regel', 'Regel', 'Rule'), type: 'text', value: (r) => r.rule },
  { header: h('Explication', 'Uitleg', 'Erläuterung', 'Explanation'), type: 'text', value: (r) => r.explanation },
];

export const indicatorColumns: ExportColumn<IndicatorItem>[] = [
  { header: h('Indicateur', 'Indicator', 'Indikator', 'Indicator'), type: 'text', value: (r) => r.key },
  { header: h('Valeur', 'Waarde', 'Wert', 'Value'), type: 'number', value: (r) => r.value },
  { header: h('Règle', 'Regel', 'Regel', 'Rule'), type: 'text', value: (r) => r.rule },
  { header: h('Explication', 'Uitleg', 'Erläuterung', 'Explanation'), type: 'text', value: (r) => r.explanation },
];

export const pasModuleColumns: ExportColumn<PasModuleRow>[] = [
  { header: h('Thème', 'Thema', 'Thema', 'Theme'), type: 'text', value: (r) => r.theme },
  { header: h('Module', 'Module', 'Modul', 'Module'), type: 'text', value: (r) => r.title },
  { header: h('Partenaires', 'Partners', 'Partner', 'Partners'), type: 'text', value: (r) => r.partners },
  { header: h('Séances', 'Sessies', 'Sitzungen', 'Sessions'), type: 'integer', value: (r) => r.sessions },
  { header: h('Heures', 'Uren', 'Stunden', 'Hours'), type: 'number', value: (r) => r.hours },
  { header: h('Participants', 'Deelnemers', 'Teilnehmer', 'Participants'), type: 'integer', value: (r) => r.participants },
  { header: h('Dont bénéficiaires du RI', 'Waarvan leefloongerechtigden', 'Davon EE-Bezieher', 'Of whom RI beneficiaries'), type: 'integer', value: (r) => r.riParticipants },
  { header: h('Remarques', 'Opmerkingen', 'Bemerkungen', 'Notes'), type: 'text', value: (r) => r.notes },
];

export const expenseColumns: ExportColumn<Expense>[] = [
  { header: h('Dépense', 'Uitgave', 'Ausgabe', 'Expense'), type: 'text', value: (r) => r.id },
  { header: h('Catégorie', 'Categorie', 'Kategorie', 'Category'), type: 'text', value: (r) => r.category },
  { header: h('Description', 'Omschrijving', 'Beschreibung', 'Description'), type: 'text', value: (r) => r.description },
  { header: h('Montant (€)', 'Bedrag (€)', 'Betrag (€)', 'Amount (€)'), type: 'euros', value: (r) => r.amountCents },
  { header: h('Éligible (€)', 'Subsidiabel (€)', 'Förderfähig (€)', 'Eligible (€)'), type: 'euros', value: (r) => r.eligibleCents },
  { header: h('Règle', 'Regel', 'Regel', 'Rule'), type: 'text', value: (r) => r.verdict.rule },
  { header: h('Explication', 'Uitleg', 'Erläuterung', 'Explanation'), type: 'text', value: (r) => r.verdict.explanation },
];
