// Strict bodies: a JSON body is taken as sent. Each field of a valid body, sent with another JSON
// type (a boolean or a numeric string for a number, a number for a text, a string for a boolean,
// a bare item for an array, null for a required field), answers 400 validation-failed naming the
// field, and nothing is written — the coerced cases an outside fuzzing run had found accepted.
// Query strings are still text parsed into their types, and import rows follow the bodies' rule.
import t from 'tap';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';
import { piisIn } from '../helpers/piis.js';
import { validNiss } from '../helpers/identifiers.js';

/** The wrong-typed variants of one field's valid value. */
function mutations(value: unknown): unknown[] {
  if (typeof value === 'number') return [String(value), value === 1 ? true : false, [value]];
  if (typeof value === 'boolean') return [String(value), value ? 1 : 0];
  if (typeof value === 'string') return [123, true, [value]];
  if (Array.isArray(value)) return value.length > 0 ? [value[0], JSON.stringify(value)] : ['', {}];
  if (value && typeof value === 'object') return ['{}', [value]];
  return [];
}

t.test('strict bodies (contract §2 Validation)', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' }, imports: { tickMs: 60_000 } });
  const cpas = await h.newCpas();
  const manager = await cpas.token('cpas_manager');
  const person = await newBeneficiary(h.app, manager);
  const piis = await piisIn(h.app, manager, 'active');

  const corpus: Array<{
    name: string;
    method: 'POST' | 'PUT';
    url: string;
    body: Record<string, unknown>;
    list: string;
  }> = [
    {
      name: 'setRetentionPolicy',
      method: 'PUT',
      url: '/v1/retention-policy',
      body: { anonymiseAfterYears: 12 },
      list: '/v1/retention-policy',
    },
    {
      name: 'createBeneficiary',
      method: 'POST',
      url: '/v1/beneficiaries',
      body: { niss: validNiss(), givenName: 'Ana', familyName: 'Peeters', language: 'nl' },
      list: '/v1/beneficiaries?limit=500',
    },
    {
      name: 'recordRightDecision',
      method: 'POST',
      url: `/v1/beneficiaries/${person.id}/rights`,
      body: {
        kind: 'ri',
        category: 'isolated',
        decidedOn: '2026-01-05',
        startsOn: '2026-01-05',
        monthlyAmountCents: 130000,
      },
      list: `/v1/beneficiaries/${person.id}/rights?includeVoided=true`,
    },
    {
      name: 'createEvaluation',
      method: 'POST',
      url: `/v1/piis/${piis.piisId}/evaluations`,
      body: {
        heldOn: '2026-07-01',
        mode: 'in_person',
        objectives: [{ key: 'o1', status: 'progressing' }],
        commitmentsKept: { beneficiary: true, cpas: true },
      },
      list: `/v1/piis/${piis.piisId}/evaluations?includeVoided=true`,
    },
    {
      name: 'createActivationModule',
      method: 'POST',
      url: '/v1/activation-modules',
      body: {
        theme: 'Budget',
        title: 'Managing a household budget',
        partners: ['Library'],
        startsOn: '2026-02-01',
        endsOn: '2026-12-31',
        hours: 20,
      },
      list: '/v1/activation-modules?limit=500',
    },
    {
      name: 'recordExpense',
      method: 'POST',
      url: '/v1/expenses',
      body: {
        year: 2026,
        subsidy: 'pas',
        activation: 'social',
        category: 'activity',
        amountCents: 25000,
        description: 'Museum visit',
      },
      list: '/v1/expenses?year=2026&limit=500',
    },
  ];

  for (const op of corpus) {
    t.test(
      `${op.name}: when a field has the wrong JSON type, then 400 validation-failed naming it, and nothing is written`,
      async (t) => {
        const before = (await h.app.inject({ method: 'GET', url: op.list, headers: bearer(manager) })).body;
        let tried = 0;
        for (const [field, value] of Object.entries(op.body)) {
          for (const wrong of [...mutations(value), null]) {
            const res = await h.app.inject({
              method: op.method,
              url: op.url,
              headers: bearer(manager),
              payload: { ...op.body, [field]: wrong },
            });
            tried++;
            const what = `${field}: ${JSON.stringify(wrong)}`;
            t.equal(res.statusCode, 400, `${what} → 400 (${res.statusCode})`);
            t.equal(res.json().code, 'validation-failed', what);
            t.ok(
              res.json().errors?.some((e: { path: string }) => e.path.startsWith(`/body/${field}`)),
              `${what}: the error names /body/${field}`,
            );
          }
        }
        t.ok(tried >= Object.keys(op.body).length * 2, `${tried} wrong-typed bodies tried`);
        t.equal(
          (await h.app.inject({ method: 'GET', url: op.list, headers: bearer(manager) })).body,
          before,
          'nothing written',
        );
        const valid = await h.app.inject({
          method: op.method,
          url: op.url,
          headers: bearer(manager),
          payload: op.body,
        });
        t.ok(
          valid.statusCode === 200 || valid.statusCode === 201,
          `the valid body itself is accepted (${valid.statusCode} ${valid.statusCode >= 300 ? valid.body : ''})`,
        );
      },
    );
  }

  t.test(
    'when the retention policy is sent as true, then 400 and the policy is not set to one year (the reported case)',
    async (t) => {
      const res = await h.app.inject({
        method: 'PUT',
        url: '/v1/retention-policy',
        headers: bearer(manager),
        payload: { anonymiseAfterYears: true },
      });
      t.equal(res.statusCode, 400);
      t.same(res.json().errors, [{ path: '/body/anonymiseAfterYears', message: 'doit être un nombre entier' }]);
      t.not(
        (await h.app.inject({ method: 'GET', url: '/v1/retention-policy', headers: bearer(manager) })).json()
          .anonymiseAfterYears,
        1,
      );
    },
  );

  t.test(
    'when a query string carries numbers and booleans as text, then they are still parsed into their types',
    async (t) => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/v1/piis/${piis.piisId}/evaluations?limit=5&includeVoided=true`,
        headers: bearer(manager),
      });
      t.equal(res.statusCode, 200, res.body);
      t.equal(
        (await h.app.inject({ method: 'GET', url: '/v1/beneficiaries?limit=five', headers: bearer(manager) }))
          .statusCode,
        400,
        'text that is not a number is still refused',
      );
    },
  );

  t.test(
    'when an import row has a wrong JSON type, then that row is rejected as the API would refuse the body',
    async (t) => {
      const token = await cpas.token('integration', 'vendor-import');
      const rows = [
        { externalRef: 'strict-1', niss: validNiss(), givenName: 'Ana', familyName: 'Claes', language: 'fr' },
        { externalRef: 'strict-2', niss: validNiss(), givenName: 42, familyName: 'Claes', language: 'fr' },
        { externalRef: 'strict-3', niss: validNiss(), givenName: ['Ana'], familyName: 'Claes', language: 'fr' },
      ];
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/imports?kind=beneficiaries&dryRun=true',
        headers: { ...bearer(token), 'content-type': 'application/x-ndjson' },
        payload: rows.map((r) => JSON.stringify(r)).join('\n'),
      });
      t.equal(res.statusCode, 202, res.body);
      const id = res.json().id;
      const worker = h.app.importWorker!;
      for (let i = 0; i < 200; i++) {
        await worker.tick();
        await worker.idle();
        const job = (await h.app.inject({ method: 'GET', url: `/v1/imports/${id}`, headers: bearer(token) })).json();
        if (job.status === 'completed' || job.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 25));
      }
      const verdicts = (
        await h.app.inject({ method: 'GET', url: `/v1/imports/${id}/rows?limit=10`, headers: bearer(token) })
      ).json().items;
      t.same(
        verdicts.map((v: { row: number; verdict: string; code: string | null }) => [v.row, v.verdict, v.code]),
        [
          [1, 'created', null],
          [2, 'rejected', 'validation-failed'],
          [3, 'rejected', 'validation-failed'],
        ],
      );
    },
  );
});
