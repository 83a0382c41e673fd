// Social activation modules (participants, sessions, the R-PAS-MODULES table) and expenses with
// their verdicts and the justification report — over HTTP, with the roles and another CPAS.
import t from 'tap';
import { bearer, buildHarness, json, newBeneficiary } from '../helpers/app.js';
import { piisIn, post } from '../helpers/piis.js';

t.test('social activation and expenses', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const manager = await cpas.token('cpas_manager');
  const worker = await cpas.token('social_worker');
  const app = h.app;
  const get = (url: string, token = manager) => app.inject({ method: 'GET', url, headers: bearer(token) });

  t.test(
    'when a manager runs a module, then the year’s table counts its sessions, hours and participants, of whom RI ' +
      'beneficiaries',
    async (t) => {
      const created = await post(app, manager, '/v1/activation-modules', {
        theme: 'Budget',
        title: 'Managing a household budget',
        partners: ['Financité', 'Library'],
        startsOn: '2026-02-01',
        endsOn: '2026-12-31',
        hours: 20,
        notes: 'Good attendance',
      });
      t.equal(created.statusCode, 201, created.body);
      const moduleId = json(created).id;
      t.match(json(created), {
        theme: 'Budget',
        activation: 'social',
        partners: ['Financité', 'Library'],
        hours: 20,
        endsOn: '2026-12-31',
      });
      const onRi = await piisIn(app, manager, 'active');
      const noRi = (await newBeneficiary(app, worker)).id;
      const enrol = (beneficiaryId: string, piisId?: string) =>
        post(app, manager, `/v1/activation-modules/${moduleId}/participants`, {
          beneficiaryId,
          ...(piisId ? { piisId } : {}),
        });
      t.equal((await enrol(onRi.beneficiaryId, onRi.piisId)).statusCode, 201);
      t.equal((await enrol(noRi)).statusCode, 201);
      t.match(json(await enrol(noRi)), { status: 409, code: 'invalid-state' }, 'enrolled twice');
      t.match(
        json(await enrol(noRi, onRi.piisId)),
        { status: 422, code: 'invalid-reference' },
        'a PIIS of another person',
      );
      const stranger = (await newBeneficiary(app, worker)).id;
      const s1 = await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
        heldOn: '2026-03-10',
        hours: 2.5,
        attendeeIds: [onRi.beneficiaryId, noRi],
      });
      t.equal(s1.statusCode, 201, s1.body);
      t.equal(
        (
          await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
            heldOn: '2026-04-10',
            hours: 2,
            attendeeIds: [onRi.beneficiaryId],
          })
        ).statusCode,
        201,
      );
      t.match(
        json(
          await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
            heldOn: '2026-04-11',
            hours: 2,
            attendeeIds: [stranger],
          }),
        ),
        { status: 422, code: 'invalid-reference', errors: [{ path: '/body/attendeeIds/0' }] },
      );
      t.match(
        json(
          await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
            heldOn: '2026-01-15',
            hours: 2,
            attendeeIds: [],
          }),
        ),
        { status: 422, code: 'invalid-period' },
        'before the module',
      );
      t.match(
        json(
          await post(app, manager, `/v1/activation-modules/${moduleId}/sessions`, {
            heldOn: '2026-11-24',
            hours: 2,
            attendeeIds: [],
          }),
        ),
        { status: 422, code: 'date-in-future' },
      );

      // R-SOCIAL-ACTIVATION: a job-search workshop is professional activation, left out of the table
      const jobSearch = json(
        await post(app, manager, '/v1/activation-modules', {
          theme: 'job_search',
          title: 'Atelier recherche d’emploi',
          startsOn: '2026-02-01',
          hours: 10,
        }),
      );
      t.match(jobSearch, { theme: 'job_search', activation: 'professional' });
      t.equal(
        (
          await post(app, manager, `/v1/activation-modules/${jobSearch.id}/sessions`, {
            heldOn: '2026-03-11',
            hours: 2,
            attendeeIds: [],
          })
        ).statusCode,
        201,
      );
      const ownWords = json(
        await post(app, manager, '/v1/activation-modules', {
          theme: 'Atelier CV et entretiens',
          activation: 'professional',
          title: 'CV',
          startsOn: '2026-02-01',
          hours: 4,
        }),
      );
      t.match(
        ownWords,
        { theme: 'Atelier CV et entretiens', activation: 'professional' },
        'a theme in the CPAS’s words, marked',
      );
      t.equal(
        (
          await post(app, manager, `/v1/activation-modules/${ownWords.id}/sessions`, {
            heldOn: '2026-03-12',
            hours: 2,
            attendeeIds: [],
          })
        ).statusCode,
        201,
      );
      const modules = async () => json(await get('/v1/activation-modules?limit=200')).items.length;
      const before = await modules();
      t.match(
        json(
          await post(app, manager, '/v1/activation-modules', {
            theme: 'Atelier couture',
            title: 'Couture',
            startsOn: '2026-02-01',
            hours: 4,
          }),
        ),
        {
          status: 422,
          code: 'activation-mark-missing',
          rule: 'R-SOCIAL-ACTIVATION',
          errors: [{ path: '/body/activation' }],
        },
        'a theme in the CPAS’s own words must say what it is',
      );
      t.equal(await modules(), before, 'nothing written');
      t.match(
        json(
          await post(app, manager, '/v1/activation-modules', {
            theme: 'Recherche d’emploi',
            title: 'Jobs',
            startsOn: '2026-02-01',
            hours: 4,
            activation: 'social',
          }),
        ),
        { status: 400, code: 'validation-failed', rule: 'R-SOCIAL-ACTIVATION' },
        'a code’s French label says professional',
      );
      t.match(
        json(
          await post(app, manager, '/v1/activation-modules', {
            theme: 'job_search',
            activation: 'social',
            title: 'Mismarked',
            startsOn: '2026-02-01',
            hours: 1,
          }),
        ),
        { status: 400, code: 'validation-failed', rule: 'R-SOCIAL-ACTIVATION', errors: [{ path: '/body/activation' }] },
        'a coded theme’s mark cannot be contradicted',
      );

      const report = json(await get('/v1/reports/pas-modules?year=2026'));
      t.same(report, {
        year: 2026,
        rule: 'R-PAS-MODULES',
        professionalModules: 2,
        items: [
          {
            moduleId,
            theme: 'Budget',
            title: 'Managing a household budget',
            partners: 'Financité; Library',
            sessions: 2,
            hours: 4.5,
            participants: 2,
            riParticipants: 1,
            notes: 'Good attendance',
          },
        ],
      });
      t.same(json(await get('/v1/reports/pas-modules?year=2025')).items, [], 'no session in 2025');
      const csv = await app.inject({
        method: 'GET',
        url: '/v1/reports/pas-modules?year=2026',
        headers: { ...bearer(manager), accept: 'text/csv', 'accept-language': 'nl' },
      });
      t.match(
        csv.rawPayload.subarray(3).toString('utf8'),
        new RegExp(
          '^Thema;Thema \\(omschrijving\\);Module;Partners;Sessies;Uren;Deelnemers;Waarvan ' +
            'leefloongerechtigden;Opmerkingen\r\nBudget;Budget;Managing a household budget;"Financité; ' +
            'Library";2;4,5;2;1;Good attendance\r\n$',
        ),
      );
      t.equal(json(await get('/v1/activation-modules?year=2026')).items.length, 3);
      t.equal((await get('/v1/activation-modules', worker)).statusCode, 403, 'modules are the manager’s');
      const other = await (await h.newCpas()).token('cpas_manager');
      t.equal(
        (await post(app, other, `/v1/activation-modules/${moduleId}/participants`, { beneficiaryId: noRi })).statusCode,
        404,
        'another CPAS: no such module',
      );
      t.same(json(await get('/v1/reports/pas-modules?year=2026', other)).items, [], 'another CPAS: an empty table');
    },
  );

  t.test(
    'when a manager records expenses, then each has its verdict and the justification sets them against the subsidy',
    async (t) => {
      const record = (body: Record<string, unknown>) =>
        post(app, manager, '/v1/expenses', { year: 2026, description: 'Paid', ...body });
      const staff = await record({
        subsidy: 'piis10',
        category: 'staff',
        amountCents: 4_000_000,
        staff: { timeShare: 0.5, assignmentProof: 'Council decision 2026/3' },
        invoiceRef: 'PAY-1',
      });
      t.equal(staff.statusCode, 201, staff.body);
      t.match(json(staff), { eligibleCents: 2_000_000, verdict: { value: true, rule: 'R-SUB-COSTS' } });
      t.match(json(await record({ subsidy: 'piis10', category: 'building_purchase', amountCents: 100_000 })), {
        eligibleCents: 0,
        verdict: { value: false, rule: 'R-SUB-COSTS' },
      });
      t.match(
        json(
          await record({
            subsidy: 'pas',
            activation: 'social',
            category: 'staff',
            amountCents: 4_000_000,
            staff: { timeShare: 0.5, assignmentProof: 'x' },
            invoiceRef: 'PAY-1',
          }),
        ),
        { verdict: { value: false, rule: 'R-PAS-COSTS' } },
        'the same payslip under the other subsidy',
      );
      t.match(
        json(
          await record({
            subsidy: 'pas',
            activation: 'professional',
            category: 'activity',
            amountCents: 50_000,
            description: 'Atelier recherche d’emploi',
          }),
        ),
        { activation: 'professional', eligibleCents: 0, verdict: { value: false, rule: 'R-PAS-COSTS' } },
        'R-PAS-COSTS: professional activation excluded',
      );
      t.match(
        json(
          await record({
            subsidy: 'piis10',
            category: 'staff',
            amountCents: 300_000,
            staff: { timeShare: 1, assignmentProof: 'Job description', role: 'ict' },
          }),
        ),
        { staff: { role: 'ict' }, eligibleCents: 0, verdict: { value: false, rule: 'R-SUB-COSTS' } },
        'R-SUB-COSTS: ICT staff go to art. 40',
      );
      t.match(
        json(await record({ subsidy: 'piis10', category: 'rent', amountCents: 100_000, staff: { timeShare: 1 } })),
        { status: 400, code: 'validation-failed' },
        'staff details on a rent',
      );
      t.match(json(await record({ subsidy: 'piis10', category: 'loan', amountCents: 1 })), { status: 400 });
      const before = json(await get('/v1/expenses?year=2026&limit=200')).items.length;
      t.match(
        json(await record({ subsidy: 'clusters2015', activation: 'social', category: 'activity', amountCents: 1 })),
        { status: 422, code: 'no-convention', rule: 'R-IND-2015', errors: [{ path: '/body/year' }] },
        'a 2015 convention subsidy in 2026',
      );
      t.equal(json(await get('/v1/expenses?year=2026&limit=200')).items.length, before, 'nothing written');
      t.match(
        json(
          await record({
            year: 2016,
            subsidy: 'clusters2015',
            activation: 'social',
            category: 'activity',
            amountCents: 10_000,
          }),
        ),
        { subsidy: 'clusters2015', eligibleCents: 10_000, verdict: { value: true, rule: 'R-PAS-COSTS' } },
        'the clusters and large cities subsidy of 2016',
      );

      const justification = json(await get('/v1/reports/justification?subsidy=piis10&year=2026'));
      t.match(justification, {
        year: 2026,
        subsidy: 'piis10',
        justifiedCents: 2_000_000,
        ineligibleCents: 2_400_000,
        rule: 'R-SUB-COSTS',
      });
      t.equal(justification.items.length, 3);
      const report = json(await get('/v1/reports/subsidy?year=2026'));
      t.equal(
        justification.subsidyCents,
        report.totals.subsidyCents,
        'R-SUB-COSTS: set against the subsidy the report adds up to',
      );
      const run = json(
        await post(app, manager, '/v1/reports/runs', { report: 'justification', year: 2026, subsidy: 'piis10' }),
      );
      t.equal(
        run.figures.subsidyCents,
        justification.subsidyCents,
        'a frozen run, computed from the facts, says the same',
      );
      t.equal(justification.balanceCents, justification.justifiedCents - justification.subsidyCents);
      const pas = json(await get('/v1/reports/justification?subsidy=pas&year=2026'));
      t.match(pas, { subsidyCents: null, balanceCents: null, justifiedCents: 0, ineligibleCents: 4_050_000 });
      const count = async () => json(await get('/v1/expenses?year=2026&limit=200')).items.length;
      const recorded = await count();
      t.match(
        json(await record({ subsidy: 'pas', category: 'activity', amountCents: 7_000, description: 'Museum visit' })),
        { status: 422, code: 'activation-mark-missing', rule: 'R-PAS-COSTS', errors: [{ path: '/body/activation' }] },
        'R-PAS-COSTS: a PAS cost must say what it serves',
      );
      t.equal(await count(), recorded, 'nothing written');
      t.match(
        json(await record({ subsidy: 'pas', category: 'renovation', amountCents: 7_000 })),
        { activation: null, eligibleCents: 0, verdict: { value: false, rule: 'R-PAS-COSTS' } },
        'a renovation is refused whatever it serves: no mark needed',
      );
      t.match(
        json(
          await record({
            subsidy: 'pas',
            activation: 'social',
            category: 'activity',
            amountCents: 7_000,
            description: 'Museum visit',
          }),
        ),
        { activation: 'social', eligibleCents: 7_000, verdict: { value: true } },
      );
      t.equal(json(await get('/v1/expenses?year=2026&subsidy=piis10')).items.length, 3);
      t.equal((await get('/v1/reports/justification?year=2026')).statusCode, 400, 'the subsidy is named');
      t.equal((await get('/v1/expenses', worker)).statusCode, 403);
      const other = await (await h.newCpas()).token('cpas_manager');
      t.same(json(await get('/v1/expenses', other)).items, [], 'another CPAS sees none');
    },
  );
});
