// The social worker's path through the PIIS lifecycle, and each refusal of the law on the way,
// with its problem code and rule (contract §3, rulebook sections 1–7).
import t from 'tap';
import { bearer, buildHarness, json } from '../../helpers/app.js';
import { completeContent, draft, post, rightfulBeneficiary } from '../../helpers/piis.js';
import { renderedStateDrift } from '../../helpers/rendered.js';

t.test('PIIS lifecycle', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const worker = await cpas.token('social_worker');
  const manager = await cpas.token('cpas_manager');
  const app = h.app;
  /** what is kept for reads (rendered files, stored deadlines) equals a recomputation from scratch */
  const noDrift = async (t: { same(a: unknown, b: unknown, m: string): unknown }, after: string) =>
    t.same(await renderedStateDrift(h, '2026-11-23'), [], `kept state equals a recomputation after ${after}`);

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

  t.test('when categories are out of their window, then category-not-allowed names the rule', async (t) => {
    const b = await rightfulBeneficiary(app, worker);
    const vol = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2018-07-26',
      activationCategory: '2.3',
    });
    t.match(json(vol), { status: 422, code: 'category-not-allowed', rule: 'R-VOLUNTEERING' });
    const volOk = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2018-07-25',
      activationCategory: '2.3',
    });
    t.equal(volOk.statusCode, 201, 'R-VOLUNTEERING: the day before the circular');
    const cs = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2018-10-01',
      activationCategory: 'community_service',
    });
    t.match(json(cs), { status: 422, code: 'category-not-allowed', rule: 'R-COMMUNITY-SERVICE' });
    const future = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2026-11-24',
    });
    t.match(json(future), { status: 422, code: 'date-in-future' });
    const bad = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
      track: 'general',
      obligation: 'optional',
      draftedOn: '2026-02-01',
      startsOn: '2026-05-01',
      endsOn: '2026-04-30',
    });
    t.match(json(bad), { status: 422, code: 'invalid-period', rule: 'R-DURATION' });
  });

  t.test(
    'R-SOCIAL-ACTIVATION: when a 2.x path has only professional-activation content, then category-not-allowed, ' +
      'nothing written',
    async (t) => {
      const b = await rightfulBeneficiary(app, worker);
      const list = async () =>
        json(await app.inject({ method: 'GET', url: `/v1/piis?beneficiaryId=${b}`, headers: bearer(worker) })).items
          .length;
      const before = await list();
      const employmentOnly = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
        track: 'general',
        obligation: 'optional',
        draftedOn: '2026-02-01',
        activationCategory: '2.1',
        domains: ['employment'],
      });
      t.match(json(employmentOnly), {
        status: 422,
        code: 'category-not-allowed',
        rule: 'R-SOCIAL-ACTIVATION',
        errors: [{ path: '/activationCategory' }],
      });
      t.equal(await list(), before, 'nothing written');
      const mixed = await post(app, worker, `/v1/beneficiaries/${b}/piis`, {
        track: 'general',
        obligation: 'optional',
        draftedOn: '2026-02-01',
        activationCategory: '2.1',
        domains: ['employment', 'language'],
      });
      t.equal(mixed.statusCode, 201, 'a social domain beside employment');
      const draft = json(mixed);
      const narrowed = await app.inject({
        method: 'PATCH',
        url: `/v1/piis/${draft.id}`,
        headers: {
          ...bearer(worker),
          'if-match': mixed.headers.etag as string,
          'content-type': 'application/merge-patch+json',
        },
        payload: JSON.stringify({ domains: ['employment'] }),
      });
      t.match(
        json(narrowed),
        { status: 422, code: 'category-not-allowed', rule: 'R-SOCIAL-ACTIVATION' },
        'a draft narrowed to employment only keeps its category refused',
      );
    },
  );

  t.test(
    'when a signature comes before the grant or claims a compulsory PIIS no rule imposes, then it is refused',
    async (t) => {
      const b = await rightfulBeneficiary(app, worker, { grantOn: '2026-03-09' });
      const d = await draft(app, worker, b);
      await post(app, worker, `/v1/piis/${d.piisId}/handover`, {
        handedOverOn: '2026-03-02',
        informedOn: '2026-03-02',
        assistedBy: null,
      });
      const early = await post(app, worker, `/v1/piis/${d.piisId}/signatures`, {
        party: 'beneficiary',
        signedOn: '2026-03-08',
        signatoryName: 'P',
      });
      t.match(json(early), { status: 422, code: 'signature-before-grant', rule: 'R-OBLIG-DEADLINE' });
      const old = await rightfulBeneficiary(app, worker, { grantOn: '2016-01-05', assessedOn: '2016-02-01' });
      await app.inject({
        method: 'PATCH',
        url: `/v1/beneficiaries/${old}`,
        headers: { ...bearer(worker), 'if-match': '"1"' },
        payload: { birthDate: null },
      });
      const d2 = await draft(app, worker, old, {
        draftedOn: '2016-02-02',
        startsOn: '2016-03-01',
        endsOn: '2017-02-28',
      });
      await post(app, worker, `/v1/piis/${d2.piisId}/handover`, {
        handedOverOn: '2016-02-03',
        informedOn: '2016-02-03',
        assistedBy: null,
      });
      const r = await post(app, worker, `/v1/piis/${d2.piisId}/signatures`, {
        party: 'beneficiary',
        signedOn: '2016-02-10',
        signatoryName: 'P',
      });
      t.match(json(r), { status: 422, code: 'obligation-not-applicable', rule: 'R-OBLIG-NEW' });
    },
  );

  t.test('when a sanction lacks its conditions, then each refusal names its rule and nothing is written', async (t) => {
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
    await post(app, worker, `/v1/piis/${id}/signatures`, { party: 'cpas', signedOn: '2026-03-09', signatoryName: 'P' });
    const notice = json(
      await post(app, manager, `/v1/piis/${id}/notices`, {
        issuedOn: '2026-09-01',
        breach: 'x',
        complyBy: '2026-09-10',
      }),
    );
    const base = {
      noticeId: notice.id,
      decidedOn: '2026-09-15',
      notifiedOn: '2026-09-16',
      hearing: { requested: false },
      noLegitimateReason: true,
      suspensionStartsOn: '2026-10-01',
      suspensionEndsOn: '2026-10-31',
    };
    const bySocialWorker = await post(app, worker, `/v1/piis/${id}/sanctions`, base);
    t.equal(bySocialWorker.statusCode, 403, 'sanctions are a cpas_manager decision');
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ noticeId: '00000000-0000-7000-8000-000000000000' }, 'notice-missing', 'R-SANCTION-NOTICE'],
      [
        {
          decidedOn: '2026-09-01',
          notifiedOn: '2026-09-02',
          suspensionStartsOn: '2026-09-03',
          suspensionEndsOn: '2026-10-02',
        },
        'notice-missing',
        'R-SANCTION-NOTICE',
      ],
      [{ hearing: { requested: true } }, 'hearing-not-held', 'R-SANCTION-NOTICE'],
      [{ suspensionEndsOn: '2026-11-01' }, 'sanction-too-long', 'R-SANCTION-LENGTH'],
      [
        { suspensionStartsOn: '2026-09-16', suspensionEndsOn: '2026-10-10' },
        'sanction-start-outside-window',
        'R-SANCTION-START',
      ],
      [
        { suspensionStartsOn: '2026-12-02', suspensionEndsOn: '2026-12-31' },
        'sanction-start-outside-window',
        'R-SANCTION-START',
      ],
    ];
    for (const [over, code, rule] of cases) {
      const res = await post(app, manager, `/v1/piis/${id}/sanctions`, { ...base, ...over });
      t.match(json(res), { status: 422, code, rule }, `${code}: ${JSON.stringify(over)}`);
    }
    const list = json(await app.inject({ method: 'GET', url: `/v1/piis/${id}/sanctions`, headers: bearer(manager) }));
    t.same(list.items, [], 'nothing written on the refusals');
    const first = await post(app, manager, `/v1/piis/${id}/sanctions`, {
      ...base,
      decidedOn: '2025-11-01',
      notifiedOn: '2025-11-02',
    });
    t.equal(first.statusCode, 422, 'a notice after the decision');
    const ok1 = await post(app, manager, `/v1/piis/${id}/sanctions`, base);
    t.equal(ok1.statusCode, 201, ok1.statusCode >= 300 ? ok1.body : `ok1: 201`);
    const repeat = await post(app, manager, `/v1/piis/${id}/sanctions`, {
      ...base,
      decidedOn: '2026-10-15',
      notifiedOn: '2026-10-16',
      suspensionStartsOn: '2026-11-01',
      suspensionEndsOn: '2027-01-31',
    });
    t.equal(repeat.statusCode, 201, `R-SANCTION-LENGTH: a repeat within a year allows 3 months ${repeat.body}`);
    t.equal(json(repeat).maxMonths.value, 3);

    const coachingB = await rightfulBeneficiary(app, worker);
    const c = await draft(app, worker, coachingB, { obligation: 'coaching' });
    await post(app, worker, `/v1/piis/${c.piisId}/handover`, {
      handedOverOn: '2026-03-02',
      informedOn: '2026-03-02',
      assistedBy: null,
    });
    await post(app, worker, `/v1/piis/${c.piisId}/signatures`, {
      party: 'beneficiary',
      signedOn: '2026-03-08',
      signatoryName: 'P',
    });
    await post(app, worker, `/v1/piis/${c.piisId}/signatures`, {
      party: 'cpas',
      signedOn: '2026-03-09',
      signatoryName: 'P',
    });
    const cn = json(
      await post(app, manager, `/v1/piis/${c.piisId}/notices`, {
        issuedOn: '2026-09-01',
        breach: 'x',
        complyBy: '2026-09-10',
      }),
    );
    const coaching = await post(app, manager, `/v1/piis/${c.piisId}/sanctions`, { ...base, noticeId: cn.id });
    t.match(json(coaching), { status: 422, code: 'sanction-not-applicable', rule: 'R-SANCTION-SCOPE' });
  });

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
