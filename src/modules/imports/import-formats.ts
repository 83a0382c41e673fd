// Reading an import file into rows: NDJSON (one JSON object per line; blank lines skipped) or
// CSV (RFC 4180: a header row of field names, quoted fields with "" for a quote, CRLF or LF).
// CSV cells are text: each is turned into the type the row schema expects (numbers, booleans,
// and arrays or objects written as JSON in the cell); an empty cell is an absent field. A row
// that cannot be read is a rejected row, never the end of the import.

import { msg, type Message } from '../../i18n/catalogue.js';

export type ParsedRow = { rowNumber: number; value: Record<string, unknown> } | { rowNumber: number; error: Message };

export function parseNdjson(text: string): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let rowNumber = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    rowNumber++;
    try {
      const value: unknown = JSON.parse(line);
      if (value && typeof value === 'object' && !Array.isArray(value))
        rows.push({ rowNumber, value: value as Record<string, unknown> });
      else rows.push({ rowNumber, error: msg('import.line-not-object') });
    } catch {
      rows.push({ rowNumber, error: msg('import.line-not-json') });
    }
  }
  return rows;
}

/** The records of a CSV text, fields as strings. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not data
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      field = '';
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
  }
  return records;
}

type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** The JSON types a schema property accepts (through unions). */
function typesOf(schema: Record<string, unknown> | undefined): Set<JsonType> {
  const types = new Set<JsonType>();
  if (!schema) return types;
  const t = schema['type'];
  if (typeof t === 'string') types.add(t as JsonType);
  if (Array.isArray(t)) for (const x of t) types.add(x as JsonType);
  for (const key of ['anyOf', 'oneOf']) {
    for (const sub of (schema[key] as Record<string, unknown>[] | undefined) ?? [])
      for (const x of typesOf(sub)) types.add(x);
  }
  if (schema['const'] !== undefined) types.add(typeof schema['const'] as JsonType);
  return types;
}

function cellValue(cell: string, types: Set<JsonType>): unknown {
  if ((types.has('array') || types.has('object')) && /^\s*[[{]/.test(cell)) {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?$/.test(cell.trim())) return Number(cell.trim());
  if (types.has('boolean') && /^(true|false)$/i.test(cell.trim())) return cell.trim().toLowerCase() === 'true';
  return cell;
}

export function parseCsv(
  text: string,
  rowSchema: { properties?: Record<string, Record<string, unknown>> },
): ParsedRow[] {
  const [header, ...records] = csvRecords(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return records.map((fields, index) => {
    const rowNumber = index + 1;
    if (fields.length !== names.length)
      return { rowNumber, error: msg('import.field-count', { fields: fields.length, header: names.length }) };
    // own fields whatever the header says (a column named __proto__ is a field the schema refuses,
    // not the object's prototype)
    const value: Record<string, unknown> = Object.fromEntries(
      fields.flatMap((cell, i) =>
        cell === ''
          ? []
          : [
              [
                names[i]!,
                cellValue(
                  cell,
                  typesOf(
                    Object.hasOwn(rowSchema.properties ?? {}, names[i]!) ? rowSchema.properties![names[i]!] : undefined,
                  ),
                ),
              ],
            ],
      ),
    );
    return { rowNumber, value };
  });
}
