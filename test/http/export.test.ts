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
  { header: { fr: 'Nom', nl: 'Naam', de: 'Name', en: 'Name' }, type: 'text', value: (r) => r.name },
  { header: { fr: 'Date', nl: 'Datum', de: 'Datum', en: 'Date' }, type: 'date', value: (r) => r.on },
  { header: { fr: 'Montant (€)', nl: 'Bedrag (€)', de: 'Betrag (€)', en: 'Amount (€)' }, type: 'euros', value: (r) => r.cents },
];

t.test('when a format is asked by ?format= or Accept, then that format; JSON otherwise', async (t) => {
  t.equal(exportFormat('csv', 'application/json'), 'csv', '?format= wins');
  t.equal(exportFormat(undefined, 'text/csv'), 'csv');
  t.equal(exportFormat(undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 'xlsx');
  t.equal(exportFormat(undefined, 'text/csv;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 'xlsx', 'by q-value');
  t.equal(exportFormat(undefined, '*/*'), 'json');
  t.equal(exportFormat(undefined, undefined), 'json');
});

t.test('when rows are exported as CSV, then headers are in the language, amounts in euros, fields quoted, formulas neutralised', async (t) => {
  const rows: Row[] = [
    { name: 'Dupont, Jean', on: '2026-03-01', cents: 130000 },
    { name: '=HYPERLINK("x")', on: '2026-03-02', cents: 5 },
    { name: 'Line\nbreak', on: '2026-03-03', cents: null },
  ];
  const bytes = await buffer(csvStream(columns, rows, 'nl'));
  t.same([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
  t.equal(bytes.subarray(3).toString('utf8'), 'Naam,Datum,Bedrag (€)\r\n"Dupont, Jean",2026-03-01,1300.00\r\n"\'=HYPERLINK(""x"")",2026-03-02,0.05\r\n"Line\nbreak",2026-03-03,\r\n');
});

t.test('when more rows than a sheet holds are exported as XLSX, then they continue on further sheets with typed cells', async (t) => {
  const rows = Array.from({ length: 5 }, (_, i) => [`Person ${i + 1} <&>`, `2026-03-0${i + 1}`, 1000 * (i + 1)] as const);
  const bytes = await buffer(xlsxStream({ sheetName: '2026', headers: ['Nom', 'Date', 'Montant'], types: ['text', 'date', 'euros'], rows, rowLimit: 3 }));
  const files = unzipSync(new Uint8Array(bytes));
  t.same(Object.keys(files).filter((f) => f.startsWith('xl/worksheets/')).sort(), ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml'], 'header + 2 rows per sheet: 3 sheets');
  const workbook = strFromU8(files['xl/workbook.xml']!);
  t.match(workbook, /<sheet name="2026" sheetId="1" r:id="rId1"\/><sheet name="2026 2" sheetId="2" r:id="rId2"\/><sheet name="2026 3" sheetId="3" r:id="rId3"\/>/);
  const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
  t.match(sheet1, /<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">Nom<\/t><\/is><\/c>/, 'the header row');
  t.match(sheet1, /<t xml:space="preserve">Person 1 &lt;&amp;&gt;<\/t>/, 'text escaped');
  t.match(sheet1, new RegExp(`<c r="B2" s="1"><v>${dateSerial('2026-03-01')}</v></c><c r="C2" s="3"><v>10</v></c>`), 'a date as a date serial with a date format; an amount in cents as a number of euros');
  t.equal(dateSerial('2026-03-01'), 46082);
  t.match(strFromU8(files['xl/worksheets/sheet3.xml']!), /<row r="1">.*<row r="2">.*Person 5/, 'the last sheet repeats the header');
  t.match(strFromU8(files['[Content_Types].xml']!), /sheet3\.xml/);
});
