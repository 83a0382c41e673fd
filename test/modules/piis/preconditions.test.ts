// Concurrency control on every PIIS write, generated from the transition table (contract §2
// "Concurrency"): for each action and each void, a stale If-Match answers 412 and writes nothing,
// and N writers sending the same current ETag at once leave exactly one winner. A new action in
// the table is tested here without a line added (callFor fails to compile until it has a request).
import t from 'tap';
import type { FastifyInstance } from 'fastify';
import { bearer, buildHarness } from '../../helpers/app.js';
import { callFor, piisIn, post, type Call, type PiisFixture } from '../../helpers/piis.js';
import { transitions, type Action, type PiisStatus } from '../../../src/modules/piis/piis.transitions.js';
import { VOIDABLE_SEGMENTS } from '../../../src/modules/piis/piis.lifecycle.js';

const WRITERS = 5;

interface Snapshot {
  etag: string;
  timeline: unknown[];
}

async function snapshot(app: FastifyInstance, token: string, piisId: string): Promise<Snapshot> {
  const piis = await app.inject({ method: 'GET', url: `/v1/piis/${piisId}`, headers: bearer(token) });
  const timeline = await app.inject({
    method: 'GET',
    url: `/v1/piis/${piisId}/timeline?limit=500`,
    headers: bearer(token),
  });
  return { etag: piis.headers['etag'] as string, timeline: timeline.json().items };
}

const staleOf = (etag: string) => `"${Number(/"(\d+)"/.exec(etag)![1]) - 1}"`;

function send(app: FastifyInstance, token: string, call: Call, ifMatch: string) {
  return app.inject({
    method: call.method,
    url: call.url,
    headers: { ...bearer(token), ...(call.headers ?? {}), 'if-match': ifMatch },
    payload: call.payload as object,
  });
}

/** The status an action is tried in: the last its table row allows (active for the live actions). */
const statusFor = (action: Action) => transitions[action].from[transitions[action].from.length - 1] as PiisStatus;

/** A request voiding one record of a segment, made first through the action that records it. */
const voidAction: Record<string, Action> = {
  'hearing-requests': 'requestHearing',
  signatures: 'sign',
  evaluations: 'evaluate',
  'interview-requests': 'requestInterview',
  notices: 'issueNotice',
  sanctions: 'decideSanction',
};

t.test('If-Match on every PIIS write (contract §2 Concurrency)', async (t) => {
  const h = await buildHarness(t, { clock: { today: () => '2026-11-23' } });
  const cpas = await h.newCpas();
  const manager = await cpas.token('cpas_manager');

  /** Every write: the actions of the table, then a void of each voidable record. */
  const writes: Array<{ name: string; prepare(f: PiisFixture): Promise<Call>; status: PiisStatus }> = [
    ...(Object.keys(transitions) as Action[]).map((action) => ({
      name: `${transitions[action].operationId} (${transitions[action].rules.join(', ')})`,
      status: statusFor(action),
      prepare: (f: PiisFixture) => callFor(h.app, manager, action, f, true),
    })),
    ...VOIDABLE_SEGMENTS.map((segment) => {
      const action = voidAction[segment]!;
      return {
        name: `void of ${segment} (R-CORRECT)`,
        status: statusFor(action),
        prepare: async (f: PiisFixture): Promise<Call> => {
          const make = await callFor(h.app, manager, action, f, true);
          const made = await h.app.inject({
            method: make.method,
            url: make.url,
            headers: bearer(manager),
            payload: make.payload as object,
          });
          if (made.statusCode !== 201) throw new Error(`${segment}: ${made.statusCode} ${made.body}`);
          return {
            method: 'POST',
            url: `/v1/piis/${f.piisId}/${segment}/${made.json().id}/void`,
            payload: { reason: 'Recorded on the wrong file' },
          };
        },
      };
    }),
  ];
  t.equal(
    writes.length,
    Object.keys(transitions).length + VOIDABLE_SEGMENTS.length,
    'every action and every void is tried',
  );

  for (const write of writes) {
    t.test(
      `${write.name}: when the If-Match is stale, then 412 precondition-failed and nothing is written`,
      async (t) => {
        const f = await piisIn(h.app, manager, write.status);
        const call = await write.prepare(f);
        const before = await snapshot(h.app, manager, f.piisId);
        const res = await send(h.app, manager, call, staleOf(before.etag));
        t.equal(res.statusCode, 412, res.body);
        t.equal(res.json().code, 'precondition-failed');
        t.same(
          await snapshot(h.app, manager, f.piisId),
          before,
          'the PIIS, its version and its timeline are unchanged',
        );
      },
    );
    t.test(
      `${write.name}: when ${WRITERS} writers send the same current ETag at once, then exactly one wins`,
      async (t) => {
        const f = await piisIn(h.app, manager, write.status);
        const call = await write.prepare(f);
        const before = await snapshot(h.app, manager, f.piisId);
        const answers = await Promise.all(
          Array.from({ length: WRITERS }, () => send(h.app, manager, call, before.etag)),
        );
        const statuses = answers.map((a) => a.statusCode).sort();
        t.equal(statuses.filter((s) => s === 200 || s === 201).length, 1, `one winner (${statuses.join(', ')})`);
        t.equal(statuses.filter((s) => s === 412).length, WRITERS - 1, 'every other writer gets 412');
        const after = await snapshot(h.app, manager, f.piisId);
        t.equal(after.etag, `"${Number(/"(\d+)"/.exec(before.etag)![1]) + 1}"`, 'the version moved on once');
      },
    );
  }

  t.test(
    'when the If-Match is current, then the write is applied (the header is not a refusal in itself)',
    async (t) => {
      const f = await piisIn(h.app, manager, 'active');
      const res = await post(
        h.app,
        manager,
        `/v1/piis/${f.piisId}/interview-requests`,
        { requestedOn: '2026-04-02' },
        { 'if-match': f.etag },
      );
      t.equal(res.statusCode, 201, res.body);
      t.equal(res.headers['etag'], '"5"');
    },
  );
});
