// The Rapport unique forms (R-PAS-MODULES, R-PAS-COSTS, R-IND-*, R-SUB-*, R-SUB-COSTS): a CPAS
// manager downloads the PAS form and the PIIS 10% form of a year as JSON, XLSX (one sheet per
// section) and CSV (one section), in the reader's language; the 10% form names each person by
// NISS and name, and only in the CPAS's own file. Other roles and CPAS, an empty year, a frozen run.
import t from 'tap';
import { strFromU8, unzipSync } from 'fflate';
import { bearer, buildHarness, json } from '../helpers/app.js';
import { piisIn, post } from '../helpers/piis.js';
import { auditEntries } from '../helpers/audit.js';

const sheetsOf = (payload: Buffer) => {
  const files = unzipSync(new Uint8Array(payload));
  const names = [...strFromU8(files['xl/workbook.xml']!).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  return { names, sheet: (i: number) => strFromU8(files[`xl/worksheets/sheet${i}.xml`]!) };
};

t.test('Rapport unique forms', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const manager = await cpas.token('cpas_manager');
  const worker = await cpas.token('social_worker');
  const app = h.app;
  const get = (url: string, token = manager, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...bearer(token), ...headers } });

  const active = await piisIn(app, manager, 'active');
  const person = json(await get(`/v1/beneficiaries/${active.beneficiaryId}`));
  const module = json(
    await post(app, manager, '/v1/activation-modules', {
      theme: 'language',
      title: 'Français langue étrangère',
      startsOn: '2026-02-01',
      hours: 40,
    }),
  );
  t.equal(
    (
      await post(app, manager, `/v1/activation-modules/${module.id}/participants`, {
        beneficiaryId: active.beneficiaryId,
      })
    ).statusCode,
    201,
  );
  t.equal(
    (
      await post(app, manager, `/v1/activation-modules/${module.id}/sessions`, {
        heldOn: '2026-03-10',
        hours: 3,
        attendeeIds: [active.beneficiaryId],
      })
    ).statusCode,
    201,
  );
  const jobs = json(
    await post(app, manager, '/v1/activation-modules', {
      theme: 'job_search',
      title: 'Atelier recherche d’emploi',
      startsOn: '2026-02-01',
      hours: 10,
    }),
  );
  t.equal(
    (
      await post(app, manager, `/v1/activation-modules/${jobs.id}/sessions`, {
        heldOn: '2026-03-11',
        hours: 2,
        attendeeIds: [],
      })
    ).statusCode,
    201,
  );
  t.equal(
    (
      await post(app, manager, '/v1/expenses', {
        year: 2026,
        subsidy: 'pas',
        activation: 'social',
        category: 'activity',
        amountCents: 50_000,
        description: 'Cours de langue',
      })
    ).statusCode,
    201,
  );
  t.equal(
    (
      await post(app, manager, '/v1/expenses', {
        year: 2026,
        subsidy: 'pas',
        activation: 'professional',
        category: 'activity',
        amountCents: 30_000,
        description: 'Atelier recherche d’emploi',
      })
    ).statusCode,
    201,
  );
  t.equal(
    (
      await post(app, manager, '/v1/expenses', {
        year: 2026,
        subsidy: 'piis10',
        category: 'staff',
        amountCents: 400_000,
        description: 'Assistant social',
        staff: { timeShare: 0.5, assignmentProof: 'Décision 2026/3' },
      })
    ).statusCode,
    201,
  );

  t.test(
    'R-IND-2015, R-PAS-MODULES, R-PAS-COSTS: when a manager reads the PAS form, then its lines follow the SPP IS ' +
      'numbering and its tables the year',
    async (t) => {
      const form = json(await get('/v1/reports/rapport-unique/pas?year=2026'));
      t.match(form, { form: 'pas', year: 2026, cpas: { kboNumber: cpas.kbo }, indicatorSet: 'pas-2017' });
      const line = (key: string) => form.lines.find((l: { key: string }) => l.key === key);
      t.match(line('form'), {
        section: 'identification',
        text: 'Rapport unique — participation et activation sociale',
      });
      t.match(line('assessments'), {
        section: 'objectives',
        number: '1',
        label: /^Nombre total de bénéficiaires pour lesquels un bilan social est réalisé/,
      });
      t.match(line('activationPaths'), { number: '2', label: /2 = 2\.1 \+ 2\.2 \+ 2\.3/ });
      t.match(line('progress.volunteering'), { section: 'progress', number: 'c' });
      t.match(line('outcomes.employment'), { section: 'results', number: 'd' });
      t.match(line('modules.count'), { value: 1, rule: 'R-PAS-MODULES' });
      t.match(line('modules.professional'), { value: 1, rule: 'R-PAS-COSTS' });
      t.match(line('justification.pas.justified'), { amountCents: 50_000, rule: 'R-PAS-COSTS' });
      t.match(
        line('justification.pas.ineligible'),
        { amountCents: 30_000 },
        'the job-search workshop is not a PAS cost',
      );
      t.equal(
        form.lines.some((l: { key: string }) => l.key.startsWith('compliance.')),
        false,
        'the PAS form holds the social-activation figures only',
      );
      t.same(
        form.modules.map((m: { title: string }) => m.title),
        ['Français langue étrangère'],
      );
      t.equal(form.expenses.length, 2);
    },
  );

  t.test(
    'when the PAS form is downloaded as XLSX in Dutch, then each section is a sheet with the SPP IS’s Dutch wording',
    async (t) => {
      const res = await get('/v1/reports/rapport-unique/pas?year=2026&format=xlsx', manager, {
        'accept-language': 'nl',
      });
      t.equal(res.statusCode, 200);
      t.match(res.headers['content-disposition'], /rapport-unique-pas-2026\.xlsx/);
      const book = sheetsOf(res.rawPayload);
      t.same(book.names, ['Formulier', 'Collectieve modules', 'Kosten']);
      t.match(book.sheet(1), /Totaal aantal begunstigden waarvoor een sociale balans wordt gerealiseerd/);
      t.match(book.sheet(1), /Kwantitatieve doelstellingen/);
      t.match(book.sheet(2), /Français langue étrangère/);
      t.notMatch(book.sheet(2), /Atelier recherche/, 'the professional module is left out of the table');
      t.match(book.sheet(3), /Cours de langue/);
    },
  );

  t.test(
    'R-SUB-*: when the PIIS 10% form is downloaded, then its persons are named by NISS and name in the CPAS’s own file',
    async (t) => {
      const form = json(await get('/v1/reports/rapport-unique/piis10?year=2026'));
      const line = (key: string) => form.lines.find((l: { key: string }) => l.key === key);
      t.match(line('code11.months'), { section: 'subsidy', number: '11', value: 10 });
      t.match(line('code11.subsidy'), { amountCents: 10 * 13_000 });
      t.match(line('subsidy.total'), { amountCents: 130_000 });
      t.match(line('justification.piis10.justified'), { amountCents: 200_000, rule: 'R-SUB-COSTS' });
      t.match(line('justification.piis10.balance'), { amountCents: 70_000 });
      t.match(
        json(await get('/v1/reports/justification?subsidy=piis10&year=2026')),
        { subsidyCents: 130_000, balanceCents: 70_000 },
        'R-SUB-COSTS: the justification alone says the same',
      );
      t.ok(line('compliance.evaluationFrequency'), 'the compliance figures');
      t.equal(
        JSON.stringify(form).includes(person.niss),
        false,
        'the JSON form carries no NISS (the months are in the workbook)',
      );

      const xlsx = await get('/v1/reports/rapport-unique/piis10?year=2026', manager, {
        accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
      const book = sheetsOf(xlsx.rawPayload);
      t.same(book.names, ['Formulaire', 'Bénéficiaires', 'Frais']);
      t.match(book.sheet(1), /Rapport unique — subvention spécifique PIIS \(10 %\)/);
      t.match(book.sheet(2), new RegExp(`${person.niss}.*${person.familyName}.*${person.givenName}`));
      const csv = await get('/v1/reports/rapport-unique/piis10?year=2026&format=csv&section=months');
      const lines = csv.rawPayload.subarray(3).toString('utf8').split('\r\n');
      t.match(lines[0], /^Bénéficiaire;NISS;Nom;Prénom;Mois;/);
      t.match(lines[1], new RegExp(`^${active.beneficiaryId};${person.niss};`));
      t.match(csv.headers['content-disposition'], /rapport-unique-piis10-2026-months\.csv/);
      const exports = (await auditEntries(app, await cpas.token('cpas_auditor'), 'action=export')).items.filter(
        (e) => e.entity === 'beneficiary',
      );
      t.ok(
        exports.some(
          (e) => [e.entityId, ...e.entityIds].includes(active.beneficiaryId) && /^csv; rows=\d+$/.test(e.outcome),
        ),
        'the download is audited as an export of the persons it names',
      );
    },
  );

  t.test(
    'when another CPAS, another role or an empty year asks, then it gets its own form, a 403 or zeros',
    async (t) => {
      const other = await (await h.newCpas()).token('cpas_manager');
      const theirs = json(await get('/v1/reports/rapport-unique/piis10?year=2026', other));
      t.not(theirs.cpas.kboNumber, cpas.kbo);
      const book = sheetsOf((await get('/v1/reports/rapport-unique/piis10?year=2026&format=xlsx', other)).rawPayload);
      t.notMatch(book.sheet(2), new RegExp(person.niss), 'no person of the other CPAS');
      t.equal((await get('/v1/reports/rapport-unique/pas?year=2026', worker)).statusCode, 403);
      const analyst = await cpas.token('spp_analyst');
      t.equal(
        (await get('/v1/reports/rapport-unique/piis10?year=2026', analyst)).statusCode,
        403,
        'never an SPP IS view',
      );
      const empty = json(await get('/v1/reports/rapport-unique/pas?year=2010'));
      t.match(
        empty.lines.find((l: { key: string }) => l.key === 'assessments'),
        { value: 0 },
      );
      t.same(empty.modules, []);
      t.equal((await get('/v1/reports/rapport-unique/other?year=2026')).statusCode, 400);
    },
  );

  t.test('R-IND-2015: when the PAS form of 2016 is read, then it justifies the two convention subsidies', async (t) => {
    t.equal(
      (
        await post(app, manager, '/v1/expenses', {
          year: 2016,
          subsidy: 'clusters2015',
          activation: 'social',
          category: 'activity',
          amountCents: 12_000,
          description: 'Atelier budget',
        })
      ).statusCode,
      201,
    );
    const form = json(await get('/v1/reports/rapport-unique/pas?year=2016'));
    t.equal(form.indicatorSet, 'convention-2015-2016');
    t.match(
      form.lines.find((l: { key: string }) => l.key === 'justification.clusters2015.justified'),
      { amountCents: 12_000 },
    );
    t.ok(form.lines.find((l: { key: string }) => l.key === 'justification.pas2015.justified'));
  });

  t.test('when a form is frozen, then the run keeps it as read', async (t) => {
    const res = await post(app, manager, '/v1/reports/runs', { report: 'rapport-unique-piis10', year: 2026 });
    t.equal(res.statusCode, 201, res.body);
    const run = json(await get(`/v1/reports/runs/${json(res).id}`));
    t.match(run, { report: 'rapport-unique-piis10', inputsChanged: false, figures: { form: 'piis10', year: 2026 } });
    t.equal(
      (await post(app, manager, '/v1/reports/runs', { report: 'rapport-unique-pas', year: 2026 })).statusCode,
      201,
    );
  });
});
