// What an outside attack run found sound, kept as tests over every operation the OpenAPI document
// publishes (so that a new operation is swept the day it is added):
// - another CPAS, with each of its roles, reaching for this CPAS's records by their real ids gets
//   no 2xx, never a 412 or 409 that would tell the record exists, and no byte of them;
// - requests alternating between two CPAS at full concurrency each see their own records only;
// - hostile values in every field, query and path parameter never answer 5xx.
import t from 'tap';
import type { LightMyRequestResponse } from 'fastify';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';
import { piisIn } from '../helpers/piis.js';
import { HOSTILE_PARAMS, hostileValues, operationsOf, sample, type Hints, type Operation } from '../helpers/samples.js';

const TENANT_ROLES = ['social_worker', 'cpas_manager', 'cpas_auditor', 'integration'] as const;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The records a create operation makes, by the path parameter that names them. */
const CREATES: Record<string, string> = {
  recordRightDecision: 'factId',
  requestHearing: 'hearingId',
  requestInterview: 'interviewId',
  freezeReport: 'runId',
  createActivationModule: 'moduleId',
  uploadAttachment: 'attachmentId',
  createImport: 'importId',
  createTransfer: 'transferId',
  createWebhook: 'webhookId',
};

/** Bodies a schema alone cannot make valid (a rule ties the fields together). */
const VALID: Record<string, Record<string, unknown>> = {
  recordRightDecision: {
    kind: 'ri',
    category: 'isolated',
    decidedOn: '2026-01-05',
    startsOn: '2026-01-05',
    monthlyAmountCents: 130000,
  },
};

t.test('attack sweep', async (t) => {
  const h = await buildHarness(t, { imports: { tickMs: 60_000 } });
  const a = await h.newCpas();
  const b = await h.newCpas();
  const c = await h.newCpas();
  const managerA = await a.token('cpas_manager');
  const piis = await piisIn(h.app, managerA, 'active');
  const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const operations = operationsOf(doc);

  const ids: Hints = {
    beneficiaryId: piis.beneficiaryId,
    piisId: piis.piisId,
    version: 1,
    kbo: c.kbo,
    toKboNumber: c.kbo,
    uuid: piis.beneficiaryId,
    url: 'https://example.org/hook',
  };
  const assessments = (
    await h.app.inject({
      method: 'GET',
      url: `/v1/beneficiaries/${piis.beneficiaryId}/assessments`,
      headers: bearer(managerA),
    })
  ).json();
  ids['assessmentId'] = assessments.items[0].id;

  const urlOf = (op: Operation, values: Record<string, unknown>) =>
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeURIComponent(String(values[name] ?? '00000000-0000-7000-8000-00000000dead')),
    );
  const queryOf = (op: Operation, hints: Hints) => {
    const q = op.query
      .filter((p) => p.required)
      .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, hints, p.name)))}`);
    return q.length ? `?${q.join('&')}` : '';
  };
  const send = (
    op: Operation,
    token: string,
    url: string,
    body: unknown,
    ifMatch?: string,
  ): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = { ...bearer(token), ...(ifMatch ? { 'if-match': ifMatch } : {}) };
    if (!op.body) return h.app.inject({ method: op.method as 'GET', url, headers });
    if (op.body.type === 'application/json' || op.body.type.endsWith('+json')) {
      return h.app.inject({
        method: op.method as 'POST',
        url,
        headers: { ...headers, 'content-type': op.body.type },
        payload: JSON.stringify(body),
      });
    }
    const payload = op.body.type === 'application/pdf' ? PDF : typeof body === 'string' ? body : JSON.stringify(body);
    return h.app.inject({
      method: op.method as 'POST',
      url,
      headers: { ...headers, 'content-type': op.body.type },
      payload,
    });
  };

  // A's records of every kind, made through the API with sampled bodies, by a role that may
  const tokensA = [
    managerA,
    await a.token('integration'),
    await a.token('cpas_auditor'),
    await h.keys.token({ sub: 'spp', roles: ['spp_analyst'] }),
    h.platformToken,
  ];
  const bodyOf = (op: Operation) =>
    op.body ? { ...(sample(op.body.schema, ids) as object), ...VALID[op.operationId] } : undefined;
  for (const op of operations.filter((o) => CREATES[o.operationId])) {
    let res: LightMyRequestResponse | undefined;
    for (const token of tokensA) {
      res = await send(op, token, urlOf(op, ids) + queryOf(op, ids), bodyOf(op));
      if (res.statusCode !== 403) break;
    }
    if (res!.statusCode === 201 || res!.statusCode === 202) ids[CREATES[op.operationId]!] = res!.json().id;
    else t.comment(`${op.operationId}: ${res!.statusCode} ${res!.body.slice(0, 200)} (swept with an id of no record)`);
  }
  // a person of this CPAS whose id, NISS and name no request of the other CPAS ever carries
  const hidden = await newBeneficiary(h.app, managerA, { givenName: 'Ysolde', familyName: `Vandermeulen-${a.kbo}` });
  const secrets = [
    hidden.id,
    hidden.niss,
    `Vandermeulen-${a.kbo}`,
    piis.beneficiaryId,
    piis.piisId,
    ...Object.values(CREATES)
      .map((k) => ids[k])
      .filter((v): v is string => typeof v === 'string'),
  ];

  t.test(
    "when another CPAS's roles reach for this CPAS's records by their ids, then no 2xx, no sign they exist, no byte " +
      'of them',
    async (t) => {
      const eventsBefore = await h.db.owner<{ n: string }>(
        'select count(*)::text as n from outbox_event where cpas_id = $1',
        [a.id],
      );
      const leaks: string[] = [];
      const reached: Record<string, number> = {};
      let sent = '';
      let tried = 0;
      for (const role of TENANT_ROLES) {
        const token = await b.token(role);
        for (const op of operations) {
          const url = urlOf(op, ids) + queryOf(op, { ...ids, kbo: b.kbo });
          const body = bodyOf(op);
          // an If-Match of the right version: a 412 would tell the record exists, a success would be worse
          const res = await send(op, token, url, body, '"4"');
          tried++;
          const what = `${role} ${op.method} ${op.path} → ${res.statusCode}`;
          const text = `${res.body} ${JSON.stringify(res.headers)}`;
          // what the caller sent may come back (a problem's `instance`, its own audit of refused
          // probes); what it never sent may not
          sent += ` ${url} ${JSON.stringify(body)}`;
          const seen = secrets.filter((s) => text.includes(s) && !sent.includes(s));
          if (res.statusCode >= 500) leaks.push(`${what}: a 5xx`);
          if (seen.length) leaks.push(`${what}: shows ${seen.join(', ')}`);
          if (op.pathParams.length > 0) {
            if (res.statusCode < 300) leaks.push(`${what}: a success on another CPAS's record`);
            if (res.statusCode === 409 || res.statusCode === 412) leaks.push(`${what}: tells that the record exists`);
            reached[res.statusCode] = (reached[res.statusCode] ?? 0) + 1;
          }
        }
      }
      t.same(leaks, [], `${tried} requests, ${operations.length} operations × ${TENANT_ROLES.length} roles`);
      t.ok((reached[404] ?? 0) > 100, `the record lookups were reached: ${JSON.stringify(reached)}`);
      const eventsAfter = await h.db.owner<{ n: string }>(
        'select count(*)::text as n from outbox_event where cpas_id = $1',
        [a.id],
      );
      t.same(eventsAfter, eventsBefore, "nothing was written in this CPAS's records");
    },
  );

  t.test('when two CPAS read their own records at full concurrency, then each sees its own only', async (t) => {
    const workerB = await b.token('social_worker');
    const theirs = await piisIn(h.app, workerB, 'draft');
    const workerA = await a.token('social_worker');
    const calls = Array.from({ length: 400 }, (_, i) => {
      const [token, own, other] = i % 2 === 0 ? [workerA, piis, theirs] : [workerB, theirs, piis];
      const url = i % 4 < 2 ? `/v1/piis/${own.piisId}` : `/v1/beneficiaries?limit=500`;
      return h.app.inject({ method: 'GET', url, headers: bearer(token) }).then((res) => ({ res, own, other }));
    });
    const wrong = (await Promise.all(calls)).filter(
      ({ res, own, other }) =>
        res.statusCode !== 200 || res.body.includes(other.beneficiaryId) || !res.body.includes(own.beneficiaryId),
    );
    t.equal(wrong.length, 0, '400 alternating reads, each answered with its own CPAS’s records only');
  });

  t.test('when every field, query and path parameter carries hostile values, then never a 5xx', async (t) => {
    const tokens = tokensA;
    const failures: string[] = [];
    let tried = 0;
    const check = async (op: Operation, token: string, url: string, body: unknown, what: string) => {
      const res = await send(op, token, url, body);
      tried++;
      if (res.statusCode >= 500)
        failures.push(`${op.operationId} ${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    };
    for (const op of operations) {
      const body = bodyOf(op);
      const url = urlOf(op, ids);
      const query = queryOf(op, ids);
      // the token of a role the operation admits, so that the hostile values reach its handler
      let token = tokens[0]!;
      for (const candidate of tokens) {
        if ((await send(op, candidate, url + query, body)).statusCode !== 403) {
          token = candidate;
          break;
        }
      }
      const schema = op.body?.schema;
      if (schema?.type === 'object' && body && typeof body === 'object') {
        for (const [field, fieldSchema] of Object.entries(
          (schema.properties ?? {}) as Record<string, Record<string, unknown>>,
        )) {
          for (const value of hostileValues(fieldSchema))
            await check(
              op,
              token,
              url + query,
              { ...(body as object), [field]: value },
              `body.${field}=${JSON.stringify(value).slice(0, 40)}`,
            );
        }
      }
      const deep = Array.from({ length: 1000 }).reduce((acc) => ({ d: acc }), {});
      if (op.body)
        for (const [label, whole] of Object.entries({ null: null, array: [], text: 'x', zero: 0, deep }))
          await check(op, token, url + query, whole, `body: ${label}`);
      for (const p of op.query)
        for (const value of HOSTILE_PARAMS)
          await check(op, token, `${url}?${p.name}=${value}`, body, `?${p.name}=${value.slice(0, 20)}`);
      for (const name of op.pathParams)
        for (const value of HOSTILE_PARAMS)
          await check(
            op,
            token,
            urlOf(op, { ...ids, [name]: value }).replace(encodeURIComponent(value), value) + query,
            body,
            `{${name}}=${value.slice(0, 20)}`,
          );
    }
    t.same(failures, [], `${tried} hostile requests over ${operations.length} operations`);
  });
});
