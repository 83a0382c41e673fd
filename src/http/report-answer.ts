// A report's answer: its JSON, or its rows as CSV or XLSX (by ?format= or Accept) with headers in
// the caller's language, audited as an export; and the 200 its route documents. Used by every
// report route (reports, national, convention).
import type { TSchema } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  EXPORT_MEDIA_TYPES,
  exportFormat,
  sendExport,
  type CsvDelimiter,
  type ExportColumn,
  type ExportFormat,
} from './export.js';
import { requestContext } from './request-context.js';

export const PRODUCES = Object.values(EXPORT_MEDIA_TYPES);

/**
 * Answers a report as JSON, or its rows as CSV or XLSX (by ?format= or Accept), headers in the
 * caller's language. A download is audited as an export of `report/<name>`, or of the records its
 * rows name when `idOf` tells them.
 */
export function answer<T, R>(
  request: FastifyRequest,
  reply: FastifyReply,
  report: T,
  rows: {
    name: string;
    year: number;
    columns: ExportColumn<R>[];
    items: R[];
    names?: { entity: string; idOf: (row: R) => string };
  },
): T | FastifyReply {
  const format = exportFormat((request.query as { format?: ExportFormat }).format, request.headers.accept);
  if (format === 'json') return report;
  const ctx = requestContext(request);
  const audit = { ctx, entity: rows.names?.entity ?? `report/${rows.name}`, idOf: rows.names?.idOf };
  return sendExport(reply, format, {
    name: rows.name,
    sheetName: String(rows.year),
    columns: rows.columns,
    rows: rows.items,
    lang: ctx.lang,
    delimiter: (request.query as { delimiter?: CsvDelimiter }).delimiter,
    audit,
  }) as FastifyReply;
}

/** A report's 200: its JSON, or its rows as CSV or XLSX. */
export function reportContent<T extends TSchema>(schema: T, description: string) {
  return {
    description: `${description}; as CSV or XLSX (Accept or ?format=), the rows with headers in the Accept-Language`,
    content: {
      [EXPORT_MEDIA_TYPES.json]: { schema },
      [EXPORT_MEDIA_TYPES.csv]: {
        schema: Type.String({ maxLength: 2_000_000_000, description: 'RFC 4180, UTF-8 with a byte order mark' }),
      },
      [EXPORT_MEDIA_TYPES.xlsx]: {
        schema: Type.String({ format: 'binary', maxLength: 2_000_000_000, description: 'Office Open XML workbook' }),
      },
    },
  };
}
