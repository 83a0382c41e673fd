// The columns of the SPP IS views as CSV or XLSX: the national indicators one figure per row
// (the totals first, then each CPAS), the extract one PIIS-year per row.
import type { ExportColumn } from '../../http/export.js';
import type { Lang } from '../../core/problem.js';
import { msg, render } from '../../i18n/catalogue.js';
import { codedColumns } from '../meta/index.js';
import { INDICATOR_META } from '../../rules/indicators.js';
import type { ExtractRow, NationalIndicators } from './national.schemas.js';

export interface NationalFigureRow {
  cpas: string;
  name: string;
  key: string;
  value: number | null;
  suppressed: string | null;
  rule: string;
}

/** The figures as rows, names in the caller's language (English readers get the French name). */
export function nationalFigureRows(report: NationalIndicators, lang: Lang): NationalFigureRow[] {
  const nameLang = lang === 'en' ? 'fr' : lang;
  return [
    ...report.totals.map((i) => ({
      cpas: 'total',
      name: render(lang, msg('export.belgium')),
      key: i.key,
      value: i.value,
      suppressed: i.suppressed,
      rule: i.rule,
    })),
    ...report.rows.flatMap((r) =>
      r.items.map((i) => ({
        cpas: r.kboNumber,
        name: r.name[nameLang],
        key: i.key,
        value: i.value,
        suppressed: i.suppressed,
        rule: i.rule,
      })),
    ),
  ];
}

export const nationalColumns: ExportColumn<NationalFigureRow>[] = [
  { header: 'export.cpas-kbo', type: 'text', value: (r) => r.cpas },
  { header: 'export.name', type: 'text', value: (r) => r.name },
  // the SPP IS's number of the figure (1, 2, 2.1…, a–d), then its code and label
  { header: 'export.spp-number', type: 'text', value: (r) => INDICATOR_META[r.key]?.number ?? null },
  ...codedColumns<NationalFigureRow>('export.indicator', 'indicator', (r) => r.key),
  { header: 'export.value', type: 'number', value: (r) => r.value },
  ...codedColumns<NationalFigureRow>('export.suppressed', 'suppression', (r) => r.suppressed),
  { header: 'export.rule', type: 'text', value: (r) => r.rule },
];

export const extractColumns: ExportColumn<ExtractRow>[] = [
  { header: 'export.person-pseudonym', type: 'text', value: (r) => r.person },
  { header: 'export.piis-pseudonym', type: 'text', value: (r) => r.piis },
  { header: 'export.cpas-kbo', type: 'text', value: (r) => r.cpasKbo },
  { header: 'export.year', type: 'integer', value: (r) => r.year },
  ...codedColumns<ExtractRow>('export.track', 'track', (r) => r.track),
  ...codedColumns<ExtractRow>('export.obligation', 'obligation', (r) => r.obligation),
  ...codedColumns<ExtractRow>('export.activation-category', 'activationCategory', (r) => r.activationCategory),
  { header: 'export.age-band', type: 'text', value: (r) => r.ageBand },
  { header: 'export.drafted', type: 'month', value: (r) => r.draftedMonth },
  { header: 'export.concluded', type: 'month', value: (r) => r.signedMonth },
  { header: 'export.closed', type: 'month', value: (r) => r.endedMonth },
  ...codedColumns<ExtractRow>('export.outcome', 'closeOutcome', (r) => r.closeOutcome),
  { header: 'export.evaluations', type: 'integer', value: (r) => r.evaluations },
  { header: 'export.of-them-in-person', type: 'integer', value: (r) => r.evaluationsInPerson },
  { header: 'export.interviews-requested', type: 'integer', value: (r) => r.interviews },
  { header: 'export.sanctions', type: 'integer', value: (r) => r.sanctions },
];
