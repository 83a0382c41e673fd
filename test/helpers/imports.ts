// Bulk imports in tests: a job and its verdicts as the API answers them, rows as NDJSON, and an
// import run through the API from upload to its last verdict; and the file of people the tests
// import: two good rows, a bad NISS, no reference, bad JSON, an unknown field, a NISS twice.
import { bearer, buildHarness, type Harness, type TestCpas } from './app.js';
import { validNiss } from './identifiers.js';

export interface Import {
  id: string;
  status: string;
  totalRows: number | null;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  failure: string | null;
}
export interface Verdict {
  row: number;
  externalRef: string | null;
  verdict: string;
  recordId: string | null;
  code: string | null;
  rule: string | null;
  detail: string | null;
}

export const ndjson = (rows: unknown[]) =>
  rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';

export async function runImport(
  h: Harness,
  cpas: TestCpas,
  kind: string,
  body: string,
  options: { csv?: boolean; dryRun?: boolean } = {},
) {
  const token = await cpas.token('integration', 'vendor-import');
  const res = await h.app.inject({
    method: 'POST',
    url: `/v1/imports?kind=${kind}${options.dryRun ? '&dryRun=true' : ''}`,
    headers: { ...bearer(token), 'content-type': options.csv ? 'text/csv' : 'application/x-ndjson' },
    payload: body,
  });
  if (res.statusCode !== 202) throw new Error(`createImport: ${res.statusCode} ${res.body}`);
  const id = res.json<Import>().id;
  for (let i = 0; i < 400; i++) {
    await h.app.importWorker!.tick();
    await h.app.importWorker!.idle();
    const got = (
      await h.app.inject({ method: 'GET', url: `/v1/imports/${id}`, headers: bearer(token) })
    ).json<Import>();
    if (got.status === 'completed' || got.status === 'failed') {
      const rows = (
        await h.app.inject({ method: 'GET', url: `/v1/imports/${id}/rows?limit=500`, headers: bearer(token) })
      ).json<{ items: Verdict[] }>().items;
      return { job: got, rows, location: res.headers.location };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

/** A harness whose import worker waits to be run (batches of 3), a CPAS, and the people to import. */
export async function importsFixture(t: Parameters<typeof buildHarness>[0]) {
  const h = await buildHarness(t, { imports: { tickMs: 60_000, batchSize: 3 } });
  const a = await h.newCpas();
  const nissA = validNiss();
  const nissB = validNiss();
  const people = [
    { externalRef: 'p-1', niss: nissA, givenName: 'Anna', familyName: 'Peeters', language: 'nl' },
    { externalRef: 'p-2', niss: nissB, givenName: 'Luc', familyName: 'Dubois', language: 'fr' },
    { externalRef: 'p-3', niss: '85073003329', givenName: 'Bad', familyName: 'Niss', language: 'fr' },
    { niss: validNiss(), givenName: 'No', familyName: 'Ref', language: 'fr' },
    '{not json',
    { externalRef: 'p-6', niss: validNiss(), givenName: 'Extra', familyName: 'Field', language: 'de', shoeSize: 44 },
    { externalRef: 'p-7', niss: nissA, givenName: 'Same', familyName: 'Niss', language: 'nl' },
  ];
  return { h, a, nissA, nissB, people };
}
