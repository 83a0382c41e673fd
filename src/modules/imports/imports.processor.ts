// Running an import: the file read into rows, then batches of rows, each batch in one
// transaction bound to the CPAS: every row applied in a savepoint of its own (a refused row
// undoes only itself), then the batch's verdicts and the job's progress — so what is applied and
// what is recorded commit together, and a run resumed after a crash starts at the first row
// without a verdict. A dry run rolls each batch's changes back before recording its verdicts.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.js';
import { unitsWithin, type Tx } from '../../db/tenant.js';
import type { ImportKind, ImportRowTable, ImportVerdict } from '../../db/types.js';
import type { RequestContext } from '../../core/context.js';
import { AppError } from '../../core/problem.js';
import { BODY_VALIDATION } from '../../http/validation.js';
import { TRANSFERRED, keywordMessage } from '../../http/errors.js';
import { msg, render, type Text } from '../../i18n/catalogue.js';
import { storeText } from '../../i18n/stored.js';
import type { AccessLog } from '../../core/access-log.js';
import { appendChange } from '../../core/audit-append.js';
import { KINDS, changedFields, existingByRef, type KindSpec, type StoredRow } from './import-kinds.js';
import { parseCsv, parseNdjson, type ParsedRow } from './import-formats.js';
import * as repo from './imports.repository.js';
import { createNewBeneficiaries } from './beneficiaries-bulk.js';

export interface ProcessorDeps {
  database: Database;
  accessLog: AccessLog;
  today(): string;
  deployment: RequestContext['deployment'];
  batchSize: number;
  leaseMs: number;
}

// The API's own settings for bodies (validation.ts): a row is refused exactly where the same body
// would be refused by the API — no type coercion; CSV cells are typed by their reader.
const ajv = new Ajv({ ...BODY_VALIDATION, strict: false });
addFormats.default(ajv);
const validators = new Map<ImportKind, ValidateFunction>();
function validatorOf(kind: ImportKind): ValidateFunction {
  let v = validators.get(kind);
  if (!v) validators.set(kind, (v = ajv.compile(KINDS[kind].schema)));
  return v;
}

export function readRows(kind: ImportKind, format: 'ndjson' | 'csv', payload: Buffer): ParsedRow[] {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(payload);
  return format === 'csv' ? parseCsv(text, KINDS[kind].schema as never) : parseNdjson(text);
}

type Verdict = Omit<Insertable<ImportRowTable>, 'cpas_id' | 'import_id'>;

const rejected = (
  row: number,
  externalRef: string | null,
  code: string,
  detail: Text,
  rule: string | null = null,
  recordId: string | null = null,
): Verdict => ({
  row_number: row,
  external_ref: externalRef,
  verdict: 'rejected',
  record_id: recordId,
  code,
  rule,
  detail: storedDetail(detail),
});

/** A refusal kept as its message; one too long for its column is kept said in French (the default language). */
function storedDetail(detail: Text): string {
  const stored = storeText(detail);
  return stored.length <= 16_000 ? stored : render('fr', detail).slice(0, 16_000);
}

/** A database that is gone fails the batch (it is run again later); anything else refuses the row only. */
function isOutage(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? '';
  return code.startsWith('08') || code.startsWith('57P') || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(code);
}

/**
 * What a batch knows before its rows are applied, each read in one statement: the records its
 * externalRefs name and the persons its rows are about. A row whose externalRef an earlier row
 * of the batch already applied reads its record again.
 */
interface BatchLookup {
  records: Map<string, StoredRow>;
  personById: Map<string, string>;
  personByRef: Map<string, string>;
  applied: Set<string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const stringsOf = (rows: readonly ParsedRow[], key: string) => [
  ...new Set(rows.flatMap((r) => ('error' in r || typeof r.value[key] !== 'string' ? [] : [r.value[key] as string]))),
];

async function lookupBatch(tx: Tx, cpasId: string, spec: KindSpec, rows: readonly ParsedRow[]): Promise<BatchLookup> {
  const lookup: BatchLookup = {
    records: await existingByRef(tx, cpasId, spec, stringsOf(rows, 'externalRef')),
    personById: new Map(),
    personByRef: new Map(),
    applied: new Set(),
  };
  if (!spec.aboutPerson) return lookup;
  const ids = stringsOf(rows, 'beneficiaryId').filter((id) => UUID.test(id));
  const refs = stringsOf(rows, 'beneficiaryExternalRef');
  if (ids.length === 0 && refs.length === 0) return lookup;
  const { rows: persons } = await sql<{ id: string; external_ref: string | null }>`
    select id, external_ref from beneficiary
    where cpas_id = ${cpasId} and (id = any(${ids}::uuid[]) or external_ref = any(${refs}::text[]))`.execute(tx);
  for (const p of persons) {
    lookup.personById.set(p.id, p.id);
    if (p.external_ref !== null) lookup.personByRef.set(p.external_ref, p.id);
  }
  return lookup;
}

/** A verdict of a row applied: created, updated or unchanged, with the record it names. */
const applied = (row: number, externalRef: string | null, verdict: ImportVerdict, recordId: string): Verdict => ({
  row_number: row,
  external_ref: externalRef,
  verdict,
  record_id: recordId,
  code: null,
  rule: null,
  detail: null,
});

/** A row that reads as the API's body for its kind, or its refusal. */
type ValidRow = {
  row: number;
  externalRef: string | null;
  body: Record<string, unknown>;
  byId?: string;
  byRef?: string;
};

function validRow(kind: ImportKind, parsed: ParsedRow): ValidRow | Verdict {
  if ('error' in parsed)
    return rejected(
      parsed.rowNumber,
      null,
      'validation-failed',
      msg('import.row-unreadable', { row: parsed.rowNumber, reason: parsed.error }),
    );
  const row = parsed.rowNumber;
  const value = parsed.value;
  const externalRef = typeof value['externalRef'] === 'string' ? value['externalRef'] : null;
  const validate = validatorOf(kind);
  if (!validate(value)) {
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => {
      const params = (e.params ?? {}) as Record<string, unknown>;
      const field = params['additionalProperty'] ?? params['missingProperty'];
      return msg('import.field-error', {
        path: (`${e.instancePath}${typeof field === 'string' ? `/${field}` : ''}` || '/').slice(0, 100),
        message: keywordMessage(e.keyword, params),
      });
    });
    return rejected(row, externalRef, 'validation-failed', msg('import.field-errors', { errors }));
  }
  const {
    beneficiaryId: byId,
    beneficiaryExternalRef: byRef,
    ...body
  } = value as Record<string, unknown> & { beneficiaryId?: string; beneficiaryExternalRef?: string };
  return { row, externalRef, body, byId, byRef };
}

async function applyRow(
  tx: Tx,
  ctx: RequestContext,
  kind: ImportKind,
  spec: KindSpec,
  parsed: ParsedRow,
  lookup: BatchLookup,
): Promise<Verdict> {
  const valid = validRow(kind, parsed);
  if ('verdict' in valid) return valid;
  const { row, externalRef, byId, byRef } = valid;
  try {
    let person: string | null = null;
    if (spec.aboutPerson) {
      if ((byId === undefined) === (byRef === undefined))
        return rejected(row, externalRef, 'validation-failed', msg('import.person-named-once'));
      person =
        (byId !== undefined ? lookup.personById.get(byId.toLowerCase()) : lookup.personByRef.get(byRef!)) ?? null;
      if (!person) return rejected(row, externalRef, 'not-found', msg('not-found.beneficiary'));
    }
    return await applyToRecord(tx, ctx, spec, lookup, valid, person);
  } catch (error) {
    if (error instanceof AppError)
      return rejected(
        row,
        externalRef,
        error.code,
        error.detail,
        (error.extra.rule as string | undefined) ?? null,
        (error.extra['existingId'] as string | undefined) ?? null,
      );
    if ((error as { code?: string }).code === TRANSFERRED)
      return rejected(row, externalRef, 'invalid-state', msg('http.transferred'));
    if (isOutage(error)) throw error;
    return rejected(row, externalRef, 'internal-error', msg('import.row-unexpected', { requestId: ctx.requestId }));
  }
}

/**
 * A valid row against the record its externalRef names: created when there is none, unchanged when
 * it holds these values, updated where the kind allows, refused otherwise (facts are corrected).
 */
async function applyToRecord(
  tx: Tx,
  ctx: RequestContext,
  spec: KindSpec,
  lookup: BatchLookup,
  { row, externalRef, body }: ValidRow,
  person: string | null,
): Promise<Verdict> {
  const stored = lookup.applied.has(externalRef!)
    ? (await existingByRef(tx, ctx.cpasId, spec, [externalRef!])).get(externalRef!)
    : lookup.records.get(externalRef!);
  lookup.applied.add(externalRef!);
  const existing = stored ? await spec.toExisting(tx, ctx, stored) : null;
  if (!existing) {
    const outcome = await spec.create(ctx, person, body);
    return applied(row, externalRef, 'created', (outcome.body as { id: string }).id);
  }
  if (spec.aboutPerson && existing.api['beneficiaryId'] !== person)
    return rejected(row, externalRef, 'duplicate-external-ref', msg('import.ref-of-another-person'), null, existing.id);
  if (Object.keys(changedFields(body, existing.api)).length === 0)
    return applied(row, externalRef, 'unchanged', existing.id);
  if (!spec.update)
    return rejected(
      row,
      externalRef,
      'duplicate-external-ref',
      msg('import.ref-other-values'),
      'R-CORRECT',
      existing.id,
    );
  await spec.update(ctx, existing, body);
  return applied(row, externalRef, 'updated', existing.id);
}

/** Runs the job from its next row to the end; returns when it completed or failed. */
export async function runJob(deps: ProcessorDeps, job: repo.JobRow & { payload: Buffer | null }): Promise<void> {
  const rows = await readJob(deps, job);
  if (!rows) return;
  const remaining = rows.filter((r) => r.rowNumber >= job.next_row);
  for (let i = 0; i < remaining.length; i += deps.batchSize)
    await runBatch(deps, job, remaining.slice(i, i + deps.batchSize), rows.length);
  await completeJob(deps, job, rows.length);
}

/** The job's rows, or null when its file cannot be read (the job then fails, saying why). */
async function readJob(deps: ProcessorDeps, job: repo.JobRow & { payload: Buffer | null }) {
  try {
    if (!job.payload) throw new Error('the file is no longer held');
    return readRows(job.kind, job.format, Buffer.from(job.payload));
  } catch (error) {
    const failure =
      error instanceof TypeError
        ? 'The file is not UTF-8 text'
        : `The file could not be read: ${(error as Error).message}`;
    await deps.database.unit(job.cpas_id, (tx) =>
      repo.finishJob(tx, job.cpas_id, job.id, { status: 'failed', totalRows: null, failure }),
    );
    return null;
  }
}

/** One batch in one transaction: its rows applied (new beneficiaries in bulk), its verdicts and the job's progress. */
async function runBatch(deps: ProcessorDeps, job: repo.JobRow, batch: ParsedRow[], totalRows: number): Promise<void> {
  const cpasId = job.cpas_id;
  const spec = KINDS[job.kind];
  await deps.database.unit(cpasId, async (tx) => {
    if (job.dry_run) await sql`savepoint dry_run`.execute(tx);
    const verdicts: Verdict[] = [];
    let ordinary = batch;
    if (job.kind === 'beneficiaries') {
      const fast = await createNewBeneficiaries(
        tx,
        { cpasId, actor: job.created_by, requestId: `import:${job.id}` },
        deps.today(),
        batch,
        validatorOf(job.kind),
      );
      for (const [row, created] of fast.created)
        verdicts.push(applied(row, created.externalRef, 'created', created.id));
      ordinary = fast.rest;
    }
    const lookup = await lookupBatch(tx, cpasId, spec, ordinary);
    const rowDatabase: Database = { ...deps.database, ...unitsWithin(tx, cpasId) };
    for (const parsed of ordinary) {
      const ctx: RequestContext = {
        // the row's units of work nest in the batch's transaction (savepoints)
        database: rowDatabase,
        accessLog: deps.accessLog,
        cpasId,
        actor: job.created_by,
        requestId: `import:${job.id}:${parsed.rowNumber}`,
        today: deps.today(),
        lang: 'en',
        deployment: deps.deployment,
        idempotency: null,
      };
      verdicts.push(await applyRow(tx, ctx, job.kind, spec, parsed, lookup));
    }
    if (job.dry_run) await sql`rollback to savepoint dry_run`.execute(tx);
    verdicts.sort((x, y) => x.row_number - y.row_number);
    const counts: Record<ImportVerdict, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    for (const v of verdicts) counts[v.verdict]++;
    await repo.insertVerdicts(
      tx,
      verdicts.map((v) => ({ ...v, cpas_id: cpasId, import_id: job.id })),
    );
    const nextRow = batch.at(-1)!.rowNumber + 1;
    await repo.advanceJob(tx, cpasId, job.id, { nextRow, totalRows, counts, leaseMs: deps.leaseMs });
  });
}

/** The job completed, with its import.completed event. */
async function completeJob(deps: ProcessorDeps, job: repo.JobRow, totalRows: number): Promise<void> {
  const cpasId = job.cpas_id;
  await deps.database.unit(cpasId, async (tx) => {
    await repo.finishJob(tx, cpasId, job.id, { status: 'completed', totalRows });
    const [done] = (await tx.executeQuery(repo.jobsQuery(tx, cpasId, { id: job.id }))).rows;
    const data = {
      id: job.id,
      kind: job.kind,
      dryRun: job.dry_run,
      created: done!.created,
      updated: done!.updated,
      unchanged: done!.unchanged,
      rejected: done!.rejected,
      record: repo.toImport(done!),
    };
    await appendChange(
      tx,
      { cpasId, actor: job.created_by, requestId: `import:${job.id}` },
      { action: 'update', entity: 'import', entityId: job.id, event: { type: 'import.completed', data } },
    );
  });
}
