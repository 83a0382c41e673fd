// Plain functions over the PIIS tables. The whole file of a PIIS — its row, versions, lifecycle
// facts and the beneficiary's facts the rules need — is read by one statement (one round trip),
// optionally locking the PIIS row for a change. Queries name their CPAS besides row-level security.
import { type CompiledQuery, type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/tenant.js';
import type { PiisTable, PiisVersionTable } from '../../db/types.js';
import { toIsoInstant } from '../../db/database.js';

export type PiisFactTable =
  | 'piis_hearing_request'
  | 'piis_signature'
  | 'piis_evaluation'
  | 'piis_interview_request'
  | 'piis_notice'
  | 'piis_sanction'
  | 'piis_subsidy_extension_request';

export type PiisRow = Selectable<PiisTable>;
export type VersionRow = Selectable<PiisVersionTable>;
/** A row as json_agg renders it: snake_case keys, dates as strings, instants in PostgreSQL's JSON form. */
export type JsonRow = Record<string, unknown> & {
  id: string;
  supersedes_id?: string | null;
  voided_at?: string | null;
};

export interface FileRow extends PiisRow {
  birth_date: string | null;
  versions: JsonRow[];
  hearing_requests: JsonRow[];
  signatures: JsonRow[];
  evaluations: JsonRow[];
  interview_requests: JsonRow[];
  notices: JsonRow[];
  subsidy_extension_requests: JsonRow[];
  /** every sanction of the beneficiary, whatever the PIIS (R-SANCTION-LENGTH repeats) */
  person_sanctions: JsonRow[];
  rights: JsonRow[];
  situations: JsonRow[];
  assessments: JsonRow[];
  exemptions: JsonRow[];
}

/** The file of each PIIS named, as the database function piis_file builds it (one JSON document each). */
export interface FileJson extends Omit<FileRow, keyof PiisRow | 'birth_date'> {
  piis: PiisRow;
  birth_date: string | null;
}

/**
 * The files of these PIIS: the rendered file kept on the row, or, when the person's facts cleared
 * it, one call of piis_file(), whose plan PostgreSQL keeps per connection (planning the file's
 * dozen sub-queries costs more than running them). A lock is for a change of the PIIS, which
 * also reads the transaction's now() (the instant its writes carry).
 */
export function fileQuery(
  tx: Tx,
  cpasId: string,
  piisIds: string | string[],
  options: { lock?: boolean } = {},
): CompiledQuery<{ file: FileJson }> {
  const ids = sql.join((Array.isArray(piisIds) ? piisIds : [piisIds]).map((id) => sql`${id}::uuid`));
  return sql<{ file: FileJson }>`
    select coalesce(p.file_doc::json, (select f from piis_file(p.cpas_id, array[p.id], false) f)) as
      file${options.lock ? sql`, now() as now` : sql``}
    from piis p where p.cpas_id = ${cpasId}::uuid and p.id in (${ids}) order by p.id${
      options.lock
        ? sql` for update
      of p`
        : sql``
    }`.compile(tx);
}

/** Renders and keeps the file of these PIIS (the last statement of a unit of work that changed them). */
export async function keepRenderedFiles(
  tx: Tx,
  cpasId: string,
  where: { piisId: string } | { beneficiaryIds: readonly string[] },
): Promise<void> {
  const filter =
    'piisId' in where
      ? sql`p.id = ${where.piisId}::uuid`
      : sql`p.beneficiary_id in (${sql.join(where.beneficiaryIds.map((id) => sql`${id}::uuid`))})`;
  await sql`update piis p set file_doc = (select to_jsonb(f) from piis_file(p.cpas_id, array[p.id], false) f)
            where p.cpas_id = ${cpasId}::uuid and ${filter}`.execute(tx);
}

/**
 * A file as the rest of the service reads it: the PIIS row's instants in RFC 3339, as pg's parsers
 * give them. A new object (the unit of work renders the file again from `json.piis`), built by
 * assignment: `{ ...piis, …, ...rest }` took V8's generic path, 25 µs a file.
 */
export function toFileRow(json: FileJson): FileRow {
  const row = Object.assign({}, json.piis) as FileRow;
  row.created_at = toIsoInstant(row.created_at);
  row.updated_at = toIsoInstant(row.updated_at);
  for (const key in json)
    if (key !== 'piis') (row as unknown as Record<string, unknown>)[key] = json[key as keyof FileJson];
  return row;
}

export async function loadFileRow(tx: Tx, cpasId: string, piisId: string): Promise<FileRow | undefined> {
  const file = (await tx.executeQuery(fileQuery(tx, cpasId, piisId))).rows[0]?.file;
  return file && toFileRow(file);
}

/** The file and the transaction's now() as the locking fileQuery answers them. */
export type LockedFile = { file: FileJson; now: string };

export async function insertPiis(tx: Tx, row: Insertable<PiisTable>): Promise<void> {
  await tx.insertInto('piis').values(row).execute();
}

/** A written row in its JSON form, as json_agg renders it in a file (so that a kept file equals a fresh one). */
const asJson = (table: string) => sql<JsonRow>`to_json(${sql.table(table)}.*)`.as('row');

export async function insertVersion(tx: Tx, row: Insertable<PiisVersionTable>): Promise<JsonRow> {
  return (await tx.insertInto('piis_version').values(row).returning(asJson('piis_version')).executeTakeFirstOrThrow())
    .row;
}

export async function updateVersionContent(
  tx: Tx,
  cpasId: string,
  piisId: string,
  version: number,
  content: string,
): Promise<JsonRow> {
  return (
    await tx
      .updateTable('piis_version')
      .set({ content })
      .where('cpas_id', '=', cpasId)
      .where('piis_id', '=', piisId)
      .where('version', '=', version)
      .returning(asJson('piis_version'))
      .executeTakeFirstOrThrow()
  ).row;
}

/**
 * Applies a change to the PIIS row, moves its revision on and keeps the file rendered by the
 * change (its row's updated_at set to the same now()). The caller holds the row's lock, taken at
 * that revision.
 */
export function updatePiisQuery(
  tx: Tx,
  cpasId: string,
  id: string,
  revision: number,
  changes: Partial<Insertable<PiisTable>>,
  rendered: Omit<FileJson, 'piis'> & { piis: Record<string, unknown> },
): CompiledQuery {
  const fileDoc = sql`jsonb_set(${JSON.stringify(rendered)}::jsonb, '{piis,updated_at}', to_jsonb(now()))`;
  return tx
    .updateTable('piis')
    .set({
      ...changes,
      version: sql<number>`version + 1` as unknown as number,
      updated_at: sql<string>`now()` as unknown as string,
      file_doc: fileDoc as never,
    })
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .where('version', '=', revision)
    .compile();
}

export function listPiisQuery(
  tx: Tx,
  cpasId: string,
  filter: {
    stage?: PiisRow['stage'];
    startedBy?: { today: string; started: boolean };
    beneficiaryId?: string;
    externalRef?: string;
    afterId: string | null;
    limit: number;
  },
): CompiledQuery<{ id: string }> {
  let q = tx.selectFrom('piis').select('id').where('cpas_id', '=', cpasId);
  if (filter.stage) q = q.where('stage', '=', filter.stage);
  if (filter.startedBy) {
    const { today, started } = filter.startedBy;
    q = started
      ? q.where('starts_on', '<=', today)
      : q.where((eb) => eb.or([eb('starts_on', '>', today), eb('starts_on', 'is', null)]));
  }
  if (filter.beneficiaryId) q = q.where('beneficiary_id', '=', filter.beneficiaryId);
  if (filter.externalRef) q = q.where('external_ref', '=', filter.externalRef);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  return q.orderBy('id').limit(filter.limit).compile();
}

export async function findPiisIdBy(
  tx: Tx,
  cpasId: string,
  by: { id?: string; externalRef?: string },
): Promise<{ id: string; beneficiary_id: string } | undefined> {
  let q = tx.selectFrom('piis').select(['id', 'beneficiary_id']).where('cpas_id', '=', cpasId);
  if (by.id) q = q.where('id', '=', by.id);
  if (by.externalRef) q = q.where('external_ref', '=', by.externalRef);
  return q.executeTakeFirst();
}

/** Inserts a lifecycle record; answers the row as written. */
export async function insertRecord(tx: Tx, table: PiisFactTable, row: Record<string, unknown>): Promise<JsonRow> {
  return (
    await tx
      .insertInto(table as 'piis_notice')
      .values(row as never)
      .returning(asJson(table))
      .executeTakeFirstOrThrow()
  ).row;
}

/**
 * Writes the outcome of a request once (a hearing held or withdrawn, an interview held); the row as written, or
 * undefined when it had one.
 */
export async function setOutcome(
  tx: Tx,
  table: 'piis_hearing_request' | 'piis_interview_request',
  cpasId: string,
  id: string,
  set: Record<string, string>,
): Promise<JsonRow | undefined> {
  const result = await tx
    .updateTable(table as 'piis_hearing_request')
    .set(set)
    .where('cpas_id', '=', cpasId)
    .where('id', '=', id)
    .where('held_on', 'is', null)
    .where('voided_at', 'is', null)
    .where((eb) => (table === 'piis_hearing_request' ? eb('withdrawn_on', 'is', null) : eb.val(true)))
    .returning(asJson(table))
    .executeTakeFirst();
  return result?.row;
}

/** Voids a fact once; the row as written, or undefined when it was void already. */
export async function voidFact(
  tx: Tx,
  table: PiisFactTable,
  cpasId: string,
  piisId: string,
  id: string,
  by: { reason: string; actor: string },
): Promise<JsonRow | undefined> {
  const result = await tx
    .updateTable(table as 'piis_notice')
    .set({ voided_at: sql<string>`now()` as unknown as string, void_reason: by.reason, voided_by: by.actor })
    .where('cpas_id', '=', cpasId)
    .where('piis_id', '=', piisId)
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .returning(asJson(table))
    .executeTakeFirst();
  return result?.row;
}

/** The events of one PIIS from the outbox, in the order they were recorded. */
export function timelineQuery(
  tx: Tx,
  cpasId: string,
  piisId: string,
  filter: { afterId: string | null; limit: number },
) {
  let q = tx
    .selectFrom('outbox_event')
    .select(['id', 'type', 'occurred_at', 'actor', 'data'])
    .where('cpas_id', '=', cpasId)
    .where('entity', '=', 'piis')
    .where('entity_id', '=', piisId);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  return q.orderBy('id').limit(filter.limit).compile();
}
