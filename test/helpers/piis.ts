// Factories for the PIIS lifecycle, through the API as a client would: a beneficiary with an RI
// grant and an assessment, a complete draft, and a PIIS driven to each status.
import type { FastifyInstance } from 'fastify';
import { bearer, newBeneficiary } from './app.js';
import type { Action } from '../../src/modules/piis/piis.transitions.js';

export const completeContent = (over: Record<string, unknown> = {}) => ({
  domains: ['employment', 'language'],
  activationCategory: '2.1',
  objectives: [
    { key: 'o1', domain: 'employment', description: 'Find a job', dueOn: '2026-12-31' },
    { key: 'o2', domain: 'language', description: 'Reach A2 in Dutch' },
  ],
  commitments: [
    { party: 'beneficiary', description: 'Attend the course', objectiveKeys: ['o2'] },
    { party: 'cpas', description: 'Pay the registration', objectiveKeys: ['o1', 'o2'] },
  ],
  startsOn: '2026-03-10',
  endsOn: '2027-03-09',
  evaluationArrangements: 'Every four months, two of them in person',
  supplementaryAid: 'Registration and travel costs',
  ...over,
});

export interface PiisFixture {
  beneficiaryId: string;
  piisId: string;
  etag: string;
  body: any;
}

export async function post(
  app: FastifyInstance,
  token: string,
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, payload: payload as object });
}

function expect(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/** A beneficiary with an RI grant (decided 2026-01-05) and an assessment (2026-02-20). */
export async function rightfulBeneficiary(
  app: FastifyInstance,
  token: string,
  options: { grantOn?: string; assessedOn?: string | null } = {},
) {
  const b = await newBeneficiary(app, token, { birthDate: undefined });
  const grantOn = options.grantOn ?? '2026-01-05';
  expect(
    await post(app, token, `/v1/beneficiaries/${b.id}/rights`, {
      kind: 'ri',
      category: 'isolated',
      decidedOn: grantOn,
      startsOn: grantOn,
      monthlyAmountCents: 130000,
    }),
    201,
    'grant',
  );
  if (options.assessedOn !== null) {
    expect(
      await post(app, token, `/v1/beneficiaries/${b.id}/assessments`, {
        performedOn: options.assessedOn ?? '2026-02-20',
        kind: 'initial',
        participationRung: 2,
        domainScores: [{ domain: 'employment', score: 2 }],
      }),
      201,
      'assessment',
    );
  }
  return b.id;
}

export async function draft(
  app: FastifyInstance,
  token: string,
  beneficiaryId: string,
  over: Record<string, unknown> = {},
): Promise<PiisFixture> {
  const res = await post(app, token, `/v1/beneficiaries/${beneficiaryId}/piis`, {
    track: 'general',
    obligation: 'compulsory',
    draftedOn: '2026-02-25',
    ...completeContent(),
    ...over,
  });
  expect(res, 201, 'draft');
  return { beneficiaryId, piisId: res.json().id, etag: res.headers['etag'] as string, body: res.json() };
}

/** Drives a new PIIS to a status: draft, in_reflection, signed (start date after today), active, closed. */
export async function piisIn(app: FastifyInstance, token: string, status: string): Promise<PiisFixture> {
  const beneficiaryId = await rightfulBeneficiary(app, token);
  const over = status === 'signed' ? completeContent({ startsOn: '2027-01-01', endsOn: '2027-12-31' }) : {};
  const d = await draft(app, token, beneficiaryId, over);
  if (status === 'draft') return d;
  const id = d.piisId;
  expect(
    await post(app, token, `/v1/piis/${id}/handover`, {
      handedOverOn: '2026-03-02',
      informedOn: '2026-03-02',
      assistedBy: null,
    }),
    200,
    'handover',
  );
  if (status === 'in_reflection') return { ...d, etag: '"2"' };
  expect(
    await post(app, token, `/v1/piis/${id}/signatures`, {
      party: 'beneficiary',
      signedOn: '2026-03-08',
      signatoryName: 'The person',
    }),
    201,
    'sign beneficiary',
  );
  expect(
    await post(app, token, `/v1/piis/${id}/signatures`, {
      party: 'cpas',
      signedOn: '2026-03-09',
      signatoryName: 'The president',
    }),
    201,
    'sign cpas',
  );
  if (status === 'signed' || status === 'active') return { ...d, etag: '"4"' };
  expect(
    await post(app, token, `/v1/piis/${id}/close`, { endedOn: '2026-09-30', outcome: 'employment' }),
    200,
    'close',
  );
  return { ...d, etag: '"5"' };
}

// ---- one valid request per action of the transition table (the matrix and the precondition tests) ----

const SOME_ID = '00000000-0000-7000-8000-000000000001';

export interface Call {
  method: 'POST' | 'PATCH';
  url: string;
  payload: unknown;
  headers?: Record<string, string>;
}

/** A valid request for the action on this PIIS; `prepared` when it needs a record made first. */
export async function callFor(
  app: FastifyInstance,
  manager: string,
  action: Action,
  f: PiisFixture,
  prepare: boolean,
): Promise<Call> {
  const base = `/v1/piis/${f.piisId}`;
  switch (action) {
    case 'updateDraft':
      return {
        method: 'PATCH',
        url: base,
        payload: { supplementaryAid: 'Travel costs' },
        headers: { 'if-match': f.etag },
      };
    case 'handover':
      return {
        method: 'POST',
        url: `${base}/handover`,
        payload: { handedOverOn: '2026-03-02', informedOn: '2026-03-02', assistedBy: null },
      };
    case 'requestHearing':
      return { method: 'POST', url: `${base}/hearing-requests`, payload: { requestedOn: '2026-03-05' } };
    case 'recordHearingOutcome': {
      const id = prepare
        ? (await post(app, manager, `${base}/hearing-requests`, { requestedOn: '2026-03-05' })).json().id
        : SOME_ID;
      return { method: 'POST', url: `${base}/hearing-requests/${id}/outcome`, payload: { heldOn: '2026-03-06' } };
    }
    case 'sign':
      return {
        method: 'POST',
        url: `${base}/signatures`,
        payload: { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'The person' },
      };
    case 'evaluate':
      return {
        method: 'POST',
        url: `${base}/evaluations`,
        payload: {
          heldOn: '2026-07-01',
          mode: 'in_person',
          objectives: [],
          commitmentsKept: { beneficiary: true, cpas: true },
        },
      };
    case 'requestInterview':
      return { method: 'POST', url: `${base}/interview-requests`, payload: { requestedOn: '2026-04-02' } };
    case 'recordInterviewHeld': {
      const id = prepare
        ? (await post(app, manager, `${base}/interview-requests`, { requestedOn: '2026-04-02' })).json().id
        : SOME_ID;
      return { method: 'POST', url: `${base}/interview-requests/${id}/held`, payload: { heldOn: '2026-04-08' } };
    }
    case 'amend':
      return {
        method: 'POST',
        url: `${base}/amendments`,
        payload: {
          effectiveOn: '2026-09-01',
          reason: 'Prolonged',
          informedOn: '2026-08-20',
          endsOn: '2028-06-30',
          signatures: [
            { party: 'beneficiary', signedOn: '2026-08-25', signatoryName: 'The person' },
            { party: 'cpas', signedOn: '2026-08-25', signatoryName: 'The president' },
          ],
        },
      };
    case 'requestSubsidyExtension':
      return {
        method: 'POST',
        url: `${base}/subsidy-extension-requests`,
        payload: { requestedOn: '2026-10-01', motivation: 'Far from integration' },
      };
    case 'close':
      return { method: 'POST', url: `${base}/close`, payload: { endedOn: '2026-09-30', outcome: 'employment' } };
    case 'issueNotice':
      return {
        method: 'POST',
        url: `${base}/notices`,
        payload: { issuedOn: '2026-09-01', breach: 'Missed sessions', complyBy: '2026-09-10' },
      };
    case 'decideSanction': {
      const id = prepare
        ? (
            await post(app, manager, `${base}/notices`, {
              issuedOn: '2026-09-01',
              breach: 'Missed sessions',
              complyBy: '2026-09-10',
            })
          ).json().id
        : SOME_ID;
      return {
        method: 'POST',
        url: `${base}/sanctions`,
        payload: {
          noticeId: id,
          decidedOn: '2026-09-15',
          notifiedOn: '2026-09-16',
          hearing: { requested: false },
          noLegitimateReason: true,
          suspensionStartsOn: '2026-10-01',
          suspensionEndsOn: '2026-10-31',
        },
      };
    }
  }
}
