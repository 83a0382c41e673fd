// Not part of CI: proves that real spreadsheet software reads the XLSX this service writes.
// Builds a workbook with the subsidy report's columns (typed cells, a row limit of 4 so that it
// continues on a second sheet), then asks LibreOffice (Debian's libreoffice-calc) to convert it to
// PDF and to CSV, and checks what LibreOffice read: dates as dates, amounts as numbers.
// Usage: npm run build && node scripts/check-xlsx.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { xlsxStream } from '../dist/http/xlsx.js';
import { subsidyColumns } from '../dist/modules/reports/reports.exports.js';
import { msg, render } from '../dist/i18n/catalogue.js';

const items = Array.from({ length: 6 }, (_, i) => ({
  beneficiaryId: `0190d2a4-0000-7000-8000-00000000000${i}`,
  niss: '85073003328',
  familyName: 'Dupont',
  givenName: 'Élise',
  month: `2026-0${i + 1}`,
  code: i < 2 ? null : 11,
  formCode: i < 2 ? null : 11,
  riCents: 130000 + i,
  subsidyCents: i < 2 ? 0 : 13000,
  piisId: null,
  rule: i < 2 ? 'R-SUB-START' : 'R-SUB-FIRST',
  explanation: `Month ${i + 1}: "quoted", <angle> & ampersand, accents éèà`,
}));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-xlsx-'));
const file = path.join(dir, 'subsidy-2026.xlsx');
fs.writeFileSync(
  file,
  await buffer(
    xlsxStream({
      sheetName: '2026',
      headers: subsidyColumns.map((c) => render('fr', typeof c.header === 'string' ? msg(c.header) : c.header)),
      types: subsidyColumns.map((c) => c.type),
      rows: items.map((r) => subsidyColumns.map((c) => c.value(r, 'fr'))),
      rowLimit: 4,
    }),
  ),
);
const soffice = (...args) =>
  execFileSync('soffice', ['--headless', ...args, '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
soffice('--convert-to', 'pdf');
soffice('--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1');
const pdf = fs.statSync(path.join(dir, 'subsidy-2026.pdf'));
const csvs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.csv'))
  .sort();
console.log(
  `LibreOffice converted ${file} to PDF (${pdf.size} bytes) and to ${csvs.length} CSV sheet(s): ${csvs.join(', ')}`,
);
for (const csv of csvs) console.log(`--- ${csv}\n${fs.readFileSync(path.join(dir, csv), 'utf8')}`);
const first = fs.readFileSync(path.join(dir, 'subsidy-2026-2026.csv'), 'utf8').split('\n');
const ok =
  csvs.length === 2 &&
  /^Bénéficiaire,NISS,Nom,Prénom,Mois,Code/.test(first[0]) &&
  /,2026-01,/.test(first[1]) &&
  /,"?1,300\.00"?,/.test(first[1]);
console.log(
  ok
    ? 'OK: two sheets, French headers, the month shown as a date (2026-01), the amount as a number (1,300.00)'
    : 'NOT OK: see the sheets above',
);
process.exit(ok ? 0 : 1);
