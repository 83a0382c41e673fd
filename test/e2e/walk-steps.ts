// Steps of the end-to-end walk (server.test.ts) as vendor software drives them through the client
// generated from openapi/openapi.json; every response is validated by the walk's middleware.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { Test } from 'tap';
import type { paths } from './generated/api.js';
import type { TestKeys } from '../helpers/keys.js';
import { validNiss } from '../helpers/identifiers.js';

export interface Walk {
  readonly t: Test;
  readonly base: string;
  readonly keys: TestKeys;
  readonly kbo: string;
  /** the social worker's token and client */
  readonly token: string;
  readonly client: Client<paths>;
  readonly validate: Middleware;
}

/**
 * A person's record: created with an idempotency key and replayed, refused as a duplicate or with
 * a bad NISS, patched under If-Match, rights and situations recorded and voided, searched; another
 * CPAS, no token and an oversized body refused. The person's id.
 */
export async function personRecord({ t, base, keys, token, client, validate }: Walk): Promise<string> {
  const niss = validNiss();
  const created = await client.POST('/v1/beneficiaries', {
    params: { header: { 'idempotency-key': 'e2e-create-1' } },
    body: { niss, givenName: 'Eva', familyName: 'Janssens', language: 'nl', externalRef: 'e2e-1' },
  });
  t.equal(created.response.status, 201);
  const id = created.data!.id;
  const replay = await client.POST('/v1/beneficiaries', {
    params: { header: { 'idempotency-key': 'e2e-create-1' } },
    body: { niss, givenName: 'Eva', familyName: 'Janssens', language: 'nl', externalRef: 'e2e-1' },
  });
  t.equal(replay.response.status, 201);
  t.equal(replay.data?.id, id, 'the retry replays the creation');

  const dup = await client.POST('/v1/beneficiaries', {
    body: { niss, givenName: 'E', familyName: 'J', language: 'nl' },
  });
  t.equal(dup.response.status, 409);
  t.equal(dup.error?.code, 'duplicate-beneficiary');

  const bad = await client.POST('/v1/beneficiaries', {
    body: { niss: '85073003329', givenName: 'E', familyName: 'J', language: 'nl' },
  });
  t.equal(bad.response.status, 400);
  t.equal(bad.error?.rule, 'R-ID-NISS');

  const got = await client.GET('/v1/beneficiaries/{beneficiaryId}', { params: { path: { beneficiaryId: id } } });
  t.equal(got.data?.familyName, 'Janssens');
  const etag = got.response.headers.get('etag')!;

  const noIfMatch = await client.PATCH('/v1/beneficiaries/{beneficiaryId}', {
    params: { path: { beneficiaryId: id } },
    body: { givenName: 'Eva-Maria' },
  });
  t.equal(noIfMatch.response.status, 428);
  const patched = await client.PATCH('/v1/beneficiaries/{beneficiaryId}', {
    params: { path: { beneficiaryId: id }, header: { 'if-match': etag } },
    body: { givenName: 'Eva-Maria' },
  });
  t.equal(patched.response.status, 200);
  const stale = await client.PATCH('/v1/beneficiaries/{beneficiaryId}', {
    params: { path: { beneficiaryId: id }, header: { 'if-match': etag } },
    body: { givenName: 'Eva' },
  });
  t.equal(stale.response.status, 412);

  const right = await client.POST('/v1/beneficiaries/{beneficiaryId}/rights', {
    params: { path: { beneficiaryId: id } },
    body: {
      kind: 'ri',
      category: 'cohabitant',
      decidedOn: '2026-01-05',
      startsOn: '2026-01-01',
      monthlyAmountCents: 87_000,
    },
  });
  t.equal(right.response.status, 201);
  const voided = await client.POST('/v1/beneficiaries/{beneficiaryId}/rights/{factId}/void', {
    params: { path: { beneficiaryId: id, factId: right.data!.id } },
    body: { reason: 'entered twice' },
  });
  t.equal(voided.data?.inForce, false);
  const rights = await client.GET('/v1/beneficiaries/{beneficiaryId}/rights', {
    params: { path: { beneficiaryId: id }, query: { includeVoided: true } },
  });
  t.equal(rights.data?.items.length, 1);
  const situation = await client.POST('/v1/beneficiaries/{beneficiaryId}/situations', {
    params: { path: { beneficiaryId: id } },
    body: { kind: 'studies', startsOn: '2026-09-01', endsOn: '2027-06-30' },
  });
  t.equal(situation.response.status, 201);
  const forbidden = await client.POST('/v1/beneficiaries/{beneficiaryId}/exemptions', {
    params: { path: { beneficiaryId: id } },
    body: { reason: 'equity', decidedOn: '2026-02-01', motivation: 'full-time studies' },
  });
  t.equal(forbidden.response.status, 403, 'exemptions are for managers');

  const list = await client.GET('/v1/beneficiaries', { params: { query: { q: 'janss' } } });
  t.same(
    list.data?.items.map((i) => i.id),
    [id],
  );
  const badCursor = await client.GET('/v1/beneficiaries', { params: { query: { cursor: 'nope' } } });
  t.equal(badCursor.response.status, 400);

  const other = createClient<paths>({
    baseUrl: base,
    headers: { authorization: `Bearer ${await keys.token({ roles: ['social_worker'], cpas: '0403019261' })}` },
  });
  other.use(validate);
  t.equal(
    (await other.GET('/v1/beneficiaries/{beneficiaryId}', { params: { path: { beneficiaryId: id } } })).response.status,
    403,
    'unregistered CPAS',
  );
  const anonymous = createClient<paths>({ baseUrl: base });
  anonymous.use(validate);
  t.equal((await anonymous.GET('/v1/beneficiaries')).response.status, 401);
  t.equal((await anonymous.GET('/v1/codes', { headers: { 'accept-language': 'de' } })).response.status, 200);
  t.equal((await anonymous.GET('/v1/rules')).response.status, 200);
  t.equal((await anonymous.GET('/health/live')).response.status, 200);
  const huge = await fetch(`${base}/v1/beneficiaries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ niss, givenName: 'x'.repeat(2_000_000), familyName: 'J', language: 'nl' }),
  });
  t.equal(huge.status, 413);
  t.equal(huge.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  const docs = await fetch(`${base}/docs`, { redirect: 'follow' });
  t.equal(docs.status, 200, 'interactive docs are served');

  return id;
}

/** A social worker's whole PIIS path, from draft to close, as vendor software drives it. The PIIS's id. */
export async function piisPath({ t, base, keys, kbo, client, validate }: Walk, id: string): Promise<string> {
  const manager = createClient<paths>({
    baseUrl: base,
    headers: {
      authorization: `Bearer ${await keys.token({ sub: 'e2e-manager', roles: ['cpas_manager'], cpas: kbo })}`,
    },
  });
  manager.use(validate);
  const grant = await client.POST('/v1/beneficiaries/{beneficiaryId}/rights', {
    params: { path: { beneficiaryId: id } },
    body: {
      kind: 'ri',
      category: 'isolated',
      decidedOn: '2026-01-05',
      startsOn: '2026-01-05',
      monthlyAmountCents: 130_000,
    },
  });
  t.equal(grant.response.status, 201);
  const assessment = await client.POST('/v1/beneficiaries/{beneficiaryId}/assessments', {
    params: { path: { beneficiaryId: id } },
    body: {
      performedOn: '2026-02-20',
      kind: 'initial',
      participationRung: 2,
      domainScores: [{ domain: 'language', score: 2 }],
      barriers: ['mobility'],
    },
  });
  t.equal(assessment.response.status, 201);
  const drafted = await client.POST('/v1/beneficiaries/{beneficiaryId}/piis', {
    params: { path: { beneficiaryId: id } },
    body: {
      track: 'general',
      obligation: 'compulsory',
      draftedOn: '2026-02-25',
      domains: ['language'],
      objectives: [{ key: 'o1', domain: 'language', description: 'Reach A2 in Dutch' }],
      commitments: [
        { party: 'beneficiary', description: 'Attend the course', objectiveKeys: ['o1'] },
        { party: 'cpas', description: 'Pay the registration', objectiveKeys: ['o1'] },
      ],
      startsOn: '2026-03-10',
      endsOn: '2027-03-09',
      evaluationArrangements: 'Every four months',
      supplementaryAid: 'Registration fees',
      baselineAssessmentId: assessment.data!.id,
    },
  });
  t.equal(drafted.response.status, 201);
  const piisId = drafted.data!.id;
  const path_ = { params: { path: { piisId } } };
  const early = await client.POST('/v1/piis/{piisId}/evaluations', {
    ...path_,
    body: {
      heldOn: '2026-03-01',
      mode: 'in_person',
      objectives: [],
      commitmentsKept: { beneficiary: true, cpas: true },
    },
  });
  t.equal(early.error?.code, 'invalid-state', 'an evaluation of a draft: 409');
  const handed = await client.POST('/v1/piis/{piisId}/handover', {
    ...path_,
    body: { handedOverOn: '2026-03-02', informedOn: '2026-03-02', assistedBy: null },
  });
  t.equal(handed.data?.earliestSignatureOn.value, '2026-03-08');
  const hearingReq = await client.POST('/v1/piis/{piisId}/hearing-requests', {
    ...path_,
    body: { requestedOn: '2026-03-04' },
  });
  const tooSoon = await client.POST('/v1/piis/{piisId}/signatures', {
    ...path_,
    body: { party: 'beneficiary', signedOn: '2026-03-07', signatoryName: 'Eva' },
  });
  t.match(tooSoon.error, { code: 'reflection-period-not-elapsed', rule: 'R-REFLECT' });
  const pendingSig = await client.POST('/v1/piis/{piisId}/signatures', {
    ...path_,
    body: { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'Eva' },
  });
  t.match(pendingSig.error, { code: 'hearing-pending', rule: 'R-HEARING' });
  await client.POST('/v1/piis/{piisId}/hearing-requests/{hearingId}/outcome', {
    params: { path: { piisId, hearingId: hearingReq.data!.id } },
    body: { heldOn: '2026-03-06' },
  });
  await client.POST('/v1/piis/{piisId}/signatures', {
    ...path_,
    body: { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'Eva' },
  });
  const concluded = await client.POST('/v1/piis/{piisId}/signatures', {
    ...path_,
    body: { party: 'cpas', signedOn: '2026-03-09', signatoryName: 'The president' },
  });
  t.equal(concluded.data?.piisStatus, 'active');
  const evaluated = await client.POST('/v1/piis/{piisId}/evaluations', {
    ...path_,
    body: {
      heldOn: '2026-07-01',
      mode: 'in_person',
      objectives: [{ key: 'o1', status: 'progressing' }],
      commitmentsKept: { beneficiary: true, cpas: true },
    },
  });
  t.equal(evaluated.response.status, 201);
  const asked = await client.POST('/v1/piis/{piisId}/interview-requests', {
    ...path_,
    body: { requestedOn: '2026-04-02' },
  });
  t.equal(asked.data?.dueOn.value, '2026-04-10');
  await client.POST('/v1/piis/{piisId}/interview-requests/{interviewId}/held', {
    params: { path: { piisId, interviewId: asked.data!.id } },
    body: { heldOn: '2026-04-09' },
  });
  const prolonged = await client.POST('/v1/piis/{piisId}/amendments', {
    ...path_,
    body: {
      effectiveOn: '2026-09-01',
      reason: 'More time for the course',
      informedOn: '2026-08-20',
      endsOn: '2027-06-30',
      signatures: [
        { party: 'beneficiary', signedOn: '2026-08-25', signatoryName: 'Eva' },
        { party: 'cpas', signedOn: '2026-08-25', signatoryName: 'The president' },
      ],
    },
  });
  t.equal(prolonged.data?.version, 2);
  const notice = await manager.POST('/v1/piis/{piisId}/notices', {
    ...path_,
    body: { issuedOn: '2026-09-01', breach: 'Missed sessions', complyBy: '2026-09-10' },
  });
  const sanctioned = await manager.POST('/v1/piis/{piisId}/sanctions', {
    ...path_,
    body: {
      noticeId: notice.data!.id,
      decidedOn: '2026-10-01',
      notifiedOn: '2026-10-02',
      hearing: { requested: false },
      noLegitimateReason: true,
      suspensionStartsOn: '2026-11-01',
      suspensionEndsOn: '2026-11-30',
    },
  });
  t.equal(sanctioned.data?.appealDeadline.value, '2027-01-02');
  const extension = await manager.POST('/v1/piis/{piisId}/subsidy-extension-requests', {
    ...path_,
    body: { requestedOn: '2026-10-15', motivation: 'Far from integration' },
  });
  t.equal(extension.data?.verdict.rule, 'R-SUB-SECOND');
  const subsidy = await manager.GET('/v1/reports/subsidy', { params: { query: { year: 2026, beneficiaryId: id } } });
  const months = subsidy.data as Exclude<typeof subsidy.data, string>;
  t.same(
    months?.items.map((m) => [m.month, m.code, m.riCents]).slice(9),
    [
      ['2026-10', 11, 130_000],
      ['2026-11', null, 0],
      ['2026-12', 11, 130_000],
    ],
    'R-SUB-FIRST: November wholly suspended by the sanction',
  );
  const figures = await manager.GET('/v1/reports/indicators', { params: { query: { year: 2026 } } });
  const items = (figures.data as Exclude<typeof figures.data, string>)?.items;
  t.equal(items?.find((i) => i.key === 'activationPaths')?.rule, 'R-IND-2015');
  const closedPiis = await client.POST('/v1/piis/{piisId}/close', {
    ...path_,
    body: { endedOn: '2026-11-20', outcome: 'training_started' },
  });
  t.equal(closedPiis.data?.status, 'closed');
  const versions = await client.GET('/v1/piis/{piisId}/versions', path_);
  t.same(
    versions.data?.items.map((v) => v.kind),
    ['initial', 'prolongation'],
  );
  const timeline = await client.GET('/v1/piis/{piisId}/timeline', {
    params: { path: { piisId }, query: { limit: 100 } },
  });
  t.equal(timeline.data?.items.at(-1)?.type, 'piis.closed');
  const deadlines = await client.GET('/v1/deadlines', { params: { query: { kind: 'sanction-appeal' } } });
  t.equal(deadlines.data?.items.length, 1);
  t.equal((await client.GET('/v1/piis', { params: { query: { status: 'closed' } } })).data?.items.length, 1);

  return piisId;
}
