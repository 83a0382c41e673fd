// The PIIS lifecycle, continued: a voided signature puts the PIIS back in reflection, the PIIS read
// follows the person's facts (R-CORRECT), another CPAS sees nothing, a draft is patched under
// If-Match; and what is kept for reads equals a recomputation.
import t from 'tap';
import { bearer, json } from '../../helpers/app.js';
import { oneCpas } from '../../helpers/one-cpas.js';
import { completeContent, draft, post, rightfulBeneficiary } from '../../helpers/piis.js';

t.test('PIIS lifecycle', async (t) => {
  const { h, worker, app, noDrift } = await oneCpas(t);

  t.test(
    'when a signature is voided, then the PIIS returns to reflection (R-CORRECT: rules follow the facts in force)',
    async (t) => {
      const b = await rightfulBeneficiary(app, worker);
      const d = await draft(app, worker, b);
      const id = d.piisId;
      await post(app, worker, `/v1/piis/${id}/handover`, {
        handedOverOn: '2026-03-02',
        informedOn: '2026-03-02',
        assistedBy: null,
      });
      await post(app, worker, `/v1/piis/${id}/signatures`, {
        party: 'beneficiary',
        signedOn: '2026-03-08',
        signatoryName: 'P',
      });
      const cpasSig = json(
        await post(app, worker, `/v1/piis/${id}/signatures`, {
          party: 'cpas',
          signedOn: '2026-03-09',
          signatoryName: 'P',
        }),
      );
      const corrected = await post(app, worker, `/v1/piis/${id}/signatures`, {
        party: 'cpas',
        signedOn: '2026-03-12',
        signatoryName: 'P',
        supersedes: cpasSig.id,
        reason: 'wrong date typed',
      });
      t.equal(corrected.statusCode, 201, corrected.statusCode >= 300 ? corrected.body : `corrected: 201`);
      let piis = json(await app.inject({ method: 'GET', url: `/v1/piis/${id}`, headers: bearer(worker) }));
      t.equal(piis.signedOn, '2026-03-12', 'the correction is in force');
      const voided = await post(app, worker, `/v1/piis/${id}/signatures/${json(corrected).id}/void`, {
        reason: 'signed by the wrong person',
      });
      t.equal(voided.statusCode, 200, voided.statusCode >= 300 ? voided.body : `voided: 200`);
      t.equal(json(voided).inForce, false);
      piis = json(await app.inject({ method: 'GET', url: `/v1/piis/${id}`, headers: bearer(worker) }));
      t.equal(piis.status, 'active', 'voiding the correction restores the corrected signature');
      t.equal(piis.signedOn, '2026-03-09');
      const all = json(
        await app.inject({
          method: 'GET',
          url: `/v1/piis/${id}/signatures?includeVoided=true`,
          headers: bearer(worker),
        }),
      );
      t.equal(all.items.length, 3, 'the history keeps every version');
    },
  );

  t.test(
    'when the person’s facts change, then the PIIS read follows them (R-CORRECT: rules follow the facts in force)',
    async (t) => {
      const b = await rightfulBeneficiary(app, worker);
      const d = await draft(app, worker, b);
      const read = async () =>
        json(await app.inject({ method: 'GET', url: `/v1/piis/${d.piisId}`, headers: bearer(worker) }));
      t.equal((await read()).conclusionDue.value, '2026-04-05', 'R-OBLIG-DEADLINE from the grant of 2026-01-05');
      const rights = json(
        await app.inject({ method: 'GET', url: `/v1/beneficiaries/${b}/rights`, headers: bearer(worker) }),
      );
      const corrected = await post(app, worker, `/v1/beneficiaries/${b}/rights`, {
        kind: 'ri',
        category: 'isolated',
        decidedOn: '2026-01-20',
        startsOn: '2026-01-05',
        monthlyAmountCents: 130000,
        supersedes: rights.items[0].id,
        reason: 'decision date mistyped',
      });
      t.equal(corrected.statusCode, 201);
      t.equal((await read()).conclusionDue.value, '2026-04-20', 'the corrected grant decides');
      await post(app, worker, `/v1/beneficiaries/${b}/assessments`, {
        performedOn: '2026-06-01',
        kind: 'intermediate',
        participationRung: 4,
      });
      t.equal((await read()).progress.value, true, 'R-PROGRESS: rung 2 → 4 since the baseline');
    },
  );

  t.test('when another CPAS asks for a PIIS, then it does not exist for them', async (t) => {
    const b = await rightfulBeneficiary(app, worker);
    const d = await draft(app, worker, b);
    const other = await h.newCpas();
    const theirs = await other.token('cpas_manager');
    for (const url of [
      `/v1/piis/${d.piisId}`,
      `/v1/piis/${d.piisId}/versions`,
      `/v1/piis/${d.piisId}/timeline`,
      `/v1/piis/${d.piisId}/evaluations`,
    ]) {
      const res = await app.inject({ method: 'GET', url, headers: bearer(theirs) });
      t.equal(res.statusCode, 404, url);
    }
    const res = await post(app, theirs, `/v1/piis/${d.piisId}/handover`, {
      handedOverOn: '2026-03-02',
      informedOn: '2026-03-02',
      assistedBy: null,
    });
    t.equal(res.statusCode, 404);
    const list = json(await app.inject({ method: 'GET', url: '/v1/piis', headers: bearer(theirs) }));
    t.same(list.items, []);
  });

  t.test('when a draft is patched, then If-Match is required and the content merges', async (t) => {
    const b = await rightfulBeneficiary(app, worker);
    const d = await draft(app, worker, b, { ...completeContent(), supplementaryAid: undefined });
    const noMatch = await app.inject({
      method: 'PATCH',
      url: `/v1/piis/${d.piisId}`,
      headers: bearer(worker),
      payload: { supplementaryAid: 'Travel' },
    });
    t.equal(noMatch.statusCode, 428);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/v1/piis/${d.piisId}`,
      headers: { ...bearer(worker), 'if-match': d.etag, 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ supplementaryAid: 'Travel', activationCategory: null }),
    });
    t.equal(patched.statusCode, 200, patched.statusCode >= 300 ? patched.body : `patched: 200`);
    t.equal(json(patched).supplementaryAid, 'Travel');
    t.equal(json(patched).activationCategory, null);
    t.equal(json(patched).objectives.length, 2, 'other content kept');
    const stale = await app.inject({
      method: 'PATCH',
      url: `/v1/piis/${d.piisId}`,
      headers: { ...bearer(worker), 'if-match': d.etag },
      payload: { supplementaryAid: 'x' },
    });
    t.equal(stale.statusCode, 412);
  });

  t.test(
    'when every test above has run, then each kept file and deadline equals a recomputation from scratch',
    async (t) => {
      await noDrift(t, 'every test of this file');
    },
  );
});
