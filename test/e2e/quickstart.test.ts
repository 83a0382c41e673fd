// The vendor quickstart (docs/quickstart.md) run as it is printed: its shell blocks with bash,
// curl and jq, and its typed client (docs/quickstart/walk.ts), each against the built server
// started as a process, for a CPAS of its own. A step the service refuses stops the walk.
import t from 'tap';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createTestKeys } from '../helpers/keys.js';
import {
  freePort,
  registeredCpasToken,
  root,
  serverEnv,
  serverStorage,
  startProcess,
  waitReady,
} from '../helpers/process.js';
import { walkOneCase } from '../../docs/quickstart/walk.js';

/** The shell blocks of a markdown file, in order, but those marked `setup` (done by the test). */
export function shellSteps(markdown: string): string[] {
  return [...markdown.matchAll(/^```sh( setup)?\n([\s\S]*?)^```$/gm)].filter((m) => !m[1]).map((m) => m[2]!);
}

t.test('e2e: the vendor quickstart runs as printed', { timeout: 120_000 }, async (t) => {
  const keys = await createTestKeys();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const storage = await serverStorage();
  const server = startProcess(serverEnv(keys, storage, port, { HOST: '127.0.0.1' }));
  t.teardown(async () => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await storage.remove();
  });
  await waitReady(base, server.child);

  t.test('when its curl steps run with bash, then each succeeds and the PIIS ends closed', async (t) => {
    const steps = shellSteps(fs.readFileSync(path.join(root, 'docs/quickstart.md'), 'utf8'));
    t.ok(steps.length >= 4, `${steps.length} shell blocks`);
    const token = await registeredCpasToken(base, keys);
    const run = spawnSync('bash', ['-euo', 'pipefail', '-c', steps.join('\n')], {
      env: { ...process.env, BASE: base, TOKEN: token },
      encoding: 'utf8',
      timeout: 60_000,
    });
    t.equal(run.status, 0, `bash exits 0 (${run.stderr}${run.stdout.slice(-2000)})`);
    t.match(
      run.stdout,
      /"status":"in_reflection","earliestSignatureOn":\{"value":"2026-03-08","rule":"R-REFLECT","explanation":"[^"]+"/,
      'the earliest signature day, explained',
    );
    t.match(run.stdout, /"status":"active","signedOn":"2026-03-09"/, 'concluded on the later signature');
    t.match(
      run.stdout,
      /"status":"closed","closure":\{"endedOn":"2026-11-30","outcome":"reinforced_autonomy"/,
      'closed with its outcome',
    );
  });

  t.test('when its typed client walks the same case, then the statuses and dates are the same', async (t) => {
    const lines: string[] = [];
    const walked = await walkOneCase(base, await registeredCpasToken(base, keys), '90020112305', (line) =>
      lines.push(line),
    );
    t.same(walked.statuses, ['draft', 'in_reflection', 'active', 'closed']);
    t.equal(walked.earliestSignatureOn, '2026-03-08');
    t.ok(walked.nextEvaluationDue === null || /^\d{4}-\d{2}-\d{2}$/.test(walked.nextEvaluationDue));
    t.equal(lines.length, 3, 'it tells the computed dates as it goes');
  });
});
