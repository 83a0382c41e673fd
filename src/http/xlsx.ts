// A streaming XLSX (Office Open XML spreadsheet) writer: rows go into the worksheet XML as they
// come and through deflate (Node's zlib, native-deflate.ts) into the zip (fflate), so memory stays flat whatever the size. Cells are
// typed — numbers as numbers, dates as date serials with a date format, amounts with two decimals —
// so that spreadsheet software opens them as such. A sheet holds at most 1,048,576 rows; longer
// data continues on further sheets, each with the header row — bold, frozen above the rows that
// scroll, the columns wide enough for their kind. Strings are inline (no shared string table to
// hold in memory). The document properties say what the workbook is, who made it and its language.
import { Readable } from 'node:stream';
import { Zip } from 'fflate';
import { NativeDeflate } from './native-deflate.js';
import { XmlBytes } from './xml-bytes.js';

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

export interface WorkbookProperties {
  title: string;
  /** the application and service that wrote it */
  creator: string;
  /** BCP 47 language of its texts */
  language: string;
  /** ISO instant of its creation */
  created: string;
}

// characters XML 1.0 cannot hold (dropped) and those markup needs escaped; most texts have none
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const escapeXml = (s: string) =>
  !NEEDS_ESCAPE.test(s)
    ? s
    : s
        .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

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
    return `<c r="${ref}"${textStyle ? ` s="${textStyle}"` : ''} t="inlineStr"><is><t${keepsSpace(text) ? ' xml:space="preserve"' : ''}>${escapeXml(text)}</t></is></c>`;
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

/** The sheet's head: the header row frozen, the columns' widths. */
function sheetHead(widths: readonly number[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>`
  );
}
const SHEET_TAIL = '</sheetData></worksheet>';

function staticParts(sheets: string[], properties: WorkbookProperties): Record<string, string> {
  const ns = 'http://schemas.openxmlformats.org';
  return {
    'docProps/core.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="${ns}/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:title>${escapeXml(properties.title)}</dc:title><dc:creator>${escapeXml(properties.creator)}</dc:creator><dc:language>${escapeXml(properties.language)}</dc:language>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(properties.created)}</dcterms:created></cp:coreProperties>`,
    'docProps/app.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${ns}/officeDocument/2006/extended-properties"><Application>${escapeXml(properties.creator)}</Application></Properties>`,
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
    '_rels/.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="${ns}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${ns}/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>` +
      sheets.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}/package/2006/relationships">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}/spreadsheetml/2006/main">` +
      '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="yyyy\\-mm"/><numFmt numFmtId="166" formatCode="#,##0.00"/></numFmts>' +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '</styleSheet>',
  };
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
        const widths = sheet.types.map((type, i) =>
          Math.min(100, Math.max(sheet.widths?.[i] ?? WIDTH[type], (sheet.headers[i]?.length ?? 0) + 2)),
        );
        const header = `<row r="1">${sheet.headers.map((h, i) => cellXml(`${columnName(i)}1`, 'text', h, HEADER_STYLE)).join('')}</row>`;
        const columns = sheet.types.map((_, i) => columnName(i));
        let file: NativeDeflate | null = null;
        let xml: XmlBytes | null = null;
        let rowNumber = 0;
        let parts = 0;
        const openSheet = () => {
          parts += 1;
          names.push(parts === 1 ? sheet.sheetName : `${sheet.sheetName} ${parts}`);
          const part = new NativeDeflate(`xl/worksheets/sheet${names.length}.xml`);
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
            await pressure();
            if (out.destroyed) return;
          }
        }
        closeSheet();
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
