// The transition matrix, generated from the one declarative table: every action × every role ×
// every status answers 2xx when the role may and the status allows, 403 when the role may not
// (whatever the status), 409 invalid-state when the status does not allow it.
import t from 'tap';
import { bearer, buildHarness } from '../../helpers/app.js';
import { callFor, piisIn, type PiisFixture } from '../../helpers/piis.js';
import { STATUSES, transitions, type Action, type PiisStatus } from '../../../src/modules/piis/piis.transitions.js';
import { Access } from '../../../src/http/auth.js';
import { renderedStateDrift } from '../../helpers/rendered.js';

const ROLES = [
  'social_worker',
  'cpas_manager',
  'cpas_auditor',
  'integration',
  'spp_analyst',
  'platform_admin',
] as const;
t.test('the transition matrix (R-* of the transition table): every action × role × status', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const manager = await cpas.token('cpas_manager');
  const tokens: Record<string, string> = {};
  for (const role of ROLES) {
    tokens[role] =
      role === 'spp_analyst' || role === 'platform_admin'
        ? await h.keys.token({ sub: role, roles: [role] })
        : await cpas.token(role);
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
          const res = await h.app.inject({
            method: call.method,
            url: call.url,
            headers: { ...bearer(tokens[role]!), ...(call.headers ?? {}) },
            payload: call.payload as object,
          });
          const name = `${tr.operationId} by ${role} on a ${status} PIIS`;
          if (expected === 'success')
            t.ok(
              res.statusCode === 200 || res.statusCode === 201,
              `${name}: 2xx (${res.statusCode} ${res.statusCode >= 300 ? res.body : ''})`,
            );
          else {
            t.equal(res.statusCode, expected, `${name}: ${expected}`);
            if (expected === 409) t.equal(res.json().code, 'invalid-state', `${name}: invalid-state`);
          }
        }
      }
    });
  }
  t.test(
    'when every action has run in every status, then each kept file and deadline equals a recomputation from scratch',
    async (t) => {
      t.same(await renderedStateDrift(h, '2026-11-23'), []);
    },
  );
});
