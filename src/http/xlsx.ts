// A streaming XLSX (Office Open XML spreadsheet) writer: rows go into the worksheet XML as they
// come and through deflate (Node's zlib, native-deflate.ts) into the zip (fflate), so memory stays
// flat whatever the size. Cells are typed — numbers as numbers, dates as date serials with a date
// format, amounts with two decimals — so that spreadsheet software opens them as such. A sheet
// holds at most 1,048,576 rows; longer data continues on further sheets, each with the header row
// — bold, frozen above the rows that scroll, the columns wide enough for their kind. Strings are
// inline (no shared string table to hold in memory). The document properties say what the
// workbook is, who made it and its language (xlsx-parts.ts).
import { Readable } from 'node:stream';
import { Zip } from 'fflate';
import { NativeDeflate } from './native-deflate.js';
import { XmlBytes } from './xml-bytes.js';
import { escapeXml, SHEET_TAIL, sheetHead, staticParts, type WorkbookProperties } from './xlsx-parts.js';

export type { WorkbookProperties } from './xlsx-parts.js';

/** How a cell is written; `euros` takes an amount in cents. */
export type CellType = 'text' | 'integer' | 'number' | 'date' | 'month' | 'euros';
export type Cell = string | number | null;

/** The rows a sheet holds, header included (the format's limit). */
export const SHEET_ROW_LIMIT = 1_048_576;

// style indexes in styles.xml: 0 default, 1 date, 2 month, 3 amount, 4 header (bold)
const STYLE: Record<CellType, number> = { text: 0, integer: 0, number: 0, date: 1, month: 2, euros: 3 };
const HEADER_STYLE = 4;

/** Column widths in characters by kind of cell (a text column may ask for more). */
const WIDTH: Record<CellType, number> = { text: 24, integer: 10, number: 12, date: 12, month: 10, euros: 14 };

/** Spreadsheet software trims a text's outer white space unless told to keep it. */
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
const keepsSpace = (s: string) => isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1));

/** Days since 1899-12-30 (the spreadsheet epoch) of a civil date YYYY-MM-DD. */
export function dateSerial(date: string): number {
  return Math.round(
    (Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) -
      Date.UTC(1899, 11, 30)) /
      86_400_000,
  );
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, type: CellType, value: Cell, textStyle = 0): string {
  if (value === null || value === '') return '';
  if (type === 'text' || (typeof value === 'string' && type !== 'date' && type !== 'month')) {
    const text = String(value);
    const style = textStyle ? ` s="${textStyle}"` : '';
    const space = keepsSpace(text) ? ' xml:space="preserve"' : '';
    return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
  }
  // amounts travel in cents and are shown in euros
  const number =
    type === 'date'
      ? dateSerial(String(value))
      : type === 'month'
        ? dateSerial(`${String(value)}-01`)
        : type === 'euros'
          ? Number(value) / 100
          : Number(value);
  const style = STYLE[type];
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${number}</v></c>`;
}

function rowXml(
  row: readonly Cell[],
  rowNumber: number,
  columns: readonly string[],
  types: readonly CellType[],
): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < row.length; i++) xml += cellXml(`${columns[i]}${rowNumber}`, types[i] ?? 'text', row[i] ?? null);
  return `${xml}</row>`;
}

/** One sheet of a workbook: its header row, the type and width of each column, its rows. */
export interface SheetInput {
  sheetName: string;
  headers: readonly string[];
  types: readonly CellType[];
  /** a column's width in characters, where its kind's default is too narrow */
  widths?: ReadonlyArray<number | undefined>;
  rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>;
}

/**
 * The workbook as a byte stream: one sheet per `rowLimit` rows (header included), named
 * `sheetName`, `sheetName 2`, …
 */
export function xlsxStream(input: SheetInput & { rowLimit?: number; properties?: WorkbookProperties }): Readable {
  return workbookStream({ sheets: [input], rowLimit: input.rowLimit, properties: input.properties });
}

/** A workbook of several sheets in order (a form's sections), each continued on further sheets past `rowLimit` rows. */
export function workbookStream(input: {
  sheets: readonly SheetInput[];
  rowLimit?: number;
  properties?: WorkbookProperties;
}): Readable {
  const properties = input.properties ?? {
    title: input.sheets[0]?.sheetName ?? '',
    creator: 'PIIS backend',
    language: 'en',
    created: new Date().toISOString(),
  };
  const limit = input.rowLimit ?? SHEET_ROW_LIMIT;
  // back-pressure: the producer waits while the reader has more than 1 MiB unread
  let wake: (() => void) | null = null;
  const out = new Readable({
    read() {
      wake?.();
      wake = null;
    },
  });
  out.on('close', () => wake?.());
  const pressure = () =>
    out.readableLength > 1 << 20 && !out.destroyed
      ? new Promise<void>((resolve) => (wake = resolve))
      : Promise.resolve();
  const zip = new Zip((error, chunk, final) => {
    if (error) return void out.destroy(error);
    out.push(Buffer.from(chunk));
    if (final) out.push(null);
  });
  void (async () => {
    const names: string[] = [];
    try {
      for (const sheet of input.sheets) {
        const written = await writeSheet(sheet, limit, names.length, zip, async () => {
          await pressure();
          return out.destroyed;
        });
        if (written === null) return;
        names.push(...written);
      }
      for (const [name, text] of Object.entries(staticParts(names, properties))) {
        const part = new NativeDeflate(name);
        zip.add(part);
        part.push(Buffer.from(text, 'utf8'), true);
      }
      zip.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/**
 * Writes one sheet into the zip as worksheet parts numbered after `before`, continued on a further
 * part past `limit` rows; answers the parts' sheet names, or null when the reader went away
 * (`yieldToReader` waits while the reader is behind and says whether it is gone).
 */
async function writeSheet(
  sheet: SheetInput,
  limit: number,
  before: number,
  zip: Zip,
  yieldToReader: () => Promise<boolean>,
): Promise<string[] | null> {
  const widths = sheet.types.map((type, i) =>
    Math.min(100, Math.max(sheet.widths?.[i] ?? WIDTH[type], (sheet.headers[i]?.length ?? 0) + 2)),
  );
  const headerCells = sheet.headers.map((h, i) => cellXml(`${columnName(i)}1`, 'text', h, HEADER_STYLE));
  const header = `<row r="1">${headerCells.join('')}</row>`;
  const columns = sheet.types.map((_, i) => columnName(i));
  const names: string[] = [];
  let file: NativeDeflate | null = null;
  let xml: XmlBytes | null = null;
  let rowNumber = 0;
  const openSheet = () => {
    names.push(names.length === 0 ? sheet.sheetName : `${sheet.sheetName} ${names.length + 1}`);
    const part = new NativeDeflate(`xl/worksheets/sheet${before + names.length}.xml`);
    zip.add(part);
    file = part;
    xml = new XmlBytes((bytes) => part.push(bytes));
    xml.write(sheetHead(widths) + header);
    rowNumber = 1;
  };
  const closeSheet = () => {
    xml!.write(SHEET_TAIL);
    xml!.flush();
    file!.push(new Uint8Array(0), true);
  };
  openSheet();
  for await (const row of sheet.rows as AsyncIterable<readonly Cell[]>) {
    if (rowNumber >= limit) {
      closeSheet();
      openSheet();
    }
    rowNumber += 1;
    xml!.write(rowXml(row, rowNumber, columns, sheet.types));
    if (rowNumber % 128 === 0) {
      // zlib has taken what it was given and the reader keeps up
      await file!.drained();
      if (await yieldToReader()) return null;
    }
  }
  closeSheet();
  return names;
}
