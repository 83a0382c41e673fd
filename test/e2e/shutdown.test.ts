// Shutdown under keep-alive load, as a vendor's client meets it: writers keep POSTing over
// kept-alive connections while the server gets SIGTERM. No request may end in a reset (the client
// could not know whether its write was applied): each is answered, or refused a connection
// (nothing was sent), or answered 503 once the server is closing (the writers then retry after
// Retry-After, until the connection is refused). The process exits 0, and every
// write it acknowledged is there when the server starts again.
import t from 'tap';
import { createTestKeys } from '../helpers/keys.js';
import { validNiss } from '../helpers/identifiers.js';
import {
  freePort,
  missingAfterRestart,
  registeredCpasToken,
  serverEnv,
  serverStorage,
  startProcess,
  waitReady,
} from '../helpers/process.js';

const WRITERS = 6;

t.test(
  'when SIGTERM arrives under keep-alive write load, then no reset, exit 0, every acknowledged write kept',
  { timeout: 120_000 },
  async (t) => {
    const keys = await createTestKeys();
    const storage = await serverStorage();
    t.teardown(() => storage.remove());
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = serverEnv(keys, storage, port, { SHUTDOWN_DRAIN_MS: '500' });
    const first = startProcess(env);
    t.teardown(() => void (first.child.exitCode === null && first.child.kill('SIGKILL')));
    await waitReady(base, first.child);
    const token = await registeredCpasToken(base, keys);

    const acknowledged: string[] = [];
    const resets: string[] = [];
    const unexpected: string[] = [];
    let refused = 0;
    let closing = 0;
    const deadline = Date.now() + 60_000;
    const writer = async () => {
      while (Date.now() < deadline) {
        try {
          const res = await fetch(`${base}/v1/beneficiaries`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ niss: validNiss(), givenName: 'Load', familyName: 'Writer', language: 'fr' }),
          });
          const body = await res.text();
          if (res.status === 201) acknowledged.push(JSON.parse(body).id);
          else if (res.status === 503) {
            // shutting down: nothing was done; a well-behaved client waits as told and tries again
            closing++;
            await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? '1') * 1000));
          } else unexpected.push(`${res.status} ${body.slice(0, 200)}`);
        } catch (error) {
          const cause = (error as { cause?: { code?: string; syscall?: string; message?: string } }).cause;
          // a connection refused or reset while connecting (the listener closed with it in its
          // backlog): no byte of the request was sent, so retrying elsewhere is safe
          if (cause?.code === 'ECONNREFUSED' || cause?.syscall === 'connect') {
            refused++;
            return;
          }
          resets.push(`${cause?.code ?? ''} ${cause?.message ?? (error as Error).message}`);
          return;
        }
      }
    };
    const exited = new Promise<number | null>((resolve) => first.child.on('exit', (code) => resolve(code)));
    const load = Promise.all(Array.from({ length: WRITERS }, writer));
    await new Promise((r) => setTimeout(r, 1_500));
    const before = acknowledged.length;
    first.child.kill('SIGTERM');
    await load;
    const code = await exited;

    t.ok(before > 0, `${before} writes acknowledged before SIGTERM`);
    t.same(resets, [], 'no request ended in a reset');
    t.same(unexpected, [], 'every answer was 201, or 503 while closing');
    t.equal(
      refused,
      WRITERS,
      `every writer, retrying after each 503 (${closing} of them) as told, stopped on a refused connection`,
    );
    t.equal(code, 0, 'the process exits 0');
    t.ok(acknowledged.length > before, `${acknowledged.length - before} writes acknowledged during the shutdown`);

    const second = startProcess(env);
    t.teardown(() => void (second.child.exitCode === null && second.child.kill('SIGKILL')));
    await waitReady(base, second.child);
    const missing = await missingAfterRestart(base, token, acknowledged);
    t.same(missing, [], `all ${acknowledged.length} acknowledged writes are there after the restart`);
    second.child.kill('SIGTERM');
  },
);
