// The transition matrix, generated from the one declarative table: every action × every role ×
// every status answers 2xx when the role may and the status allows, 403 when the role may not
// (whatever the status), 409 invalid-state when the status does not allow it.
import t from 'tap';
import type { FastifyInstance } from 'fastify';
import { bearer, buildHarness } from '../../helpers/app.js';
import { piisIn, post, type PiisFixture } from '../../helpers/piis.js';
import { STATUSES, transitions, type Action, type PiisStatus } from '../../../src/modules/piis/piis.transitions.js';
import { Access } from '../../../src/http/auth.js';
import { renderedStateDrift } from '../../helpers/rendered.js';

const ROLES = ['social_worker', 'cpas_manager', 'cpas_auditor', 'integration', 'spp_analyst', 'platform_admin'] as const;
const SOME_ID = '00000000-0000-7000-8000-000000000001';

interface Call {
  method: 'POST' | 'PATCH';
  url: string;
  payload: unknown;
  headers?: Record<string, string>;
}

/** A valid request for the action on this PIIS; `prepared` when it needs a record made first. */
async function callFor(app: FastifyInstance, manager: string, action: Action, f: PiisFixture, prepare: boolean): Promise<Call> {
  const base = `/v1/piis/${f.piisId}`;
  switch (action) {
    case 'updateDraft':
      return { method: 'PATCH', url: base, payload: { supplementaryAid: 'Travel costs' }, headers: { 'if-match': f.etag } };
    case 'handover':
      return { method: 'POST', url: `${base}/handover`, payload: { handedOverOn: '2026-03-02', informedOn: '2026-03-02', assistedBy: null } };
    case 'requestHearing':
      return { method: 'POST', url: `${base}/hearing-requests`, payload: { requestedOn: '2026-03-05' } };
    case 'recordHearingOutcome': {
      const id = prepare ? (await post(app, manager, `${base}/hearing-requests`, { requestedOn: '2026-03-05' })).json().id : SOME_ID;
      return { method: 'POST', url: `${base}/hearing-requests/${id}/outcome`, payload: { heldOn: '2026-03-06' } };
    }
    case 'sign':
      return { method: 'POST', url: `${base}/signatures`, payload: { party: 'beneficiary', signedOn: '2026-03-08', signatoryName: 'The person' } };
    case 'evaluate':
      return { method: 'POST', url: `${base}/evaluations`, payload: { heldOn: '2026-07-01', mode: 'in_person', objectives: [], commitmentsKept: { beneficiary: true, cpas: true } } };
    case 'requestInterview':
      return { method: 'POST', url: `${base}/interview-requests`, payload: { requestedOn: '2026-04-02' } };
    case 'recordInterviewHeld': {
      const id = prepare ? (await post(app, manager, `${base}/interview-requests`, { requestedOn: '2026-04-02' })).json().id : SOME_ID;
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
      return { method: 'POST', url: `${base}/subsidy-extension-requests`, payload: { requestedOn: '2026-10-01', motivation: 'Far from integration' } };
    case 'close':
      return { method: 'POST', url: `${base}/close`, payload: { endedOn: '2026-09-30', outcome: 'employment' } };
    case 'issueNotice':
      return { method: 'POST', url: `${base}/notices`, payload: { issuedOn: '2026-09-01', breach: 'Missed sessions', complyBy: '2026-09-10' } };
    case 'decideSanction': {
      const id = prepare ? (await post(app, manager, `${base}/notices`, { issuedOn: '2026-09-01', breach: 'Missed sessions', complyBy: '2026-09-10' })).json().id : SOME_ID;
      return {
        method: 'POST',
        url: `${base}/sanctions`,
        payload: { noticeId: id, decidedOn: '2026-09-15', notifiedOn: '2026-09-16', hearing: { requested: false }, noLegitimateReason: true, suspensionStartsOn: '2026-10-01', suspensionEndsOn: '2026-10-31' },
      };
    }
  }
}

t.test('the transition matrix (R-* of the transition table): every action × role × status', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const manager = await cpas.token('cpas_manager');
  const tokens: Record<string, string> = {};
  for (const role of ROLES) {
    tokens[role] = role === 'spp_analyst' || role === 'platform_admin' ? await h.keys.token({ sub: role, roles: [role] }) : await cpas.token(role);
  }
  // one PIIS per status for the refusals (403 and 409 change nothing)
  const shared: Record<string, PiisFixture> = {};
  for (const status of STATUSES) shared[status] = await piisIn(h.app, manager, status);

  for (const action of Object.keys(transitions) as Action[]) {
    const tr = transitions[action];
    t.test(`${tr.operationId} (${tr.rules.join(', ')})`, async (t) => {
      for (const status of STATUSES as PiisStatus[]) {
        for (const role of ROLES) {
          const mayAct = (Access[tr.access] as readonly string[]).includes(role);
          const allowed = (tr.from as readonly PiisStatus[]).includes(status);
          const expected = !mayAct ? 403 : !allowed ? 409 : 'success';
          const fixture = expected === 'success' ? await piisIn(h.app, manager, status) : shared[status]!;
          const call = await callFor(h.app, manager, action, fixture, expected === 'success');
          const res = await h.app.inject({ method: call.method, url: call.url, headers: { ...bearer(tokens[role]!), ...(call.headers ?? {}) }, payload: call.payload as object });
          const name = `${tr.operationId} by ${role} on a ${status} PIIS`;
          if (expected === 'success') t.ok(res.statusCode === 200 || res.statusCode === 201, `${name}: 2xx (${res.statusCode} ${res.statusCode >= 300 ? res.body : ''})`);
          else {
            t.equal(res.statusCode, expected, `${name}: ${expected}`);
            if (expected === 409) t.equal(res.json().code, 'invalid-state', `${name}: invalid-state`);
          }
        }
      }
    });
  }
  t.test('when every action has run in every status, then each kept file and deadline equals a recomputation from scratch', async (t) => {
    t.same(await renderedStateDrift(h, '2026-11-23'), []);
  });
});
