// One case through the PIIS lifecycle, as vendor software drives it with a client generated from
// the OpenAPI document (openapi-typescript for the types, openapi-fetch for the calls):
//
//   npx openapi-typescript openapi/openapi.json -o docs/quickstart/api.d.ts
//
// Every fact is dated in the past (a fact dated after today is refused: 422 date-in-future); the dates
// the law sets — the end of the reflection period, the next evaluation — come back computed, each
// with its rule and an explanation in the Accept-Language. The e2e test runs this file against
// the real server (test/e2e/quickstart.test.ts).
import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

/** The shapes have names: a PIIS as every operation that answers one answers it. */
type Piis = components['schemas']['Piis'];

export interface Walked {
  beneficiaryId: string;
  piisId: string;
  /** the status after each step */
  statuses: string[];
  earliestSignatureOn: string | null;
  nextEvaluationDue: string | null;
}

/** Fails with the problem the service answered, so that a wrong call says why. */
function must<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) throw new Error(`${what}: ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

export async function walkOneCase(
  baseUrl: string,
  token: string,
  niss: string,
  log: (line: string) => void = console.log,
): Promise<Walked> {
  const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}`, 'accept-language': 'fr' } });
  const statuses: string[] = [];

  // 1. The person, with the vendor's own id (found again by GET /v1/beneficiaries?externalRef=).
  const person = must(
    await api.POST('/v1/beneficiaries', {
      body: { niss, givenName: 'Eva', familyName: 'Janssens', language: 'nl', externalRef: 'crm-4711' },
    }),
    'register',
  );

  // 2. The integration income granted (R-OBLIG-NEW: a PIIS is compulsory for a new RI under 25).
  must(
    await api.POST('/v1/beneficiaries/{beneficiaryId}/rights', {
      params: { path: { beneficiaryId: person.id } },
      body: {
        kind: 'ri',
        category: 'isolated',
        decidedOn: '2026-01-05',
        startsOn: '2026-01-05',
        monthlyAmountCents: 130_000,
      },
    }),
    'grant',
  );

  // 3. The social assessment (bilan social) that comes before any PIIS (R-ASSESS-FIRST).
  const assessment = must(
    await api.POST('/v1/beneficiaries/{beneficiaryId}/assessments', {
      params: { path: { beneficiaryId: person.id } },
      body: {
        performedOn: '2026-02-20',
        kind: 'initial',
        participationRung: 2,
        domainScores: [{ domain: 'language', score: 2 }],
      },
    }),
    'assess',
  );

  // 4. The draft: objectives, the commitments of both parties, the period (R-CONTENT).
  const drafted = must(
    await api.POST('/v1/beneficiaries/{beneficiaryId}/piis', {
      params: { path: { beneficiaryId: person.id } },
      body: {
        track: 'general',
        obligation: 'compulsory',
        draftedOn: '2026-02-25',
        domains: ['language'],
        activationCategory: '2.2',
        objectives: [{ key: 'o1', domain: 'language', description: 'Reach A2 in Dutch' }],
        commitments: [
          { party: 'beneficiary', description: 'Attend the Dutch course', objectiveKeys: ['o1'] },
          { party: 'cpas', description: 'Pay the registration and travel', objectiveKeys: ['o1'] },
        ],
        startsOn: '2026-03-10',
        endsOn: '2027-03-09',
        evaluationArrangements: 'Every four months, in person',
        supplementaryAid: 'Registration and travel costs',
        baselineAssessmentId: assessment.id,
      },
    }),
    'draft',
  );
  const piis = { params: { path: { piisId: drafted.id } } };
  statuses.push(drafted.status);

  // 5. Handed over for the 5-day reflection period (R-REFLECT): the earliest signature day comes back.
  const handed = must(
    await api.POST('/v1/piis/{piisId}/handover', {
      ...piis,
      body: { handedOverOn: '2026-03-02', informedOn: '2026-03-02', assistedBy: null },
    }),
    'handover',
  );
  statuses.push(handed.status);
  log(`earliest signature: ${handed.earliestSignatureOn.value} — ${handed.earliestSignatureOn.explanation}`);

  // 6. Both parties sign (R-PARTIES); the contract is concluded on the later signature.
  must(
    await api.POST('/v1/piis/{piisId}/signatures', {
      ...piis,
      body: { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'Eva Janssens' },
    }),
    'sign (beneficiary)',
  );
  must(
    await api.POST('/v1/piis/{piisId}/signatures', {
      ...piis,
      body: { party: 'cpas', signedOn: '2026-03-09', signatoryName: 'The president' },
    }),
    'sign (CPAS)',
  );
  const signed: Piis = must(await api.GET('/v1/piis/{piisId}', piis), 'read');
  statuses.push(signed.status);
  log(`next evaluation due: ${signed.nextEvaluationDue.value} — ${signed.nextEvaluationDue.explanation}`);

  // 7. An evaluation (R-EVAL-FREQ), then the close with its outcome (R-CLOSE).
  must(
    await api.POST('/v1/piis/{piisId}/evaluations', {
      ...piis,
      body: {
        heldOn: '2026-07-01',
        mode: 'in_person',
        objectives: [{ key: 'o1', status: 'progressing' }],
        commitmentsKept: { beneficiary: true, cpas: true },
      },
    }),
    'evaluate',
  );
  const closed: Piis = must(
    await api.POST('/v1/piis/{piisId}/close', {
      ...piis,
      body: { endedOn: '2026-11-30', outcome: 'reinforced_autonomy' },
    }),
    'close',
  );
  statuses.push(closed.status);
  log(`closed on ${closed.closure?.endedOn} (${closed.closure?.outcome})`);

  return {
    beneficiaryId: person.id,
    piisId: drafted.id,
    statuses,
    earliestSignatureOn: handed.earliestSignatureOn.value,
    nextEvaluationDue: signed.nextEvaluationDue.value,
  };
}
