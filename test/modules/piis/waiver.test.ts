// R-REFLECT's waiver: refused where the deployment does not allow it (the default); where it
// does (REFLECTION_WAIVER_ALLOWED=true), a signature inside the period needs the recorded waiver,
// and the PIIS then counts as signed without the full period.
import t from 'tap';
import { bearer, buildHarness, json } from '../../helpers/app.js';
import { draft, post, rightfulBeneficiary } from '../../helpers/piis.js';

const handover = { handedOverOn: '2026-03-02', informedOn: '2026-03-02', assistedBy: null };
const waiver = { recordedOn: '2026-03-03', statement: 'I waive the rest of the reflection period' };

t.test('R-REFLECT: when the deployment does not allow a waiver, then a handover with one is refused', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const worker = await (await h.newCpas()).token('social_worker');
  const d = await draft(h.app, worker, await rightfulBeneficiary(h.app, worker));
  const res = await post(h.app, worker, `/v1/piis/${d.piisId}/handover`, { ...handover, reflectionWaiver: waiver });
  t.match(json(res), { status: 422, code: 'waiver-not-allowed', rule: 'R-REFLECT' });
  const rules = json(await h.app.inject({ method: 'GET', url: '/v1/rules' }));
  t.equal(rules.items.find((r: any) => r.id === 'R-REFLECT').versions[0].parameters.reflectionWaiverAllowed, false);
});

t.test(
  'R-REFLECT: when the deployment allows a waiver, then a recorded waiver lets the person sign inside the period',
  async (t) => {
    const h = await buildHarness(t, {
      clock: { today: () => '2026-11-23' },
      env: { REFLECTION_WAIVER_ALLOWED: 'true' },
    });
    const worker = await (await h.newCpas()).token('social_worker');
    const without = await draft(h.app, worker, await rightfulBeneficiary(h.app, worker));
    await post(h.app, worker, `/v1/piis/${without.piisId}/handover`, handover);
    const refused = await post(h.app, worker, `/v1/piis/${without.piisId}/signatures`, {
      party: 'beneficiary',
      signedOn: '2026-03-04',
      signatoryName: 'P',
    });
    t.match(
      json(refused),
      { status: 422, code: 'reflection-period-not-elapsed', rule: 'R-REFLECT' },
      'no waiver recorded',
    );
    const withWaiver = await draft(h.app, worker, await rightfulBeneficiary(h.app, worker));
    const handed = await post(h.app, worker, `/v1/piis/${withWaiver.piisId}/handover`, {
      ...handover,
      reflectionWaiver: waiver,
    });
    t.equal(handed.statusCode, 200, handed.statusCode === 200 ? 'handed over with a waiver' : handed.body);
    t.same(json(handed).handover.reflectionWaiver, waiver);
    const ben = await post(h.app, worker, `/v1/piis/${withWaiver.piisId}/signatures`, {
      party: 'beneficiary',
      signedOn: '2026-03-04',
      signatoryName: 'P',
    });
    t.equal(ben.statusCode, 201, ben.statusCode === 201 ? 'signed inside the period' : ben.body);
    await post(h.app, worker, `/v1/piis/${withWaiver.piisId}/signatures`, {
      party: 'cpas',
      signedOn: '2026-03-04',
      signatoryName: 'P',
    });
    const piis = json(
      await h.app.inject({ method: 'GET', url: `/v1/piis/${withWaiver.piisId}`, headers: bearer(worker) }),
    );
    t.equal(
      piis.compliance.reflectionRespected.value,
      false,
      'counted as signed without the full period (R-IND-COMPLIANCE)',
    );
    t.match(
      piis.compliance.reflectionRespected.explanation,
      /moyennant une renonciation écrite enregistrée le mardi 3 mars 2026/,
    );
  },
);
