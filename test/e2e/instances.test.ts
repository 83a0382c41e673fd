// Two built servers on one PostgreSQL, as behind a load balancer: both answer writes and reads
// while both run the background work — an import, webhook deliveries to a receiver that fails
// some first attempts, the rollup refresh, the audit sealing. Each webhook message is delivered at
// least once and never by two senders at once; each row of the import is processed once; the
// rollups equal a recomputation from the facts; one audit chain verifies against both servers'
// logs; every read answered has its access entry.
import t from 'tap';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { createTestKeys } from '../helpers/keys.js';
import { validNiss } from '../helpers/identifiers.js';
import { startReceiver, type Behaviour, type Received } from '../helpers/receiver.js';
import {
  freePort,
  readEntryRequestIds,
  registeredCpasToken,
  root,
  serverEnv,
  serverStorage,
  startProcess,
  waitReady,
} from '../helpers/process.js';
import { openPostgres } from '../../src/db/database.js';
import { indicatorInputs, indicatorsFrom } from '../../src/modules/reports/reports.service.js';
import type { RequestContext } from '../../src/core/context.js';
import { todayInBrussels } from '../../src/rules/calendar.js';

const serverUrl = process.env['TEST_DATABASE_URL'];
const LOAD_MS = 3_000;
const IMPORTED = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` gives a value (or throws after `ms`). */
async function eventually<T>(what: string, check: () => Promise<T | null>, ms = 45_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== null) return found;
    if (Date.now() > until) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(200);
  }
}

/** Who received each message, in order, and how it was answered. */
function deliveriesByMessage(received: readonly Received[], answers: Map<Received, Behaviour>) {
  const byMessage = new Map<string, Array<{ at: number; answeredAt: number; answer: Behaviour; eventId: string }>>();
  for (const r of received) {
    const eventId = (JSON.parse(r.body) as { data: { id: string } }).data.id;
    const list = byMessage.get(r.headers['webhook-id']!) ?? [];
    list.push({ at: r.at, answeredAt: r.answeredAt ?? Infinity, answer: answers.get(r)!, eventId });
    byMessage.set(r.headers['webhook-id']!, list);
  }
  return byMessage;
}

t.test(
  'when two servers share one PostgreSQL under mixed load, then background work is done once and nothing is lost',
  {
    skip: serverUrl ? false : 'two server processes share a database only on PostgreSQL (the embedded one has one)',
    timeout: 180_000,
  },
  async (t) => {
    const keys = await createTestKeys();
    const storage = await serverStorage();
    t.teardown(() => storage.remove());
    const receiver = await startReceiver({ answerAfterMs: 30 });
    t.teardown(() => receiver.close());
    // every 4th message fails its first attempt: it is tried again, by either server
    const answers = new Map<Received, Behaviour>();
    const seen = new Set<string>();
    receiver.behave((r) => {
      const id = r.headers['webhook-id']!;
      const answer: Behaviour = !seen.has(id) && seen.size % 4 === 3 ? 'fail' : 'ok';
      seen.add(id);
      answers.set(r, answer);
      return answer;
    });
    const ports = [await freePort(), await freePort()];
    const env = serverEnv(keys, storage, ports[0]!, { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', LOG_LEVEL: 'info' });
    const servers = ports.map((port) => startProcess({ ...env, PORT: String(port) }));
    for (const s of servers) t.teardown(() => void (s.child.exitCode === null && s.child.kill('SIGKILL')));
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(servers.map((s, i) => waitReady(bases[i]!, s.child)));
    const token = await registeredCpasToken(bases[0]!, keys);
    const kbo = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { cpas: string }).cpas;
    const auth = { authorization: `Bearer ${token}` };
    const send = (via: number, url: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${bases[via % 2]}${url}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    const hook = await send(0, '/v1/webhooks', { url: `${receiver.url}/hook`, events: ['beneficiary.*'] });
    t.equal(hook.status, 201, 'a webhook for every beneficiary event');
    const lines = Array.from({ length: IMPORTED }, (_, i) =>
      JSON.stringify({
        externalRef: `imp-${i}`,
        niss: validNiss(),
        givenName: 'Imported',
        familyName: `P${i}`,
        language: 'fr',
      }),
    );
    const created = await send(1, '/v1/imports?kind=beneficiaries', `${lines.join('\n')}\n`, {
      'content-type': 'application/x-ndjson',
    });
    t.equal(created.status, 202, `an import of ${IMPORTED} beneficiaries`);
    const importId = ((await created.json()) as { id: string }).id;

    // writes and reads on both servers, each alternating between them
    const until = Date.now() + LOAD_MS;
    const written: string[] = [];
    const answered: string[] = [];
    const unexpected: string[] = [];
    const expect = async (res: Response, status: number, what: string) => {
      const body = await res.text();
      if (res.status !== status) unexpected.push(`${what}: ${res.status} ${body.slice(0, 200)}`);
      return res.status === status ? body : null;
    };
    const writer = async (w: number) => {
      for (let n = w; Date.now() < until; n++) {
        const person = { niss: validNiss(), givenName: 'Two', familyName: 'Servers', language: 'nl' };
        const body = await expect(await send(n, '/v1/beneficiaries', person), 201, 'createBeneficiary');
        if (!body) continue;
        const id = (JSON.parse(body) as { id: string }).id;
        written.push(id);
        const right = { kind: 'ri', category: 'isolated', decidedOn: '2026-01-05', startsOn: '2026-01-05' };
        await expect(
          await send(n + 1, `/v1/beneficiaries/${id}/rights`, { ...right, monthlyAmountCents: 130000 }),
          201,
          'right',
        );
        const assessment = { performedOn: '2026-02-20', kind: 'initial', participationRung: 2 };
        const scores = [{ domain: 'employment', score: 2 }];
        await expect(
          await send(n, `/v1/beneficiaries/${id}/assessments`, { ...assessment, domainScores: scores }),
          201,
          'assessment',
        );
      }
    };
    const reader = async (r: number) => {
      for (let n = 0; Date.now() < until; n++) {
        if (written.length === 0) {
          await sleep(10);
          continue;
        }
        const requestId = `two-servers-${r}-${n}`;
        const res = await fetch(`${bases[(r + n) % 2]}/v1/beneficiaries/${written[n % written.length]}`, {
          headers: { ...auth, 'x-request-id': requestId },
        });
        if ((await expect(res, 200, 'getBeneficiary')) !== null) answered.push(requestId);
      }
    };
    await Promise.all([0, 1, 2].flatMap((i) => [writer(i), reader(i)]));
    t.same(unexpected, [], `${written.length} persons written and ${answered.length} reads answered, all as expected`);

    const job = await eventually('the import', async () => {
      const got = (await (await fetch(`${bases[0]}/v1/imports/${importId}`, { headers: auth })).json()) as {
        status: string;
      };
      return got.status === 'completed' || got.status === 'failed' ? got : null;
    });
    t.match(job, { status: 'completed', totalRows: IMPORTED, processedRows: IMPORTED, created: IMPORTED, rejected: 0 });
    const verdicts = (
      (await (await fetch(`${bases[1]}/v1/imports/${importId}/rows?limit=500`, { headers: auth })).json()) as {
        items: Array<{ row: number; verdict: string }>;
      }
    ).items;
    t.same(
      verdicts.map((v) => `${v.row} ${v.verdict}`),
      lines.map((_, i) => `${i + 1} created`),
      'each row of the import processed once',
    );

    // every beneficiary event reaches the receiver; no message is in flight twice at once
    const events = written.length + IMPORTED;
    const byMessage = await eventually('the deliveries', async () => {
      const delivered = deliveriesByMessage(receiver.received, answers);
      const done = [...delivered.values()].filter((list) => list.some((d) => d.answer === 'ok')).length;
      return done >= events ? delivered : null;
    });
    const eventIds = new Set([...byMessage.values()].map((list) => list[0]!.eventId));
    t.equal(eventIds.size, events, `each of the ${events} events has its message`);
    t.ok(
      [...byMessage.values()].some((list) => list.length > 1),
      'some messages were tried again',
    );
    const overlapping = [...byMessage.entries()].filter(([, list]) =>
      list.some((d, i) => i > 0 && (d.at < list[i - 1]!.answeredAt || list[i - 1]!.answer === 'ok')),
    );
    t.same(overlapping, [], 'no message sent while its previous attempt was in flight, none sent after its success');

    // the rollups, once no person is left marked, equal a recomputation from the facts
    const owner = new pg.Client({ connectionString: storage.databaseUrl! });
    await owner.connect();
    t.teardown(() => owner.end());
    const { rows } = await owner.query<{ id: string }>('select id from cpas where kbo_number = $1', [kbo]);
    const cpasId = rows[0]!.id;
    await eventually('the rollup refresh', async () => {
      const marks = await owner.query('select 1 from rollup_dirty where cpas_id = $1 limit 1', [cpasId]);
      return marks.rowCount === 0 ? true : null;
    });
    const database = await openPostgres(storage.databaseUrl!);
    t.teardown(() => database.close());
    const ctx = {
      db: database.db,
      database,
      cpasId,
      today: todayInBrussels(),
      lang: 'fr',
    } as unknown as RequestContext;
    const rollup = await (await fetch(`${bases[1]}/v1/reports/indicators?year=2026`, { headers: auth })).json();
    t.same(rollup, indicatorsFrom(await indicatorInputs(ctx), 2026, 'fr'), 'the 2026 indicators equal a recomputation');

    const entries = await readEntryRequestIds(bases[0]!, keys, kbo);
    t.same(
      answered.filter((id) => !entries.has(id)),
      [],
      `all ${answered.length} answered reads have their access entry`,
    );

    // both stop; the audit chain, sealed by either, verifies against the checkpoints of both logs
    await Promise.all(
      servers.map((s) => new Promise((resolve) => (s.child.on('exit', resolve), s.child.kill('SIGTERM')))),
    );
    const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-two-'));
    t.teardown(() => fs.rmSync(logDir, { recursive: true, force: true }));
    const logs = servers.map((s, i) => {
      const file = path.join(logDir, `server-${i}.log`);
      fs.writeFileSync(file, s.log());
      return ['--log', file];
    });
    const verified = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'dist/bin/audit-verify.js'), ...logs.flat()],
      {
        env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: storage.databaseUrl!, DATA_DIR: storage.dataDir },
      },
    );
    t.match(verified.stdout, /, 0 problem\(s\)/, 'the audit chain verifies against both servers’ checkpoints');
  },
);
