// R-REUSE through the API: an earlier PIIS updated and re-signed needs no new bilan social only
// when the person is back from a job of under 3 months that ended; otherwise the handover asks
// for a new one, performed since the job started or since the earlier PIIS ended.
import t from 'tap';
import { bearer, buildHarness, json } from '../../helpers/app.js';
import { draft, piisIn, post } from '../../helpers/piis.js';

t.test('R-REUSE', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-12-01' } });
  const manager = await (await h.newCpas()).token('cpas_manager');
  const app = h.app;
  const reusing = async (job: { startsOn: string; endsOn?: string } | null) => {
    const earlier = await piisIn(app, manager, 'closed'); // closed on 2026-09-30, assessed on 2026-02-20
    if (job)
      t.equal(
        (
          await post(app, manager, `/v1/beneficiaries/${earlier.beneficiaryId}/situations`, {
            kind: 'employment',
            ...job,
          })
        ).statusCode,
        201,
      );
    const d = await draft(app, manager, earlier.beneficiaryId, {
      reusesPiisId: earlier.piisId,
      draftedOn: '2026-11-10',
      startsOn: '2026-11-20',
      endsOn: '2027-11-19',
    });
    const handover = () =>
      app.inject({
        method: 'POST',
        url: `/v1/piis/${d.piisId}/handover`,
        headers: { ...bearer(manager), 'accept-language': 'nl' },
        payload: { handedOverOn: '2026-11-12', informedOn: '2026-11-12', assistedBy: null },
      });
    return { earlier, handover };
  };

  t.test(
    'when no job is recorded in between, then a new assessment since the earlier PIIS ended is needed',
    async (t) => {
      const { earlier, handover } = await reusing(null);
      const refused = await handover();
      t.equal(refused.statusCode, 422, refused.body);
      t.match(json(refused), { code: 'assessment-missing', rule: 'R-REUSE' });
      t.match(json(refused).detail, /geen job geregistreerd/);
      await post(app, manager, `/v1/beneficiaries/${earlier.beneficiaryId}/assessments`, {
        performedOn: '2026-09-30',
        kind: 'intermediate',
        participationRung: 3,
        domainScores: [{ domain: 'employment', score: 3 }],
      });
      t.equal((await handover()).statusCode, 200, 'an assessment on the day the earlier PIIS ended');
    },
  );

  t.test('when the job in between has no end, then a new assessment since it started is needed', async (t) => {
    const { handover } = await reusing({ startsOn: '2026-10-01' });
    t.match(json(await handover()), { code: 'assessment-missing', rule: 'R-REUSE' });
  });

  t.test('when the job in between ended within 3 months, then no new assessment is needed', async (t) => {
    const { handover } = await reusing({ startsOn: '2026-10-01', endsOn: '2026-10-31' });
    const res = await handover();
    t.equal(res.statusCode, 200, res.body);
  });
});
