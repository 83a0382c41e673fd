// The convention report as CSV or XLSX: one row per figure, its objective beside its result.
import type { ExportColumn } from '../../http/export.js';
import type { Convention, ConventionResult } from './convention.schemas.js';
import { msg, render, type Lang, type MessageId } from '../../i18n/catalogue.js';

export const conventionColumns: ExportColumn<ConventionResult>[] = [
  { header: 'export.spp-number', type: 'text', value: (r) => r.number },
  { header: 'export.indicator', type: 'text', value: (r) => r.key },
  { header: 'export.label', type: 'text', value: (r) => r.label, width: 60 },
  { header: 'export.target', type: 'integer', value: (r) => r.target },
  { header: 'export.result', type: 'number', value: (r) => r.result },
  {
    header: 'export.reached',
    type: 'text',
    value: (r, lang) =>
      r.reached === null ? null : render(lang, msg('export.yes-no', { answer: r.reached ? 'yes' : 'no' })),
  },
  { header: 'export.rule', type: 'text', value: (r) => r.rule },
  { header: 'export.explanation', type: 'text', value: (r) => r.explanation, width: 80 },
];

/** The final report's qualitative evaluation as rows after the figures (its texts in the explanation column). */
export function evaluationRows(report: Convention, lang: Lang): ConventionResult[] {
  const e = report.evaluation;
  if (!e) return [];
  const row = (key: string, label: MessageId, text: string): ConventionResult => ({
    key,
    number: null,
    label: render(lang, msg(label)),
    target: null,
    result: null,
    reached: null,
    rule: 'R-IND-2015',
    explanation: text,
  });
  return [
    row(
      'evaluation.objectivesMet',
      'convention.objectives-met',
      render(lang, msg('convention.met', { met: e.objectivesMet })),
    ),
    row('evaluation.partnerships', 'convention.partnerships', e.partnerships),
    ...(e.reasonsNotMet ? [row('evaluation.reasonsNotMet', 'convention.reasons', e.reasonsNotMet)] : []),
  ];
}
