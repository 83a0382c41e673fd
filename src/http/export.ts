// Report exports: JSON, CSV or XLSX by `?format=` or, without it, by the Accept header; column
// headers in the caller's language; rows streamed as they come. CSV is RFC 4180 with a UTF-8 BOM
// (spreadsheets then read the accents), amounts in euros with a point, dates ISO; a text that a
// spreadsheet would run as a formula is prefixed with an apostrophe.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Lang } from './problem.js';
import { rankedRanges } from './accept.js';
import { xlsxStream, type Cell, type CellType } from './xlsx.js';

export type ExportFormat = 'json' | 'csv' | 'xlsx';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportColumn<R> {
  header: Record<Lang, string>;
  type: CellType;
  value(row: R): Cell;
}

/** `?format=` wins; otherwise the media type the Accept header ranks highest (JSON when it ranks none). */
export function exportFormat(format: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (format) return format;
  if (!accept) return 'json';
  for (const r of rankedRanges(accept)) {
    const hit = (Object.entries(EXPORT_MEDIA_TYPES) as Array<[ExportFormat, string]>).find(([, type]) => type === r.range);
    if (hit) return hit[0];
  }
  return 'json';
}

function csvField(type: CellType, value: Cell): string {
  if (value === null) return '';
  let text = type === 'euros' ? (Number(value) / 100).toFixed(2) : String(value);
  if (type === 'text' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvStream<R>(columns: readonly ExportColumn<R>[], rows: AsyncIterable<R> | Iterable<R>, lang: Lang): Readable {
  return Readable.from(
    (async function* () {
      yield `\uFEFF${columns.map((c) => csvField('text', c.header[lang])).join(',')}\r\n`;
      let batch = '';
      for await (const row of rows as AsyncIterable<R>) {
        batch += `${columns.map((c) => csvField(c.type, c.value(row))).join(',')}\r\n`;
        if (batch.length > 64 * 1024) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
    })(),
    { objectMode: false },
  );
}

async function* mapRows<R>(rows: AsyncIterable<R> | Iterable<R>, columns: readonly ExportColumn<R>[]): AsyncIterable<Cell[]> {
  for await (const row of rows as AsyncIterable<R>) yield columns.map((c) => c.value(row));
}

/** Sends rows as CSV or XLSX, as a download named `<name>.<format>`. */
export function sendExport<R>(reply: FastifyReply, format: 'csv' | 'xlsx', input: { name: string; sheetName: string; columns: readonly ExportColumn<R>[]; rows: AsyncIterable<R> | Iterable<R>; lang: Lang }) {
  const { columns, lang } = input;
  reply.header('content-disposition', `attachment; filename="${input.name}.${format}"`);
  if (format === 'csv') {
    reply.type('text/csv; charset=utf-8');
    return reply.send(csvStream(columns, input.rows, lang));
  }
  reply.type(EXPORT_MEDIA_TYPES.xlsx);
  return reply.send(xlsxStream({ sheetName: input.sheetName, headers: columns.map((c) => c.header[lang]), types: columns.map((c) => c.type), rows: mapRows(input.rows, columns) }));
}
