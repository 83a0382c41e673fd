// A crash under load, as the attack run did it: the process is killed with SIGKILL (no drain, no
// flush). Requests in flight may be lost — their clients saw no answer — but every write the
// server acknowledged with 201 is there when it starts again (a 201 is sent only after the
// commit), and every read it answered has its access entry (a read is answered only once its
// entry is committed).
import t from 'tap';
import { createTestKeys } from '../helpers/keys.js';
import { validNiss } from '../helpers/identifiers.js';
import {
  freePort,
  missingAfterRestart,
  readEntryRequestIds,
  registeredCpasToken,
  serverEnv,
  serverStorage,
  startProcess,
  waitReady,
} from '../helpers/process.js';

const WRITERS = 8;

t.test(
  'when the process is killed under write load, then every acknowledged write is there after the restart',
  { timeout: 120_000 },
  async (t) => {
    const keys = await createTestKeys();
    const storage = await serverStorage();
    t.teardown(() => storage.remove());
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = serverEnv(keys, storage, port);
    const first = startProcess(env);
    t.teardown(() => void (first.child.exitCode === null && first.child.kill('SIGKILL')));
    await waitReady(base, first.child);
    const token = await registeredCpasToken(base, keys);

    const acknowledged: string[] = [];
    const unexpected: string[] = [];
    let cut = 0;
    const writer = async () => {
      for (;;) {
        try {
          const res = await fetch(`${base}/v1/beneficiaries`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ niss: validNiss(), givenName: 'Crash', familyName: 'Writer', language: 'nl' }),
          });
          const body = await res.text();
          if (res.status === 201) acknowledged.push(JSON.parse(body).id);
          else unexpected.push(`${res.status} ${body.slice(0, 200)}`);
        } catch {
          // the process is gone: this request's fate is unknown to its client, as after any crash
          cut++;
          return;
        }
      }
    };
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      first.child.on('exit', (_code, signal) => resolve(signal)),
    );
    const load = Promise.all(Array.from({ length: WRITERS }, writer));
    await new Promise((r) => setTimeout(r, 2_000));
    first.child.kill('SIGKILL');
    await load;
    t.equal(await exited, 'SIGKILL');
    t.ok(acknowledged.length > 0, `${acknowledged.length} writes acknowledged before the kill`);
    t.equal(cut, WRITERS, 'every writer was cut off by the crash');
    t.same(unexpected, [], 'every answer before the crash was 201');

    const second = startProcess(env);
    t.teardown(() => void (second.child.exitCode === null && second.child.kill('SIGKILL')));
    await waitReady(base, second.child);
    t.same(
      await missingAfterRestart(base, token, acknowledged),
      [],
      `all ${acknowledged.length} acknowledged writes are there after the restart`,
    );
    second.child.kill('SIGTERM');
  },
);

t.test(
  'when the process is killed under read load, then every answered read has its access entry after the restart',
  { timeout: 120_000 },
  async (t) => {
    const keys = await createTestKeys();
    const storage = await serverStorage();
    t.teardown(() => storage.remove());
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = serverEnv(keys, storage, port);
    const first = startProcess(env);
    t.teardown(() => void (first.child.exitCode === null && first.child.kill('SIGKILL')));
    await waitReady(base, first.child);
    const token = await registeredCpasToken(base, keys);
    const kbo = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { cpas: string }).cpas;
    const created = await fetch(`${base}/v1/beneficiaries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ niss: validNiss(), givenName: 'Crash', familyName: 'Reader', language: 'fr' }),
    });
    const person = ((await created.json()) as { id: string }).id;

    const answered: string[] = [];
    const unexpected: string[] = [];
    let cut = 0;
    let n = 0;
    const reader = async (which: number) => {
      for (;;) {
        const requestId = `crash-read-${which}-${n++}`;
        try {
          const res = await fetch(`${base}/v1/beneficiaries/${person}`, {
            headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId },
          });
          await res.text();
          if (res.status === 200) answered.push(requestId);
          else unexpected.push(`${res.status}`);
        } catch {
          cut++;
          return;
        }
      }
    };
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      first.child.on('exit', (_code, signal) => resolve(signal)),
    );
    const load = Promise.all(Array.from({ length: WRITERS }, (_, i) => reader(i)));
    await new Promise((r) => setTimeout(r, 2_000));
    first.child.kill('SIGKILL');
    await load;
    t.equal(await exited, 'SIGKILL');
    t.ok(answered.length > 0, `${answered.length} reads answered before the kill`);
    t.equal(cut, WRITERS, 'every reader was cut off by the crash');
    t.same(unexpected, [], 'every answer before the crash was 200');

    const second = startProcess(env);
    t.teardown(() => void (second.child.exitCode === null && second.child.kill('SIGKILL')));
    await waitReady(base, second.child);
    const entries = await readEntryRequestIds(base, keys, kbo);
    t.same(
      answered.filter((id) => !entries.has(id)),
      [],
      `all ${answered.length} answered reads have their access entry after the restart`,
    );
    second.child.kill('SIGTERM');
  },
);
