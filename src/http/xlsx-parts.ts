// The parts of an XLSX package around its worksheets: content types, relationships, the workbook,
// the styles and the document properties. Written once per workbook, after its sheets (whose
// number is known only then).
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
export const escapeXml = (s: string) =>
  !NEEDS_ESCAPE.test(s)
    ? s
    : s
        .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const NS = 'http://schemas.openxmlformats.org';
const OFFICE = 'application/vnd.openxmlformats-officedocument';
const RELATIONSHIPS = `${NS}/officeDocument/2006/relationships`;

/** An XML document: the declaration, then the root element. */
const xmlDocument = (root: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}`;
const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
const relationship = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
/** A cell format: a number format (0 general, 164–166 below), a font (1 bold). */
const cellFormat = (numFmtId: number, fontId = 0) =>
  `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
  (numFmtId ? ' applyNumberFormat="1"' : '') +
  (fontId ? ' applyFont="1"' : '') +
  '/>';

/** The sheet's head: the header row frozen, the columns' widths. */
export function sheetHead(widths: readonly number[]): string {
  const pane = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>';
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  return (
    xmlDocument(`<worksheet xmlns="${NS}/spreadsheetml/2006/main">`) +
    `<sheetViews><sheetView workbookViewId="0">${pane}<selection pane="bottomLeft"/></sheetView></sheetViews>` +
    `<cols>${cols.join('')}</cols><sheetData>`
  );
}
export const SHEET_TAIL = '</sheetData></worksheet>';

// style indexes (STYLE in xlsx.ts): 0 default, 1 date, 2 month, 3 amount, 4 header (bold)
const CELL_FORMATS = [cellFormat(0), cellFormat(164), cellFormat(165), cellFormat(166), cellFormat(0, 1)];
const STYLES = xmlDocument(
  `<styleSheet xmlns="${NS}/spreadsheetml/2006/main">` +
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>' +
    '<numFmt numFmtId="165" formatCode="yyyy\\-mm"/><numFmt numFmtId="166" formatCode="#,##0.00"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill>' +
    '<fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="5">${CELL_FORMATS.join('')}</cellXfs></styleSheet>`,
);

function coreProperties(properties: WorkbookProperties): string {
  const namespaces = [
    `xmlns:cp="${NS}/package/2006/metadata/core-properties"`,
    'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    'xmlns:dcterms="http://purl.org/dc/terms/"',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  ];
  return xmlDocument(
    `<cp:coreProperties ${namespaces.join(' ')}>` +
      `<dc:title>${escapeXml(properties.title)}</dc:title>` +
      `<dc:creator>${escapeXml(properties.creator)}</dc:creator>` +
      `<dc:language>${escapeXml(properties.language)}</dc:language>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(properties.created)}</dcterms:created>` +
      '</cp:coreProperties>',
  );
}

function contentTypes(sheets: readonly string[]): string {
  const worksheet = `${OFFICE}.spreadsheetml.worksheet+xml`;
  return xmlDocument(
    `<Types xmlns="${NS}/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('/xl/workbook.xml', `${OFFICE}.spreadsheetml.sheet.main+xml`) +
      override('/xl/styles.xml', `${OFFICE}.spreadsheetml.styles+xml`) +
      override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
      override('/docProps/app.xml', `${OFFICE}.extended-properties+xml`) +
      sheets.map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, worksheet)).join('') +
      '</Types>',
  );
}

/** Every part but the worksheets, for a workbook of these sheet names. */
export function staticParts(sheets: readonly string[], properties: WorkbookProperties): Record<string, string> {
  const rels = `<Relationships xmlns="${NS}/package/2006/relationships">`;
  return {
    'docProps/core.xml': coreProperties(properties),
    'docProps/app.xml': xmlDocument(
      `<Properties xmlns="${NS}/officeDocument/2006/extended-properties">` +
        `<Application>${escapeXml(properties.creator)}</Application></Properties>`,
    ),
    '[Content_Types].xml': contentTypes(sheets),
    '_rels/.rels': xmlDocument(
      rels +
        relationship('rId1', `${RELATIONSHIPS}/officeDocument`, 'xl/workbook.xml') +
        relationship('rId2', `${NS}/package/2006/relationships/metadata/core-properties`, 'docProps/core.xml') +
        relationship('rId3', `${RELATIONSHIPS}/extended-properties`, 'docProps/app.xml') +
        '</Relationships>',
    ),
    'xl/workbook.xml': xmlDocument(
      `<workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${RELATIONSHIPS}"><sheets>` +
        sheets.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': xmlDocument(
      rels +
        sheets
          .map((_, i) => relationship(`rId${i + 1}`, `${RELATIONSHIPS}/worksheet`, `worksheets/sheet${i + 1}.xml`))
          .join('') +
        relationship(`rId${sheets.length + 1}`, `${RELATIONSHIPS}/styles`, 'styles.xml') +
        '</Relationships>',
    ),
    'xl/styles.xml': STYLES,
  };
}
