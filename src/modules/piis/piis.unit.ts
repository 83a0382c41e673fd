// The unit of work of a PIIS change: lock and read the whole file first (it travels with the
// transaction's begin), check the If-Match and the status against the transition table, let the
// action write its facts, then derive the state that follows from the facts in force, render the
// file, and queue the row's update, the deadlines, the audit entry and the events to travel with
// the commit — one transaction, and for most actions three round trips.
import type { Insertable } from 'kysely';
import type { Outcome, RequestContext } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/problem.js';
import { writeUnit } from '../../core/work.js';
import { etagOf } from '../../core/etag.js';
import { queueWrite, type Tx } from '../../db/tenant.js';
import type { PiisTable } from '../../db/types.js';
import type { Refusal } from '../../rules/explained.js';
import { appendChangeQuery, type DomainEvent } from '../../core/audit-append.js';
import { deadlinesStatement, piisDeadlinesStatement } from '../deadlines/index.js';
import * as repo from './piis.repository.js';
import { conclusion, deadlineFactsOf, deriveStage, statusOf, toFile, type PiisFile } from './piis.file.js';
import { transitions, type Action, type PiisStatus, CORRECTION_STATUSES } from './piis.transitions.js';
import type { FileJson, FileRow, JsonRow } from './piis.repository.js';
import { msg } from '../../i18n/catalogue.js';

/** A rule's refusal as the 422 problem of the contract's catalogue. */
export function refusalError(refusal: Refusal, extra: { errors?: FieldError[] } = {}): AppError {
  const errors = extra.errors ?? (refusal.path ? [{ path: refusal.path, message: refusal.explanation }] : undefined);
  return new AppError(refusal.code, refusal.explanation, { rule: refusal.rule, ...(errors ? { errors } : {}) });
}

export function assertNoRefusal(refusal: Refusal | null): void {
  if (refusal) throw refusalError(refusal);
}

export interface Unit {
  tx: Tx;
  ctx: RequestContext;
  /** the raw file; actions add the rows they write so that derived state sees them */
  raw: FileRow;
  file: PiisFile;
  status: PiisStatus;
}

export interface UnitResult<B> {
  /** what the PIIS row changes besides the derived stage and conclusion */
  changes?: Partial<Insertable<PiisTable>>;
  audit: { action: 'create' | 'update' | 'transition' | 'void'; entity: string; entityId: string };
  events: DomainEvent[];
  /** the answer, from the file as it stands after the change */
  respond(file: PiisFile): { status: 200 | 201; body: B; location?: string };
}

const NOT_FOUND = () => new AppError('not-found', msg('not-found.piis'));

/**
 * Runs one action on one PIIS. `correction` marks a correcting record (R-CORRECT), allowed in
 * every status; otherwise the transition table decides.
 */
export async function changePiis<B>(
  ctx: RequestContext,
  piisId: string,
  action: Action,
  // ifMatch is required (undefined when the request carried none): no action can forget it
  options: { ifMatch: number | undefined; correction?: boolean },
  work: (unit: Unit) => Promise<UnitResult<B>>,
): Promise<Outcome<B>> {
  return writeUnit(ctx, async (tx) => {
    const lock = repo.fileQuery(tx, ctx.cpasId, piisId, { lock: true });
    const [locked] = (await tx.executeQuery(lock)).rows as repo.LockedFile[];
    if (!locked) throw NOT_FOUND();
    const json = locked.file;
    const raw = repo.toFileRow(json);
    const revision = raw.version;
    if (options.ifMatch !== undefined && options.ifMatch !== revision) {
      throw new AppError('precondition-failed', msg('conflict.changed', { entity: 'piis', etag: etagOf(revision) }));
    }
    const status = statusOf(raw, ctx.today);
    const allowed = options.correction ? CORRECTION_STATUSES : (transitions[action].from as readonly PiisStatus[]);
    if (!allowed.includes(status)) {
      throw new AppError(
        'invalid-state',
        msg('piis.action-not-allowed', {
          action: transitions[action].operationId,
          status,
          allowed: allowed.join(', '),
        }),
      );
    }
    const before = { stage: raw.stage, signedOn: raw.signed_on };
    const unit: Unit = { tx, ctx, raw, file: toFile(raw), status };
    const result = await work(unit);
    const changed = toFile(unit.raw);
    const stage = deriveStage({
      ...changed,
      piis: { ...changed.piis, ...(result.changes ?? {}) } as PiisFile['piis'],
    });
    const derived = { ...(result.changes ?? {}), stage, signed_on: conclusion(changed) };
    const values = jsonValues(derived);
    // the file as it stands after the change, rendered here and kept on the row by the same update
    const rendered = { ...pickLists(unit.raw, json), piis: { ...json.piis, ...values, version: revision + 1 } };
    Object.assign(unit.raw, values, { version: revision + 1, updated_at: locked.now });
    const after = toFile(unit.raw);
    // what is left to write travels with the commit: the row, the deadlines, the audit and events.
    // The deadline engine: the deadlines follow the facts just changed — this PIIS's own, or the
    // person's when the conclusion date (which their conclusion deadline follows) moved; those
    // are read back from the database, so the row is written first.
    const update = repo.updatePiisQuery(tx, ctx.cpasId, piisId, revision, derived, rendered);
    if (derived.signed_on !== before.signedOn) {
      await tx.executeQuery(update);
      await queueWrite(tx, await deadlinesStatement(tx, ctx.cpasId, ctx.today, [raw.beneficiary_id]));
    } else {
      await queueWrite(tx, update);
      await queueWrite(tx, piisDeadlinesStatement(tx, ctx.cpasId, ctx.today, deadlineFactsOf(after)));
    }
    const events =
      stage === 'signed' && before.stage !== 'signed'
        ? [...result.events, { type: 'piis.signed', data: { piisId, signedOn: derived.signed_on } }]
        : result.events;
    const [first, ...rest] = events.map((e) => ({ ...e, entity: 'piis', entityId: piisId }));
    await queueWrite(tx, appendChangeQuery(tx, ctx, { ...result.audit, event: first!, alsoEmit: rest }));
    const answer = result.respond(after);
    const headers: Record<string, string> = { etag: etagOf(revision + 1) };
    if (answer.location) headers['location'] = answer.location;
    return { status: answer.status, body: answer.body, headers };
  });
}

/** Changes as the row holds them: jsonb columns travel as JSON text when written, the file holds their values. */
function jsonValues<T extends Partial<Insertable<PiisTable>>>(changes: T): T {
  const out: Record<string, unknown> = { ...changes };
  for (const key of ['assisted_by', 'reflection_waiver'] as const) {
    if (typeof out[key] === 'string') out[key] = JSON.parse(out[key]);
  }
  return out as T;
}

/** The lists of a file (every key the database renders but the PIIS row), as the unit holds them now. */
function pickLists(raw: FileRow, rendered: FileJson): Omit<FileJson, 'piis'> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(rendered)) if (key !== 'piis') out[key] = raw[key as keyof FileRow];
  return out as Omit<FileJson, 'piis'>;
}

/** Adds a row written by an action to the raw file (or replaces it when it was there). */
export function remember(
  raw: FileRow,
  list: keyof Pick<
    FileRow,
    | 'hearing_requests'
    | 'signatures'
    | 'evaluations'
    | 'interview_requests'
    | 'notices'
    | 'subsidy_extension_requests'
    | 'person_sanctions'
    | 'versions'
  >,
  row: JsonRow,
): void {
  const rows = raw[list];
  const i = rows.findIndex((r) => r.id === row.id);
  if (i >= 0) rows[i] = row;
  else rows.push(row);
}
