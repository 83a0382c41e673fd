// The unit of work of a PIIS change: lock and read the whole file in one statement, check the
// If-Match and the status against the transition table, let the action write its facts, then
// derive the state that follows from the facts in force, move the revision on, and append the
// audit entry and the events — all in one transaction.
import type { Insertable } from 'kysely';
import type { Outcome, RequestContext } from '../../http/context.js';
import { AppError } from '../../http/problem.js';
import { writeUnit } from '../../http/work.js';
import { etagOf } from '../../http/etag.js';
import type { Tx } from '../../db/tenant.js';
import type { PiisTable } from '../../db/types.js';
import type { Refusal } from '../../rules/explained.js';
import { appendChange, type DomainEvent } from '../audit/audit.repository.js';
import { refreshDeadlines } from '../deadlines/deadlines.engine.js';
import * as repo from './piis.repository.js';
import { conclusion, deriveStage, statusOf, toFile, type PiisFile } from './piis.file.js';
import { transitions, type Action, type PiisStatus, CORRECTION_STATUSES } from './piis.transitions.js';
import type { FileRow, JsonRow } from './piis.repository.js';

/** A rule's refusal as the 422 problem of the contract's catalogue. */
export function refusalError(refusal: Refusal, extra: { errors?: Array<{ path: string; message: string }> } = {}): AppError {
  const errors = extra.errors ?? (refusal.path ? [{ path: refusal.path, message: refusal.explanation.slice(0, 500) }] : undefined);
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

const NOT_FOUND = () => new AppError('not-found', 'No such PIIS in your CPAS');

/**
 * Runs one action on one PIIS. `correction` marks a correcting record (R-CORRECT), allowed in
 * every status; otherwise the transition table decides.
 */
export async function changePiis<B>(
  ctx: RequestContext,
  piisId: string,
  action: Action,
  options: { ifMatch?: number; correction?: boolean },
  work: (unit: Unit) => Promise<UnitResult<B>>,
): Promise<Outcome<B>> {
  return writeUnit(ctx, async (tx) => {
    const raw = await repo.loadFileRow(tx, ctx.cpasId, piisId, { lock: true });
    if (!raw) throw NOT_FOUND();
    if (options.ifMatch !== undefined && options.ifMatch !== raw.version) {
      throw new AppError('precondition-failed', `The PIIS changed since you read it (current ETag ${etagOf(raw.version)})`);
    }
    const status = statusOf(raw, ctx.today);
    const allowed = options.correction ? CORRECTION_STATUSES : (transitions[action].from as readonly PiisStatus[]);
    if (!allowed.includes(status)) {
      throw new AppError('invalid-state', `${transitions[action].operationId} is not allowed while the PIIS is ${status} (allowed: ${allowed.join(', ')})`);
    }
    const stageBefore = raw.stage;
    const unit: Unit = { tx, ctx, raw, file: toFile(raw), status };
    const result = await work(unit);
    const after = toFile(unit.raw);
    const stage = deriveStage({ ...after, piis: { ...after.piis, ...(result.changes ?? {}) } as PiisFile['piis'] });
    const derived = { ...(result.changes ?? {}), stage, signed_on: conclusion(after) };
    const updated = await repo.updatePiis(tx, ctx.cpasId, piisId, raw.version, derived);
    if (!updated) throw new AppError('precondition-failed', 'The PIIS changed since you read it');
    Object.assign(unit.raw, derived, { version: raw.version + 1, updated_at: updated.updated_at });
    // jsonb columns travel as JSON text when written; the file holds them as values
    for (const key of ['assisted_by', 'reflection_waiver'] as const) {
      const v = unit.raw[key] as unknown;
      if (typeof v === 'string') (unit.raw as unknown as Record<string, unknown>)[key] = JSON.parse(v);
    }
    const events = stage === 'signed' && stageBefore !== 'signed' ? [...result.events, { type: 'piis.signed', data: { piisId, signedOn: derived.signed_on } }] : result.events;
    // the deadline engine: the person's deadlines follow the facts just changed
    await refreshDeadlines(tx, ctx.cpasId, ctx.today, [raw.beneficiary_id]);
    await repo.keepRenderedFiles(tx, ctx.cpasId, { piisId });
    const [first, ...rest] = events.map((e) => ({ ...e, entity: 'piis', entityId: piisId }));
    await appendChange(tx, ctx, { ...result.audit, event: first!, alsoEmit: rest });
    const answer = result.respond(toFile(unit.raw));
    const headers: Record<string, string> = { etag: etagOf(raw.version + 1) };
    if (answer.location) headers['location'] = answer.location;
    return { status: answer.status, body: answer.body, headers };
  });
}

/** Adds a row written by an action to the raw file (or replaces it when it was there). */
export function remember(raw: FileRow, list: keyof Pick<FileRow, 'hearing_requests' | 'signatures' | 'evaluations' | 'interview_requests' | 'notices' | 'subsidy_extension_requests' | 'person_sanctions' | 'versions'>, row: JsonRow): void {
  const rows = raw[list];
  const i = rows.findIndex((r) => r.id === row.id);
  if (i >= 0) rows[i] = row;
  else rows.push(row);
}
