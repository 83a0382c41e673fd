// Audit and outbox in the same transaction as the change; access entries for reads (one per list);
// insert-only for the service role; the hash chain detects edits and deletions, newest included.
import t from 'tap';
import { sql } from 'kysely';
import { inTenant } from '../../src/db/tenant.js';
import { createAccessLog } from '../../src/core/access-log.js';
import { sealAudit } from '../../src/modules/audit/audit.sealer.js';
import { anchoringNote, checkpointsFromLog, verifyAudit } from '../../src/modules/audit/audit.verify.js';
import { bearer, buildHarness, newBeneficiary } from '../helpers/app.js';

t.test('audit', async (t) => {
  const h = await buildHarness(t);
  const a = await h.newCpas();
  const token = await a.token('social_worker', 'worker-42');
  const entries = (cpasId: string) =>
    h.db.owner<{
      action: string;
      entity: string;
      entity_id: string | null;
      entity_ids: string | null;
      actor: string;
      request_id: string;
    }>(
      `select action, entity, entity_id::text, array_to_string(entity_ids, ',') as entity_ids, actor, request_id ` +
        `from audit_entry where cpas_id = $1 order by id`,
      [cpasId],
    );

  t.test(
    'when a beneficiary is created, then one audit entry and one outbox event, with the actor and request id',
    async (t) => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/beneficiaries',
        headers: { ...bearer(token), 'x-request-id': 'req-create-0001' },
        payload: { niss: '85073003328', givenName: 'Jan', familyName: 'Peeters', language: 'nl' },
      });
      const id = res.json().id;
      const audit = (await entries(a.id)).filter((e) => e.entity_id === id);
      t.same(audit, [
        {
          action: 'create',
          entity: 'beneficiary',
          entity_id: id,
          entity_ids: null,
          actor: 'worker-42',
          request_id: 'req-create-0001',
        },
      ]);
      const events = await h.db.owner<{ type: string; actor: string; data: unknown }>(
        `select type, actor, data from outbox_event where cpas_id = $1 and entity_id = $2`,
        [a.id, id],
      );
      t.same(events, [{ type: 'beneficiary.created', actor: 'worker-42', data: { id } }]);
      const raw = JSON.stringify(await h.db.owner(`select * from audit_entry where cpas_id = $1`, [a.id]));
      t.notMatch(raw, /Jan|Peeters|85073003328/, 'no personal data in the audit');
    },
  );

  t.test(
    'when records are read, then one access entry per read names the records returned, committed before the answer',
    async (t) => {
      const one = await newBeneficiary(h.app, token);
      const two = await newBeneficiary(h.app, token);
      await h.app.inject({
        method: 'GET',
        url: `/v1/beneficiaries/${one.id}`,
        headers: { ...bearer(token), 'x-request-id': 'req-read-00001' },
      });
      await h.app.inject({
        method: 'GET',
        url: `/v1/beneficiaries?limit=500`,
        headers: { ...bearer(token), 'x-request-id': 'req-list-00001' },
      });
      const reads = (await entries(a.id)).filter((e) => e.action === 'read');
      const single = reads.find((r) => r.request_id === 'req-read-00001');
      t.same(single, {
        action: 'read',
        entity: 'beneficiary',
        entity_id: one.id,
        entity_ids: null,
        actor: 'worker-42',
        request_id: 'req-read-00001',
      });
      const list = reads.filter((r) => r.request_id === 'req-list-00001');
      t.equal(list.length, 1, 'a list read is one entry');
      t.ok(
        list[0]!.entity_ids!.split(',').includes(one.id) && list[0]!.entity_ids!.split(',').includes(two.id),
        'naming every record returned',
      );
    },
  );

  t.test('when the service role tries to change or remove audit entries, then the database refuses', async (t) => {
    const db = h.db.database.db;
    await t.rejects(
      inTenant(db, a.id, (tx) => sql`update audit_entry set actor = 'x'`.execute(tx)),
      /permission denied/,
    );
    await t.rejects(
      inTenant(db, a.id, (tx) => sql`delete from audit_entry`.execute(tx)),
      /permission denied/,
    );
    await t.rejects(
      inTenant(db, a.id, (tx) => sql`truncate audit_entry`.execute(tx)),
      /permission denied/,
    );
    await t.rejects(
      inTenant(db, a.id, (tx) => sql`delete from audit_chain`.execute(tx)),
      /permission denied/,
    );
    await t.rejects(
      inTenant(db, a.id, (tx) =>
        sql`insert into audit_checkpoint (cpas_id, position, hash) values (${a.id}, 999, 'x')`.execute(tx),
      ),
      /permission denied/,
    );
  });

  t.test('when reads come faster than the database, then no access entry is lost', async (t) => {
    const c = await h.newCpas();
    const tok = await c.token();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await newBeneficiary(h.app, tok)).id);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        h.app.inject({ method: 'GET', url: `/v1/beneficiaries/${ids[i % 5]}`, headers: bearer(tok) }),
      ),
    );
    const [row] = await h.db.owner<{ n: string }>(
      `select count(*)::text as n from audit_entry where cpas_id = $1 and action = 'read'`,
      [c.id],
    );
    t.equal(Number(row!.n), 200, 'every read answered has its entry, without an explicit flush');
  });

  t.test(
    'when the database refuses some access entries, then their reads fail instead of being answered without them, ' +
      'and the others are written',
    async (t) => {
      const log = createAccessLog(h.app.deps.database.db, null);
      t.teardown(() => log.stop());
      const reader = await newBeneficiary(h.app, token);
      const good = log.record({
        cpasId: a.id,
        actor: 'worker-42',
        entity: 'beneficiary',
        entityIds: [reader.id],
        requestId: 'req-flush-good1',
      });
      const bad = log.record({
        cpasId: 'not-a-cpas',
        actor: 'worker-42',
        entity: 'beneficiary',
        entityIds: [reader.id],
        requestId: 'req-flush-bad01',
      });
      await t.rejects(bad, /tenant id is not a UUID/);
      await good;
      await log.flush();
      const written = (await entries(a.id)).filter((e) => e.request_id === 'req-flush-good1');
      t.equal(written.length, 1, "the other CPAS's entry is written all the same");
    },
  );

  t.test(
    'when entries are recorded while a write is in flight, then they are committed together in the next one',
    async (t) => {
      const log = createAccessLog(h.app.deps.database.db, null);
      t.teardown(() => log.stop());
      const reader = await newBeneficiary(h.app, token);
      const entry = (requestId: string) => ({
        cpasId: a.id,
        actor: 'worker-42',
        entity: 'beneficiary',
        entityIds: [reader.id],
        requestId,
      });
      const first = log.record(entry('req-group-first'));
      await new Promise((resolve) => setImmediate(resolve)); // the first write is on its way
      const later = Array.from({ length: 20 }, (_, i) => log.record(entry(`req-group-later${i}`)));
      await first;
      await Promise.all(later);
      const rows = await h.db.owner<{ tx_id: string }>(
        `select tx_id::text from audit_entry where cpas_id = $1 and request_id like 'req-group-later%'`,
        [a.id],
      );
      t.equal(rows.length, 20, 'every entry committed when its record resolved');
      t.equal(new Set(rows.map((r) => r.tx_id)).size, 1, 'in one transaction');
    },
  );

  t.test(
    'when the chain is sealed and verified, then an edit, a deletion and a deletion of the newest entries are each ' +
      'detected',
    async (t) => {
      await newBeneficiary(h.app, token);
      const checkpoints = await sealAudit(h.db.database);
      t.ok(
        checkpoints.some((c) => c.cpasId === a.id),
        'a checkpoint for the CPAS',
      );
      t.same(await sealAudit(h.db.database), [], 'nothing left to seal');
      const clean = await verifyAudit(h.db.owner);
      t.same(clean.problems, [], 'an untouched chain verifies');
      t.ok(clean.entries >= 5);

      const [victim] = await h.db.owner<{ id: string }>(
        `select id::text from audit_entry where cpas_id = $1 order by id limit 1`,
        [a.id],
      );
      await h.db.owner(`update audit_entry set actor = 'someone-else' where id = $1`, [victim!.id]);
      t.match((await verifyAudit(h.db.owner)).problems, [new RegExp(`${victim!.id} .* was edited`)]);
      await h.db.owner(`update audit_entry set actor = 'worker-42' where id = $1`, [victim!.id]);
      t.same((await verifyAudit(h.db.owner)).problems, [], 'restored');

      const [middle] = await h.db.owner<{ id: string }>(
        `select entry_id::text as id from audit_chain where cpas_id = $1 and position = 2`,
        [a.id],
      );
      const saved = await h.db.owner(`select * from audit_entry where id = $1`, [middle!.id]);
      await h.db.owner(`delete from audit_entry where id = $1`, [middle!.id]);
      t.match((await verifyAudit(h.db.owner)).problems, [new RegExp(`${middle!.id} .* was deleted`)]);
      void saved;

      // delete the newest entries together with their links: only the checkpoints can tell
      const [head] = await h.db.owner<{ position: string }>(
        `select max(position)::text as position from audit_chain where cpas_id = $1`,
        [a.id],
      );
      const logCopy = checkpoints.filter((c) => c.cpasId === a.id);
      await h.db.owner(
        `delete from audit_entry where id in (select entry_id from audit_chain where cpas_id = $1 and position = $2)`,
        [a.id, head!.position],
      );
      await h.db.owner(`delete from audit_chain where cpas_id = $1 and position = $2`, [a.id, head!.position]);
      const viaDb = await verifyAudit(h.db.owner);
      t.ok(
        viaDb.problems.some((p) => /newest entries were deleted/.test(p)),
        'detected by the stored checkpoint',
      );
      await h.db.owner(`delete from audit_checkpoint where cpas_id = $1`, [a.id]);
      const viaLog = await verifyAudit(h.db.owner, logCopy);
      t.ok(
        viaLog.problems.some((p) => /newest entries were deleted/.test(p)),
        'and by the copy in the log when the database ones are gone too',
      );
    },
  );

  t.test(
    'when no log is given, then audit:verify says plainly that it checked against the database only',
    async (t) => {
      const report = await verifyAudit(h.db.owner);
      t.match(
        anchoringNote(report, 0),
        /^NOTE: checked against the database only \(no --log given\)\. .*database owner could have rewritten/,
      );
      await newBeneficiary(h.app, token);
      const copies = checkpointsFromLog(
        (await sealAudit(h.db.database)).map((c) => JSON.stringify({ level: 30, auditCheckpoint: c })).join('\n'),
      );
      const partial = await verifyAudit(h.db.owner, copies.slice(0, 1));
      t.equal(partial.anchoredChains, 1);
      if (partial.chains > 1)
        t.match(
          anchoringNote(partial, 1),
          new RegExp(`^NOTE: ${partial.chains - 1} of ${partial.chains} chain\\(s\\) have no checkpoint`),
        );
      const whole = { ...partial, anchoredChains: partial.chains };
      t.equal(
        anchoringNote(whole, 1),
        `All ${partial.chains} chain(s) were checked against checkpoint copies from outside the database.`,
      );
    },
  );
});

t.test(
  'when idempotency keys are older than 24 hours, then the housekeeping removes them for every CPAS',
  async (t) => {
    const { purgeIdempotencyKeys } = await import('../../src/modules/audit/audit.sealer.js');
    const h = await buildHarness(t);
    const a = await h.newCpas();
    const token = await a.token();
    const res = await h.app.inject({
      method: 'POST',
      url: '/v1/beneficiaries',
      headers: { ...bearer(token), 'idempotency-key': 'old-key' },
      payload: { niss: '85073003328', givenName: 'A', familyName: 'B', language: 'fr' },
    });
    t.equal(res.statusCode, 201);
    t.equal(await purgeIdempotencyKeys(h.db.database), 0, 'a fresh key stays');
    await h.db.owner(`update idempotency_key set expires_at = now() - interval '1 second' where cpas_id = $1`, [a.id]);
    t.equal(await purgeIdempotencyKeys(h.db.database), 1);
    const [row] = await h.db.owner<{ n: string }>(
      'select count(*)::text as n from idempotency_key where cpas_id = $1',
      [a.id],
    );
    t.equal(row!.n, '0');
  },
);
