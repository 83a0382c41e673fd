// How a report's large answers are put together beside their routes: the subsidy months streamed
// person by person from the kept tallies, and a Rapport unique form's sections as sheets.
import type { FastifyReply } from 'fastify';
import {
  EXPORT_MEDIA_TYPES,
  exportFormat,
  joinedArrayItems,
  jsonRawItemsStream,
  sendExport,
  formSection,
  type CsvDelimiter,
} from '../../http/export.js';
import { requestContext } from '../../http/request-context.js';
import { type SubsidyMonthItem } from './reports.schemas.js';
import { pasForm, piis10Form } from './rapport-unique.js';
import * as service from './reports.service.js';
import { formExpenseColumns, formLineColumns, pasModuleColumns, subsidyColumns } from './reports.exports.js';
import { sayMonthItem } from './subsidy.compute.js';
import type { Text } from '../../i18n/catalogue.js';

/** The subsidy rows name beneficiaries: their download is an export of those beneficiaries. */
export const SUBSIDY_NAMES = { entity: 'beneficiary', idOf: (row: SubsidyMonthItem) => row.beneficiaryId };

type StoredMonth = Omit<SubsidyMonthItem, 'explanation'> & { explanation: Text };

type PersonsReport = Extract<Awaited<ReturnType<typeof service.getSubsidyReport>>, { persons: unknown }>;

/** The subsidy months read person by person from the kept tallies, streamed in the format asked. */
export function sendSubsidyPersons(
  reply: FastifyReply,
  ctx: ReturnType<typeof requestContext>,
  report: PersonsReport,
  format: ReturnType<typeof exportFormat>,
  delimiter: CsvDelimiter | undefined,
) {
  // months stored in the reader's language are sent as stored; others keep their explanations
  // as messages, said here in the reader's language
  const said = (p: { items: Buffer; said: boolean }): Buffer =>
    p.said
      ? p.items
      : Buffer.from(
          JSON.stringify((JSON.parse(p.items.toString('utf8')) as StoredMonth[]).map((m) => sayMonthItem(ctx.lang, m))),
        );
  if (format === 'json') {
    // each person's array of months joins the answer's one array: its brackets are dropped
    const persons = (async function* () {
      for await (const batch of report.persons) yield joinedArrayItems(batch.map(said));
    })();
    reply.type(EXPORT_MEDIA_TYPES.json);
    return (reply as FastifyReply).send(jsonRawItemsStream({ year: report.year, totals: report.totals }, persons));
  }
  const rows = (async function* () {
    for await (const batch of report.persons) yield batch.flatMap((p) => service.storedMonths(ctx.lang, p));
  })();
  const audit = { ctx, ...SUBSIDY_NAMES };
  return sendExport(reply, format, {
    name: `subsidy-${report.year}`,
    sheetName: String(report.year),
    columns: subsidyColumns,
    rows: { batches: rows },
    lang: ctx.lang,
    delimiter,
    audit,
  });
}

/** A filled form's sections as sheets: its lines, its modules (PAS), its persons' months (10 %), its expenses. */
export async function formSections(
  ctx: ReturnType<typeof requestContext>,
  filled: Awaited<ReturnType<typeof pasForm>> | Awaited<ReturnType<typeof piis10Form>>,
) {
  const sections = [
    formSection({ key: 'lines', sheet: 'form.sheet-form', columns: formLineColumns, rows: filled.lines }),
  ];
  if (filled.modules)
    sections.push(
      formSection({ key: 'modules', sheet: 'form.sheet-modules', columns: pasModuleColumns, rows: filled.modules }),
    );
  if ('months' in filled) {
    const months = filled.months;
    const rows =
      'persons' in months
        ? {
            batches: (async function* () {
              for await (const batch of months.persons) yield batch.flatMap((p) => service.storedMonths(ctx.lang, p));
            })(),
          }
        : await service.namedMonths(ctx, months.items);
    sections.push(formSection({ key: 'months', sheet: 'form.sheet-months', columns: subsidyColumns, rows }));
  }
  sections.push(
    formSection({
      key: 'expenses',
      sheet: 'form.sheet-expenses',
      columns: formExpenseColumns,
      rows: filled.expenses,
    }),
  );
  return sections;
}
