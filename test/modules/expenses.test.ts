// Expenses with their verdicts and the justification report that sets them against the subsidy —
// over HTTP, with the roles and another CPAS.
import t from 'tap';
import { json } from '../helpers/app.js';
import { oneCpas } from '../helpers/one-cpas.js';
import { post } from '../helpers/piis.js';

t.test('expenses', async (t) => {
  const { h, manager, worker, app, get } = await oneCpas(t);

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
