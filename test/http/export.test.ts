// Report exports: the format chosen by ?format= or Accept, CSV as spreadsheets read it (BOM,
// quoting, euros, formulas neutralised), and XLSX that continues on further sheets past the row
// limit, with typed cells — read back by unzipping the workbook.
import t from 'tap';
import { buffer } from 'node:stream/consumers';
import { strFromU8, unzipSync } from 'fflate';
import { csvStream, exportFormat, type ExportColumn } from '../../src/http/export.js';
import { dateSerial, xlsxStream } from '../../src/http/xlsx.js';

interface Row {
  name: string;
  on: string;
  cents: number | null;
}
const columns: ExportColumn<Row>[] = [
  { header: 'export.name', type: 'text', value: (r) => r.name },
  { header: 'export.month', type: 'date', value: (r) => r.on },
  { header: 'export.amount', type: 'euros', value: (r) => r.cents },
];

t.test('when a format is asked by ?format= or Accept, then that format; JSON otherwise', async (t) => {
  t.equal(exportFormat('csv', 'application/json'), 'csv', '?format= wins');
  t.equal(exportFormat(undefined, 'text/csv'), 'csv');
  t.equal(exportFormat(undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 'xlsx');
  t.equal(
    exportFormat(undefined, 'text/csv;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    'xlsx',
    'by q-value',
  );
  t.equal(exportFormat(undefined, '*/*'), 'json');
  t.equal(exportFormat(undefined, undefined), 'json');
});

t.test(
  'when rows are exported as CSV, then headers are in the language, amounts in euros, fields quoted, formulas ' +
    'neutralised',
  async (t) => {
    const rows: Row[] = [
      { name: 'Dupont, Jean', on: '2026-03-01', cents: 130000 },
      { name: '=HYPERLINK("x")', on: '2026-03-02', cents: 5 },
      { name: 'Line\nbreak', on: '2026-03-03', cents: null },
    ];
    const bytes = await buffer(csvStream(columns, rows, 'nl'));
    t.same([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
    t.equal(
      bytes.subarray(3).toString('utf8'),
      'Naam;Maand;Bedrag (€)\r\nDupont, ' +
        'Jean;2026-03-01;1300,00\r\n"\'=HYPERLINK(""x"")";2026-03-02;0,05\r\n"Line\nbreak";2026-03-03;\r\n',
      'in Dutch: what a Belgian spreadsheet reads — semicolons and a decimal comma',
    );
    const semicolonInText = await buffer(csvStream(columns, [{ name: 'A; B', on: '2026-03-01', cents: 1 }], 'fr'));
    t.match(
      semicolonInText.subarray(3).toString('utf8'),
      /\r\n"A; B";2026-03-01;0,01\r\n$/,
      'a semicolon inside a field is quoted',
    );
    const english = await buffer(csvStream(columns, rows.slice(0, 1), 'en'));
    t.equal(
      english.subarray(3).toString('utf8').split('\r\n')[1],
      '"Dupont, Jean",2026-03-01,1300.00',
      'in English: commas and a decimal point',
    );
    const asked = await buffer(csvStream(columns, rows.slice(0, 1), 'nl', 'comma'));
    t.equal(
      asked.subarray(3).toString('utf8').split('\r\n')[1],
      '"Dupont, Jean",2026-03-01,1300.00',
      '?delimiter=comma: commas and a decimal point whatever the language',
    );
  },
);

t.test(
  'when a text has outer white space or characters XML cannot hold, then the space is kept and those characters ' +
    'dropped',
  async (t) => {
    const rows = [[' lead'], ['trail\n'], ['inner  space'], ['bell\u0007 and \uFFFF "quoted"']];
    const bytes = await buffer(xlsxStream({ sheetName: 'x', headers: ['Texte'], types: ['text'], rows }));
    const sheet = strFromU8(unzipSync(new Uint8Array(bytes))['xl/worksheets/sheet1.xml']!);
    t.match(sheet, /<t xml:space="preserve"> lead<\/t>/);
    t.match(sheet, /<t xml:space="preserve">trail\n<\/t>/);
    t.match(sheet, /<t>inner {2}space<\/t>/, 'inner space needs no mark');
    t.match(sheet, /<t>bell and {2}&quot;quoted&quot;<\/t>/);
  },
);

t.test(
  'when more rows than a sheet holds are exported as XLSX, then they continue on further sheets with typed cells',
  async (t) => {
    const rows = Array.from(
      { length: 5 },
      (_, i) => [`Person ${i + 1} <&>`, `2026-03-0${i + 1}`, 1000 * (i + 1)] as const,
    );
    const bytes = await buffer(
      xlsxStream({
        sheetName: '2026',
        headers: ['Nom', 'Date', 'Montant'],
        types: ['text', 'date', 'euros'],
        rows,
        rowLimit: 3,
      }),
    );
    const files = unzipSync(new Uint8Array(bytes));
    t.same(
      Object.keys(files)
        .filter((f) => f.startsWith('xl/worksheets/'))
        .sort(),
      ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'],
      'header + 2 rows per sheet: 3 sheets',
    );
    const workbook = strFromU8(files['xl/workbook.xml']!);
    t.match(
      workbook,
      new RegExp(
        '<sheet name="2026" sheetId="1" r:id="rId1"/><sheet name="2026 2" sheetId="2" r:id="rId2"/><sheet name="2026 ' +
          '3" sheetId="3" r:id="rId3"/>',
      ),
    );
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    t.match(sheet1, /<row r="1"><c r="A1" s="4" t="inlineStr"><is><t>Nom<\/t><\/is><\/c>/, 'the header row, bold');
    t.match(
      sheet1,
      /<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/,
      'the header row frozen',
    );
    t.match(
      sheet1,
      new RegExp(
        '<cols><col min="1" max="1" width="24" customWidth="1"/><col min="2" max="2" width="12" ' +
          'customWidth="1"/><col min="3" max="3" width="14" customWidth="1"/></cols>',
      ),
      'each column as wide as its kind',
    );
    t.match(
      strFromU8(files['docProps/core.xml']!),
      /<dc:title>2026<\/dc:title><dc:creator>PIIS backend<\/dc:creator><dc:language>en<\/dc:language>/,
      'document properties',
    );
    t.match(strFromU8(files['[Content_Types].xml']!), /docProps\/core.xml/);
    t.match(sheet1, /<t>Person 1 &lt;&amp;&gt;<\/t>/, 'text escaped');
    t.match(
      sheet1,
      new RegExp(`<c r="B2" s="1"><v>${dateSerial('2026-03-01')}</v></c><c r="C2" s="3"><v>10</v></c>`),
      'a date as a date serial with a date format; an amount in cents as a number of euros',
    );
    t.equal(dateSerial('2026-03-01'), 46082);
    t.match(
      strFromU8(files['xl/worksheets/sheet3.xml']!),
      /<row r="1">.*<row r="2">.*Person 5/,
      'the last sheet repeats the header',
    );
    t.match(strFromU8(files['[Content_Types].xml']!), /sheet3\.xml/);
  },
);
