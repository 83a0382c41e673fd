// The import bench (issue 5): 100,000 beneficiaries as one NDJSON file through POST /v1/imports on
// the real server, timed from the first row to the last verdict (the worker's rate) and from the
// upload to completion (what a vendor waits), then the same file again (every row unchanged).
// BENCH_IMPORT_ROWS changes the size.
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { uuidv7 } from '../src/db/ids.js';
import { seededNiss } from './seed-beneficiaries.js';

export interface ImportBench {
  rows: number;
  bytes: number;
  workerRowsPerSecond: number;
  endToEndSeconds: number;
  created: number;
  rejected: number;
  /** the same file again: every row unchanged */
  rerunRowsPerSecond: number;
  rerunUnchanged: number;
}

export interface ImportBenchInput {
  url: string;
  jwksFile: string;
  children: ChildProcess[];
  startEndpoint(url: string, jwksFile: string, children: ChildProcess[]): Promise<{ ep: ChildProcess; epPort: number }>;
  stop(child: ChildProcess): Promise<void>;
  token(kbo: string, sub: string, role: string): Promise<string>;
}

export async function benchImport(input: ImportBenchInput): Promise<ImportBench> {
  const rows = Number(process.env['BENCH_IMPORT_ROWS'] ?? 100_000);
  const kbo = '0876543270';
  const registry = new pg.Client({ connectionString: input.url });
  await registry.connect();
  await registry.query(
    `insert into cpas (id, kbo_number, name, language, created_by)
     values ($1, $2, '{"fr":"Import","nl":"Import","de":"Import"}', 'fr', 'bench')`,
    [uuidv7(), kbo],
  );
  await registry.end();
  const body = ndjsonBeneficiaries(rows);
  const { ep, epPort } = await input.startEndpoint(input.url, input.jwksFile, input.children);
  try {
    const auth = { authorization: `Bearer ${await input.token(kbo, 'bench-vendor', 'integration')}` };
    const runOnce = () => importOnce(epPort, auth, body, rows);
    const first = await runOnce();
    const again = await runOnce();
    return {
      rows,
      bytes: Buffer.byteLength(body),
      workerRowsPerSecond: first.rate,
      endToEndSeconds: first.seconds,
      created: first.job.created,
      rejected: first.job.rejected,
      rerunRowsPerSecond: again.rate,
      rerunUnchanged: again.job.unchanged,
    };
  } finally {
    await input.stop(ep);
  }
}

/** One upload of the file, followed until its import completes: the job, its worker's rate, the time from upload. */
async function importOnce(epPort: number, auth: Record<string, string>, body: string, rows: number) {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${epPort}/v1/imports?kind=beneficiaries`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/x-ndjson' },
    body,
  });
  if (res.status !== 202) throw new Error(`createImport: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const job = (await (await fetch(`http://127.0.0.1:${epPort}/v1/imports/${id}`, { headers: auth })).json()) as {
      status: string;
      startedAt: string;
      finishedAt: string;
      totalRows: number;
      created: number;
      unchanged: number;
      rejected: number;
      processedRows: number;
    };
    process.stderr.write(`\rimporting ${job.processedRows}/${rows}`);
    if (job.status === 'failed') throw new Error('import failed');
    if (job.status === 'completed') {
      process.stderr.write('\n');
      const workerSeconds = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000;
      return { job, rate: job.totalRows / workerSeconds, seconds: (performance.now() - started) / 1000 };
    }
  }
}

/** The file: `rows` beneficiaries as NDJSON, each with its externalRef. */
function ndjsonBeneficiaries(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(
      JSON.stringify({
        externalRef: `bench-${i}`,
        niss: seededNiss(500_000 + i),
        givenName: 'Import',
        familyName: `Person ${i}`,
        language: i % 3 === 0 ? 'nl' : 'fr',
      }),
    );
  }
  return lines.join('\n') + '\n';
}

export function printImport(b: ImportBench): void {
  const ok = b.workerRowsPerSecond >= 2000 ? 'ok' : 'BELOW TARGET';
  console.log(
    `POST /v1/imports: ${b.rows} beneficiaries (${(b.bytes / 1e6).toFixed(1)} MB NDJSON): ` +
      `${b.workerRowsPerSecond.toFixed(0)} rows/s from first row to last verdict (target ≥ 2000) ${ok}; ` +
      `${b.endToEndSeconds.toFixed(1)} s from upload to completed; ${b.created} created, ${b.rejected} rejected; ` +
      `the same file again: ${b.rerunRowsPerSecond.toFixed(0)} rows/s, ${b.rerunUnchanged} unchanged`,
  );
}
