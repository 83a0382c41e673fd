// Factories for the PIIS lifecycle, through the API as a client would: a beneficiary with an RI
// grant and an assessment, a complete draft, and a PIIS driven to each status.
import type { FastifyInstance } from 'fastify';
import { bearer, newBeneficiary } from './app.js';

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

export async function post(app: FastifyInstance, token: string, url: string, payload: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, headers: { ...bearer(token), ...headers }, payload: payload as object });
}

function expect(res: { statusCode: number; body: string }, status: number, what: string) {
  if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
}

/** A beneficiary with an RI grant (decided 2026-01-05) and an assessment (2026-02-20). */
export async function rightfulBeneficiary(app: FastifyInstance, token: string, options: { grantOn?: string; assessedOn?: string | null } = {}) {
  const b = await newBeneficiary(app, token, { birthDate: undefined });
  const grantOn = options.grantOn ?? '2026-01-05';
  expect(await post(app, token, `/v1/beneficiaries/${b.id}/rights`, { kind: 'ri', category: 'isolated', decidedOn: grantOn, startsOn: grantOn, monthlyAmountCents: 130000 }), 201, 'grant');
  if (options.assessedOn !== null) {
    expect(await post(app, token, `/v1/beneficiaries/${b.id}/assessments`, { performedOn: options.assessedOn ?? '2026-02-20', kind: 'initial', participationRung: 2, domainScores: [{ domain: 'employment', score: 2 }] }), 201, 'assessment');
  }
  return b.id;
}

export async function draft(app: FastifyInstance, token: string, beneficiaryId: string, over: Record<string, unknown> = {}): Promise<PiisFixture> {
  const res = await post(app, token, `/v1/beneficiaries/${beneficiaryId}/piis`, { track: 'general', obligation: 'compulsory', draftedOn: '2026-02-25', ...completeContent(), ...over });
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
  expect(await post(app, token, `/v1/piis/${id}/handover`, { handedOverOn: '2026-03-02', informedOn: '2026-03-02', assistedBy: null }), 200, 'handover');
  if (status === 'in_reflection') return { ...d, etag: '"2"' };
  expect(await post(app, token, `/v1/piis/${id}/signatures`, { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'The person' }), 201, 'sign beneficiary');
  expect(await post(app, token, `/v1/piis/${id}/signatures`, { party: 'cpas', signedOn: '2026-03-09', signatoryName: 'The president' }), 201, 'sign cpas');
  if (status === 'signed' || status === 'active') return { ...d, etag: '"4"' };
  expect(await post(app, token, `/v1/piis/${id}/close`, { endedOn: '2026-09-30', outcome: 'employment' }), 200, 'close');
  return { ...d, etag: '"5"' };
}
