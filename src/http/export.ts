// Report exports: JSON, CSV or XLSX by `?format=` or, without it, by the Accept header; column
// headers in the caller's language; rows streamed as they come. CSV is RFC 4180 with a UTF-8 BOM
// (spreadsheets then read the accents), dates ISO (a month as its first day); in fr, nl and de it is what a spreadsheet
// in a
// Belgian locale reads as numbers — `;` between fields and a decimal comma — and in en `,` and a
// decimal point (`?delimiter=` chooses otherwise); a text that a spreadsheet would run as a
// formula is prefixed with an apostrophe.
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { msg, render, type Lang, type Message, type MessageId } from '../i18n/catalogue.js';
import { rankedRanges } from './accept.js';
import { workbookStream, xlsxStream, type Cell, type CellType } from './xlsx.js';
import type { RequestContext } from '../core/context.js';
import { recordExport } from '../core/work.js';

export type ExportFormat = 'json' | 'csv' | 'xlsx';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportColumn<R> {
  /** the header's message (src/i18n), said in the reader's language */
  header: MessageId | Message;
  type: CellType;
  /** the cell; a coded cell's label column says the code's label in the reader's language */
  value(row: R, lang: Lang): Cell;
  /** its width in a workbook, in characters, where the default of its type is too narrow */
  width?: number;
}

const headerOf = (column: ExportColumn<unknown>, lang: Lang) =>
  render(lang, typeof column.header === 'string' ? msg(column.header) : column.header);

/** `?format=` wins; otherwise the media type the Accept header ranks highest (JSON when it ranks none). */
export function exportFormat(format: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (format) return format;
  if (!accept) return 'json';
  for (const r of rankedRanges(accept)) {
    const hit = (Object.entries(EXPORT_MEDIA_TYPES) as Array<[ExportFormat, string]>).find(
      ([, type]) => type === r.range,
    );
    if (hit) return hit[0];
  }
  return 'json';
}

export type CsvDelimiter = 'semicolon' | 'comma';

/** The separator a spreadsheet in the reader's locale expects: `;` (and a decimal comma) in Belgium. */
export const defaultDelimiter = (lang: Lang): CsvDelimiter => (lang === 'en' ? 'comma' : 'semicolon');

function csvField(type: CellType, value: Cell, delimiter: CsvDelimiter): string {
  if (value === null) return '';
  // a month is written as its first day: an ISO date, which spreadsheets read as a date (YYYY-MM is text to them)
  let text =
    type === 'euros'
      ? (Number(value) / 100).toFixed(2)
      : type === 'month' && /^\d{4}-\d{2}$/.test(String(value))
        ? `${value}-01`
        : String(value);
  if ((type === 'euros' || type === 'number') && delimiter === 'semicolon') text = text.replace('.', ',');
  if (type === 'text' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const special = delimiter === 'semicolon' ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A long download may be silent for a while (the database prepares a large result before its
 * first row): the connection's idle timeout is lifted for this response, and restored after it.
 */
export function allowLongResponse(request: FastifyRequest, reply: FastifyReply): void {
  const socket = request.raw.socket as (typeof request.raw.socket & { timeout?: number }) | undefined;
  // an injected request (tests) has no real socket
  if (!socket || typeof socket.setTimeout !== 'function') return;
  const idle = socket.timeout ?? 0;
  socket.setTimeout(0);
  reply.raw.once('close', () => {
    if (!socket.destroyed) socket.setTimeout(idle);
  });
}

/** Rows as a report has them (a list, or one at a time), or in batches as a cursor reads them. */
export type RowSource<R> = Iterable<R> | AsyncIterable<R> | { batches: AsyncIterable<readonly R[]> };

async function* batchesOf<R>(rows: RowSource<R>): AsyncIterable<readonly R[]> {
  if ('batches' in rows) yield* rows.batches;
  else if (Array.isArray(rows)) yield rows;
  else for await (const row of rows as AsyncIterable<R>) yield [row];
}

export function csvStream<R>(
  columns: readonly ExportColumn<R>[],
  rows: RowSource<R>,
  lang: Lang,
  delimiter: CsvDelimiter = defaultDelimiter(lang),
): Readable {
  const separator = delimiter === 'semicolon' ? ';' : ',';
  return Readable.from(
    (async function* () {
      const header = columns.map((c) => csvField('text', headerOf(c as ExportColumn<unknown>, lang), delimiter));
      yield `\uFEFF${header.join(separator)}\r\n`;
      let chunk = '';
      for await (const batch of batchesOf(rows)) {
        for (const row of batch) {
          chunk += `${columns.map((c) => csvField(c.type, c.value(row, lang), delimiter)).join(separator)}\r\n`;
          if (chunk.length > 64 * 1024) {
            yield chunk;
            chunk = '';
          }
        }
      }
      if (chunk) yield chunk;
    })(),
    { objectMode: false },
  );
}

/** A JSON object whose `items` array is streamed from the rows: `{…head, "items": [rows…]}`. */
export function jsonItemsStream<R>(head: Record<string, unknown>, rows: RowSource<R>): Readable {
  return Readable.from(
    (async function* () {
      const open = JSON.stringify(head);
      let chunk = `${open.length > 2 ? `${open.slice(0, -1)},` : '{'}"items":[`;
      let first = true;
      for await (const batch of batchesOf(rows)) {
        for (const row of batch) {
          chunk += first ? JSON.stringify(row) : `,${JSON.stringify(row)}`;
          first = false;
          if (chunk.length > 64 * 1024) {
            yield chunk;
            chunk = '';
          }
        }
      }
      yield `${chunk}]}`;
    })(),
    { objectMode: false },
  );
}

/** Like jsonItemsStream, the rows already JSON: each chunk a comma-separated run of items (empty chunks skipped). */
export function jsonRawItemsStream(head: Record<string, unknown>, chunks: AsyncIterable<string | Buffer>): Readable {
  return Readable.from(
    (async function* () {
      const open = JSON.stringify(head);
      yield Buffer.from(`${open.length > 2 ? `${open.slice(0, -1)},` : '{'}"items":[`);
      let first = true;
      for await (const chunk of chunks) {
        if (chunk.length === 0) continue;
        if (!first) yield COMMA;
        yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        first = false;
      }
      yield Buffer.from(']}');
    })(),
    { objectMode: false },
  );
}

const COMMA = Buffer.from(',');

/**
 * The items of several JSON arrays (UTF-8 bytes, as stored) as one comma-separated run: `[a,b]`, `[]`, `[c]` → `a,b,c`.
 */
export function joinedArrayItems(arrays: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const array of arrays) {
    if (array.length <= 2) continue;
    if (parts.length > 0) parts.push(COMMA);
    parts.push(array.subarray(1, array.length - 1));
  }
  return Buffer.concat(parts);
}

async function* mapRows<R>(rows: RowSource<R>, columns: readonly ExportColumn<R>[], lang: Lang): AsyncIterable<Cell[]> {
  for await (const batch of batchesOf(rows)) for (const row of batch) yield columns.map((c) => c.value(row, lang));
}

/** Who downloads what: the export's audit entity, and the record a row names (if it names one). */
export interface ExportAudit<R> {
  ctx: RequestContext;
  entity: string;
  idOf?: (row: R) => string;
}

/**
 * The rows as they go out, counted: when the last has gone (or the client left), one export entry
 * names the records carried, the format and the number of rows (`; interrupted` if cut short).
 */
function audited<R>(rows: RowSource<R>, format: ExportFormat, audit: ExportAudit<R>): RowSource<R> {
  return {
    batches: (async function* () {
      let count = 0;
      let complete = false;
      const ids = new Set<string>();
      try {
        for await (const batch of batchesOf(rows)) {
          count += batch.length;
          if (audit.idOf) for (const row of batch) ids.add(audit.idOf(row));
          yield batch;
        }
        complete = true;
      } finally {
        await recordExport(
          audit.ctx,
          audit.entity,
          [...ids],
          `${format}; rows=${count}${complete ? '' : '; interrupted'}`,
        );
      }
    })(),
  };
}

/** Sends rows as CSV or XLSX, as a download named `<name>.<format>`, audited as an export. */
export function sendExport<R>(
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  input: {
    name: string;
    sheetName: string;
    columns: readonly ExportColumn<R>[];
    rows: RowSource<R>;
    lang: Lang;
    delimiter?: CsvDelimiter;
    audit: ExportAudit<R>;
  },
) {
  const { columns, lang } = input;
  const rows = audited(input.rows, format, input.audit);
  reply.header('content-disposition', `attachment; filename="${input.name}.${format}"`);
  if (format === 'csv') {
    reply.type('text/csv; charset=utf-8');
    return reply.send(csvStream(columns, rows, lang, input.delimiter));
  }
  reply.type(EXPORT_MEDIA_TYPES.xlsx);
  return reply.send(
    xlsxStream({
      sheetName: input.sheetName,
      headers: columns.map((c) => headerOf(c as ExportColumn<unknown>, lang)),
      types: columns.map((c) => c.type),
      widths: columns.map((c) => c.width),
      rows: mapRows(rows, columns, lang),
      properties: { title: input.name, creator: 'PIIS backend', language: lang, created: new Date().toISOString() },
    }),
  );
}

/** A section of a form: its sheet's name (a message), columns and rows. */
export interface FormSection<R> {
  key: string;
  sheet: MessageId;
  columns: readonly ExportColumn<R>[];
  rows: RowSource<R>;
}

/** A section among others of a form (the rows of each section have their own shape). */
export const formSection = <R>(section: FormSection<R>): FormSection<unknown> =>
  section as unknown as FormSection<unknown>;

/**
 * Sends a form of several sections: as XLSX one sheet per section, in order; as CSV the one
 * section asked (`section`, a key). The section `audited` names the download's audit (its rows'
 * records, or the form itself).
 */
export function sendForm(
  reply: FastifyReply,
  format: 'csv' | 'xlsx',
  input: {
    name: string;
    sections: ReadonlyArray<FormSection<unknown>>;
    section: string;
    audited: string;
    lang: Lang;
    delimiter?: CsvDelimiter;
    audit: ExportAudit<unknown>;
  },
) {
  const { lang } = input;
  // the audited section names the records its rows carry; a CSV of another section is audited as the form
  const rowsOf = (s: FormSection<unknown>, alone = false) =>
    s.key === input.audited
      ? audited(s.rows, format, input.audit)
      : alone
        ? audited(s.rows, format, { ...input.audit, idOf: undefined })
        : s.rows;
  reply.header(
    'content-disposition',
    `attachment; filename="${input.name}${format === 'csv' ? `-${input.section}` : ''}.${format}"`,
  );
  if (format === 'csv') {
    const section = input.sections.find((s) => s.key === input.section) ?? input.sections[0]!;
    reply.type('text/csv; charset=utf-8');
    return reply.send(csvStream(section.columns, rowsOf(section, true), lang, input.delimiter));
  }
  reply.type(EXPORT_MEDIA_TYPES.xlsx);
  return reply.send(
    workbookStream({
      sheets: input.sections.map((s) => ({
        sheetName: render(lang, msg(s.sheet)).slice(0, 28),
        headers: s.columns.map((c) => headerOf(c as ExportColumn<unknown>, lang)),
        types: s.columns.map((c) => c.type),
        widths: s.columns.map((c) => c.width),
        rows: mapRows(rowsOf(s), s.columns, lang),
      })),
      properties: { title: input.name, creator: 'PIIS backend', language: lang, created: new Date().toISOString() },
    }),
  );
}
