// Not part of CI: proves that a spreadsheet in a Belgian locale reads the CSV this service writes
// as numbers and dates, not text. Writes the subsidy report's columns as CSV in French and in
// Dutch (semicolons, decimal commas, a UTF-8 BOM), has LibreOffice (Debian's
// libreoffice-calc-nogui) open each under the fr-BE and nl-BE locales and save it as XLSX, then
// reads the cells LibreOffice typed: the amounts must be numbers, the months dates.
// Usage: npm run build && node scripts/check-csv.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { strFromU8, unzipSync } from 'fflate';
import { csvStream } from '../dist/http/export.js';
import { subsidyColumns } from '../dist/modules/reports/reports.exports.js';

const items = Array.from({ length: 3 }, (_, i) => ({
  beneficiaryId: `0190d2a4-0000-7000-8000-00000000000${i}`,
  month: `2026-0${i + 1}`,
  code: 11,
  formCode: 11,
  riCents: 130_012 + i,
  subsidyCents: 13_001,
  piisId: null,
  rule: 'R-SUB-FIRST',
  explanation: `Mois ${i + 1} : « guillemets », accents éèà; point-virgule`,
}));

// LibreOffice's CSV import options: separator ; (59), quote " (34), UTF-8 (76), from line 1,
// default column types, the locale (an LCID), quoted fields as text false, detect special numbers
// (dates) true — what a person opening the file with that locale gets.
const LOCALES = { 'fr-BE': { lcid: 2060, env: 'fr_BE.UTF-8' }, 'nl-BE': { lcid: 2067, env: 'nl_BE.UTF-8' } };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-csv-'));
let failures = 0;
for (const lang of ['fr', 'nl']) {
  const csv = path.join(dir, `subsidy-${lang}.csv`);
  fs.writeFileSync(csv, await buffer(csvStream(subsidyColumns, items, lang)));
  for (const [locale, { lcid, env }] of Object.entries(LOCALES)) {
    const out = path.join(dir, locale);
    fs.mkdirSync(out, { recursive: true });
    execFileSync(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile-${locale}`,
        '--infilter=CSV:59,34,76,1,,' + lcid + ',false,true,true',
        '--convert-to',
        'xlsx',
        '--outdir',
        out,
        csv,
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, LANG: env, LC_ALL: env },
      },
    );
    const files = unzipSync(new Uint8Array(fs.readFileSync(path.join(out, `subsidy-${lang}.xlsx`))));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    const cell = (ref) => sheet.match(new RegExp(`<c r="${ref}"([^>]*)>(?:<v>([^<]*)</v>)?`)) ?? [];
    const [, monthAttrs, month] = cell('B2');
    const [, riAttrs, ri] = cell('F2');
    const [, subsidyAttrs, subsidy] = cell('G2');
    const numeric = (attrs) => !/t="(s|str|inlineStr)"/.test(attrs ?? '');
    const ok =
      numeric(monthAttrs) &&
      Number(month) === 46023 &&
      numeric(riAttrs) &&
      Number(ri) === 1300.12 &&
      numeric(subsidyAttrs) &&
      Number(subsidy) === 130.01;
    if (!ok) failures += 1;
    console.log(
      `${ok ? 'OK    ' : 'NOT OK'} CSV in ${lang} opened under ${locale}: ` +
        `month B2 ${numeric(monthAttrs) ? `a date (serial ${month})` : 'text'}, ` +
        `RI F2 ${numeric(riAttrs) ? `the number ${ri}` : 'text'}, ` +
        `subsidy G2 ${numeric(subsidyAttrs) ? `the number ${subsidy}` : 'text'}`,
    );
  }
}
// The control: the same rows as the English CSV (commas, decimal points), opened under fr-BE,
// give amounts that are not the numbers written — what a Belgian user saw before.
{
  const csv = path.join(dir, 'subsidy-en.csv');
  fs.writeFileSync(csv, await buffer(csvStream(subsidyColumns, items, 'en')));
  const out = path.join(dir, 'control');
  execFileSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile-control`,
      '--infilter=CSV:44,34,76,1,,2060,false,true,true',
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      csv,
    ],
    {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, LANG: 'fr_BE.UTF-8', LC_ALL: 'fr_BE.UTF-8' },
    },
  );
  const sheet = strFromU8(
    unzipSync(new Uint8Array(fs.readFileSync(path.join(out, 'subsidy-en.csv'.replace('.csv', '.xlsx')))))[
      'xl/worksheets/sheet1.xml'
    ],
  );
  const f2 = sheet.match(/<c r="F2"([^>]*)>(?:<v>([^<]*)<\/v>)?/) ?? [];
  const misread = /t="(s|str|inlineStr)"/.test(f2[1] ?? '') || Number(f2[2]) !== 1300.12;
  if (!misread) failures += 1;
  console.log(
    `${misread ? 'OK    ' : 'NOT OK'} control: the English CSV opened under fr-BE does not give the amount 1300.12 ` +
      `(F2: ${f2[1] ?? ''} ${f2[2] ?? 'empty'})`,
  );
}
const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
console.log(`${version}; files in ${dir}`);
process.exit(failures === 0 ? 0 : 1);
