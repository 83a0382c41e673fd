// Not part of CI: a CPAS manager's download of both Rapport unique forms, opened by real
// spreadsheet software. Against a running server (`npm start`, dev auth, the demo CPAS), it records
// a collective module and an expense, downloads the PAS form and the PIIS 10% form of the year as
// XLSX in Dutch and in the CPAS's own language (no Accept-Language), asks LibreOffice (Debian's
// libreoffice-calc) to convert every sheet to CSV, and checks the sheets and their wording.
// Usage: npm start (in another terminal), then node scripts/check-forms.mjs [year]
/* global fetch */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const base = process.env.PIIS_URL ?? 'http://127.0.0.1:3000';
const year = Number(process.argv[2] ?? new Date().getUTCFullYear());
const token = execFileSync('npm', ['run', '-s', 'token', '--', '--cpas', '0212345668', '--role', 'cpas_manager'], {
  encoding: 'utf8',
}).trim();
const call = async (method, url, body, headers = {}) => {
  // the server closes idle keep-alive connections while LibreOffice works: one retry on a stale one
  const send = () =>
    fetch(`${base}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const res = await send().catch(send);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res;
};
await call('POST', '/v1/activation-modules', {
  theme: 'budget',
  title: 'Gérer son budget',
  startsOn: `${year}-01-15`,
  hours: 12,
})
  .then((r) => r.json())
  .then((m) =>
    call('POST', `/v1/activation-modules/${m.id}/sessions`, { heldOn: `${year}-02-10`, hours: 2, attendeeIds: [] }),
  );
await call('POST', '/v1/expenses', {
  year,
  subsidy: 'pas',
  activation: 'social',
  category: 'activity',
  amountCents: 45000,
  description: 'Animation budget',
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-forms-'));
const expected = {
  'pas-nl': {
    sheets: ['Formulier', 'Collectieve modules', 'Kosten'],
    words: /Totaal aantal begunstigden waarvoor een sociale balans wordt gerealiseerd/,
  },
  'piis10-nl': {
    sheets: ['Formulier', 'Begunstigden', 'Kosten'],
    words: /Enig verslag — specifieke GPMI-subsidie \(10 %\)/,
  },
  'pas-cpas': {
    sheets: ['Formulaire', 'Modules collectifs', 'Frais'],
    words: /Nombre total de bénéficiaires pour lesquels un bilan social est réalisé/,
  },
  'piis10-cpas': {
    sheets: ['Formulaire', 'Bénéficiaires', 'Frais'],
    words: /Rapport unique — subvention spécifique PIIS \(10 %\)/,
  },
};
let ok = true;
for (const [name, want] of Object.entries(expected)) {
  const [form, lang] = name.split('-');
  const res = await call(
    'GET',
    `/v1/reports/rapport-unique/${form}?year=${year}&format=xlsx`,
    undefined,
    lang === 'nl' ? { 'accept-language': 'nl' } : {},
  );
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  // every sheet to its own CSV (the last filter option, -1)
  execFileSync(
    'soffice',
    [
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
      '--outdir',
      dir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const sheets = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.csv'))
    .sort();
  const names = sheets.map((f) => f.slice(name.length + 1, -4));
  const first = fs.readFileSync(path.join(dir, sheets.find((f) => f.includes(want.sheets[0])) ?? sheets[0]), 'utf8');
  const good = want.sheets.every((s) => names.includes(s)) && want.words.test(first);
  ok &&= good;
  console.log(`${good ? 'OK' : 'NOT OK'} ${name}: LibreOffice read ${sheets.length} sheet(s): ${names.join(', ')}`);
  console.log(first.split('\n').slice(0, 8).join('\n'));
}
console.log(
  ok
    ? `OK: both forms of ${year} open in LibreOffice with their sections, in Dutch and in the CPAS's language`
    : 'NOT OK: see above',
);
process.exit(ok ? 0 : 1);
