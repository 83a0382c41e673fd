// The social worker's path through the PIIS lifecycle, and the refusals of handover on the way,
// with their problem code and rule (contract §3, rulebook sections 1–7; other refusals are in
// lifecycle-refusals.test.ts, corrections and patches in lifecycle-corrections.test.ts).
import t from 'tap';
import { bearer, json } from '../../helpers/app.js';
import { oneCpas } from '../../helpers/one-cpas.js';
import { draft, post, rightfulBeneficiary } from '../../helpers/piis.js';

t.test('PIIS lifecycle', async (t) => {
  const { worker, manager, app, noDrift } = await oneCpas(t);

  t.test(
    'when a social worker drives a PIIS from draft to close, then each step answers with its computed dates',
    async (t) => {
      const beneficiaryId = await rightfulBeneficiary(app, worker);
      const d = await draft(app, worker, beneficiaryId);
      t.equal(d.body.status, 'draft');
      t.equal(d.body.version, 1);
      t.equal(d.body.earliestSignatureOn.value, null);
      t.equal(d.body.conclusionDue.value, '2026-04-05', 'R-OBLIG-DEADLINE: grant 2026-01-05 + 3 months');
      const id = d.piisId;

      const handed = await post(
        app,
        worker,
        `/v1/piis/${id}/handover`,
        { handedOverOn: '2026-03-02', informedOn: '2026-03-02', assistedBy: { name: 'A friend', relation: 'friend' } },
        { 'if-match': d.etag },
      );
      t.equal(handed.statusCode, 200, handed.statusCode >= 300 ? handed.body : `handed: 200`);
      t.equal(json(handed).status, 'in_reflection');
      t.same(json(handed).earliestSignatureOn, {
        value: '2026-03-08',
        rule: 'R-REFLECT',
        explanation: json(handed).earliestSignatureOn.explanation,
      });
      t.equal(json(handed).reflectionEndsOn.value, '2026-03-07');

      const early = await post(app, worker, `/v1/piis/${id}/signatures`, {
        party: 'beneficiary',
        signedOn: '2026-03-07',
        signatoryName: 'The person',
      });
      t.equal(early.statusCode, 422);
      t.match(
        json(early),
        { code: 'reflection-period-not-elapsed', rule: 'R-REFLECT' },
        'R-REFLECT: refused on the 5th day (2026-03-07)',
      );

      const hearing = await post(app, worker, `/v1/piis/${id}/hearing-requests`, { requestedOn: '2026-03-05' });
      t.equal(hearing.statusCode, 201, hearing.statusCode >= 300 ? hearing.body : `hearing: 201`);
      t.equal(json(hearing).pending, true);
      const blocked = await post(app, worker, `/v1/piis/${id}/signatures`, {
        party: 'beneficiary',
        signedOn: '2026-03-08',
        signatoryName: 'The person',
      });
      t.match(
        json(blocked),
        { status: 422, code: 'hearing-pending', rule: 'R-HEARING' },
        'R-HEARING: a pending hearing blocks signature',
      );
      const withdrawn = await post(app, worker, `/v1/piis/${id}/hearing-requests/${json(hearing).id}/outcome`, {
        withdrawnOn: '2026-03-08',
      });
      t.equal(withdrawn.statusCode, 200, withdrawn.statusCode >= 300 ? withdrawn.body : `withdrawn: 200`);
      t.equal(json(withdrawn).pending, false);

      const ben = await post(app, worker, `/v1/piis/${id}/signatures`, {
        party: 'beneficiary',
        signedOn: '2026-03-08',
        signatoryName: 'The person',
      });
      t.equal(ben.statusCode, 201, ben.statusCode >= 300 ? ben.body : `ben: 201`);
      t.equal(json(ben).piisStatus, 'in_reflection', 'one party only');
      const again = await post(app, worker, `/v1/piis/${id}/signatures`, {
        party: 'beneficiary',
        signedOn: '2026-03-08',
        signatoryName: 'The person',
      });
      t.match(json(again), { status: 409, code: 'invalid-state', rule: 'R-PARTIES' });
      const cpasSig = await post(app, worker, `/v1/piis/${id}/signatures`, {
        party: 'cpas',
        signedOn: '2026-03-09',
        signatoryName: 'The president',
      });
      t.equal(cpasSig.statusCode, 201, cpasSig.statusCode >= 300 ? cpasSig.body : `cpasSig: 201`);
      t.equal(json(cpasSig).piisStatus, 'active', 'R-PARTIES: both signed, the start date (2026-03-10) has come');
      await noDrift(t, 'the signatures');

      const got = await app.inject({ method: 'GET', url: `/v1/piis/${id}`, headers: bearer(worker) });
      t.equal(got.statusCode, 200);
      const piis = json(got);
      t.equal(piis.signedOn, '2026-03-09');
      t.equal(piis.nextEvaluationDue.value, '2026-07-09', 'R-EVAL-FREQ: signature + 4 months');
      t.equal(piis.compliance.concludedInTime.value, true);
      t.equal(piis.compliance.reflectionRespected.value, true);
      t.equal(piis.subsidy.value, '2026-03-01', 'R-SUB-START: 1st day of the signature month');
      t.equal(got.headers['etag'], `"${piis.revision}"`);

      const draftEval = await post(app, worker, `/v1/piis/${id}/evaluations`, {
        heldOn: '2026-03-01',
        mode: 'in_person',
        objectives: [],
        commitmentsKept: { beneficiary: true, cpas: true },
      });
      t.match(
        json(draftEval),
        { status: 422, code: 'invalid-period', rule: 'R-EVAL-CONTENT' },
        'an evaluation before the conclusion',
      );
      const evaluation = await post(app, worker, `/v1/piis/${id}/evaluations`, {
        heldOn: '2026-07-01',
        mode: 'in_person',
        objectives: [{ key: 'o1', status: 'progressing' }],
        commitmentsKept: { beneficiary: true, cpas: true },
      });
      t.equal(evaluation.statusCode, 201, evaluation.statusCode >= 300 ? evaluation.body : `evaluation: 201`);
      t.equal(json(evaluation).version, 1);
      const unknownKey = await post(app, worker, `/v1/piis/${id}/evaluations`, {
        heldOn: '2026-07-02',
        mode: 'remote',
        objectives: [{ key: 'nope', status: 'achieved' }],
        commitmentsKept: { beneficiary: true, cpas: true },
      });
      t.match(json(unknownKey), { status: 422, code: 'invalid-reference', rule: 'R-EVAL-CONTENT' });
      const mistaken = await post(app, worker, `/v1/piis/${id}/evaluations`, {
        heldOn: '2026-07-03',
        mode: 'remote',
        objectives: [],
        commitmentsKept: { beneficiary: true, cpas: true },
      });
      const corrected = await post(app, worker, `/v1/piis/${id}/evaluations`, {
        heldOn: '2026-07-04',
        mode: 'written',
        objectives: [],
        commitmentsKept: { beneficiary: true, cpas: false },
        supersedes: json(mistaken).id,
        reason: 'Wrong date',
      });
      t.equal(corrected.statusCode, 201, corrected.statusCode >= 300 ? corrected.body : 'corrected: 201');
      const voided = await post(app, worker, `/v1/piis/${id}/evaluations/${json(corrected).id}/void`, {
        reason: 'Not held after all',
      });
      t.equal(voided.statusCode, 200, voided.statusCode >= 300 ? voided.body : 'voided: 200');
      await noDrift(t, 'evaluations, a correction and a void');

      const interview = await post(app, worker, `/v1/piis/${id}/interview-requests`, { requestedOn: '2026-04-02' });
      t.equal(interview.statusCode, 201, interview.statusCode >= 300 ? interview.body : `interview: 201`);
      t.equal(json(interview).dueOn.value, '2026-04-10', 'R-EVAL-INTERVIEW: Easter Monday skipped');
      const held = await post(app, worker, `/v1/piis/${id}/interview-requests/${json(interview).id}/held`, {
        heldOn: '2026-04-08',
      });
      t.equal(held.statusCode, 200, held.statusCode >= 300 ? held.body : `held: 200`);

      const amended = await post(app, worker, `/v1/piis/${id}/amendments`, {
        effectiveOn: '2026-09-01',
        reason: 'More time to finish the course',
        informedOn: '2026-08-20',
        endsOn: '2027-09-09',
        signatures: [
          { party: 'beneficiary', signedOn: '2026-08-25', signatoryName: 'The person' },
          { party: 'cpas', signedOn: '2026-08-26', signatoryName: 'The president' },
        ],
      });
      t.equal(amended.statusCode, 201, amended.statusCode >= 300 ? amended.body : `amended: 201`);
      t.equal(json(amended).version, 2);
      t.equal(json(amended).endsOn, '2027-09-09');
      const versions = json(
        await app.inject({ method: 'GET', url: `/v1/piis/${id}/versions`, headers: bearer(worker) }),
      );
      t.same(
        versions.items.map((v: any) => [v.version, v.kind, v.signed]),
        [
          [1, 'initial', true],
          [2, 'prolongation', true],
        ],
        'R-PROLONG: every version as signed',
      );
      t.equal(versions.items[0].content.endsOn, '2027-03-09', 'version 1 unchanged (R-SIGNED-VERSION)');
      const unagreed = await post(app, worker, `/v1/piis/${id}/amendments`, {
        effectiveOn: '2026-10-01',
        reason: 'x',
        informedOn: '2026-09-20',
        supplementaryAid: 'More',
        signatures: [{ party: 'cpas', signedOn: '2026-09-21', signatoryName: 'P' }],
      });
      t.match(json(unagreed), { status: 422, code: 'amendment-not-agreed', rule: 'R-AMEND' });

      const notice = await post(app, manager, `/v1/piis/${id}/notices`, {
        issuedOn: '2026-09-01',
        breach: 'Missed three course sessions',
        complyBy: '2026-09-15',
      });
      t.equal(notice.statusCode, 201, notice.statusCode >= 300 ? notice.body : `notice: 201`);
      const sanction = await post(app, manager, `/v1/piis/${id}/sanctions`, {
        noticeId: json(notice).id,
        decidedOn: '2026-10-01',
        notifiedOn: '2026-10-02',
        hearing: { requested: true, heldOn: '2026-09-28' },
        noLegitimateReason: true,
        suspensionStartsOn: '2026-11-01',
        suspensionEndsOn: '2026-11-30',
      });
      t.equal(sanction.statusCode, 201, sanction.statusCode >= 300 ? sanction.body : `sanction: 201`);
      t.equal(json(sanction).appealDeadline.value, '2027-01-02', 'R-SANCTION-APPEAL');
      t.equal(json(sanction).maxMonths.value, 1);
      await noDrift(t, 'the amendment, notice and sanction');

      const closed = await post(app, worker, `/v1/piis/${id}/close`, {
        endedOn: '2026-11-20',
        outcome: 'training_started',
      });
      t.equal(closed.statusCode, 200, closed.statusCode >= 300 ? closed.body : `closed: 200`);
      t.equal(json(closed).status, 'closed');
      t.equal(json(closed).nextEvaluationDue.value, null);
      const afterClose = await post(app, worker, `/v1/piis/${id}/evaluations`, {
        heldOn: '2026-11-21',
        mode: 'remote',
        objectives: [],
        commitmentsKept: { beneficiary: true, cpas: true },
      });
      t.match(json(afterClose), { status: 409, code: 'invalid-state' });

      const timeline = json(
        await app.inject({ method: 'GET', url: `/v1/piis/${id}/timeline?limit=500`, headers: bearer(worker) }),
      );
      t.same(
        timeline.items.map((e: any) => e.type),
        [
          'piis.created',
          'piis.handed_over',
          'piis.hearing_requested',
          'piis.hearing_withdrawn',
          'piis.signature_recorded',
          'piis.signature_recorded',
          'piis.signed',
          'piis.evaluated',
          'piis.evaluated',
          'piis.evaluated',
          'piis.evaluation_voided',
          'piis.interview_requested',
          'piis.interview_held',
          'piis.prolonged',
          'piis.notice_issued',
          'piis.sanctioned',
          'piis.closed',
        ],
        'every event, in order',
      );
      t.ok(
        timeline.items.every((e: any) => e.actor.length > 0),
        'each with its actor',
      );
      await noDrift(t, 'the close');
    },
  );

  t.test(
    'when a draft lacks content or an assessment, then handover is refused: R-ASSESS-FIRST before R-CONTENT',
    async (t) => {
      const noAssessment = await rightfulBeneficiary(app, worker, { assessedOn: null });
      const d1 = await draft(app, worker, noAssessment, { objectives: [] });
      const r1 = await post(app, worker, `/v1/piis/${d1.piisId}/handover`, {
        handedOverOn: '2026-03-02',
        informedOn: '2026-03-02',
        assistedBy: null,
      });
      t.match(json(r1), { status: 422, code: 'assessment-missing', rule: 'R-ASSESS-FIRST' });
      const late = await rightfulBeneficiary(app, worker, { assessedOn: '2026-02-26' });
      const d2 = await draft(app, worker, late);
      const r2 = await post(app, worker, `/v1/piis/${d2.piisId}/handover`, {
        handedOverOn: '2026-03-02',
        informedOn: '2026-03-02',
        assistedBy: null,
      });
      t.match(json(r2), { code: 'assessment-missing', rule: 'R-ASSESS-FIRST' }, 'assessed the day after the draft');
      const ok = await rightfulBeneficiary(app, worker, { assessedOn: '2026-02-25' });
      const d3 = await draft(app, worker, ok, {
        commitments: [{ party: 'beneficiary', description: 'x', objectiveKeys: ['o1'] }],
        supplementaryAid: undefined,
      });
      const r3 = await post(app, worker, `/v1/piis/${d3.piisId}/handover`, {
        handedOverOn: '2026-03-02',
        informedOn: '2026-03-02',
        assistedBy: null,
      });
      t.equal(r3.statusCode, 422);
      t.match(json(r3), { code: 'content-incomplete', rule: 'R-CONTENT' });
      t.same(
        json(r3).errors.map((e: any) => e.path),
        ['/content/commitments', '/content/supplementaryAid'],
      );
      const still = json(await app.inject({ method: 'GET', url: `/v1/piis/${d3.piisId}`, headers: bearer(worker) }));
      t.equal(still.status, 'draft', 'nothing written on a refusal');
      t.equal(still.revision, 1);
    },
  );

  t.test(
    'when every test above has run, then each kept file and deadline equals a recomputation from scratch',
    async (t) => {
      await noDrift(t, 'every test of this file');
    },
  );
});
