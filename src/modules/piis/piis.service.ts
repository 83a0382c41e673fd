// PIIS drafts and reads: create (draft, version 1), update the draft under If-Match, read one PIIS
// with its computed dates (one statement), list, versions as signed, timeline, and the lists of
// its records. Reads log their access.
import type { Outcome, RequestContext } from '../../core/context.js';
import { created, ok } from '../../core/context.js';
import { readUnit, recordAccess, writeUnit } from '../../core/work.js';
import { AppError } from '../../core/problem.js';
import { assertCalendarDate, assertFactDate } from '../../core/guards.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { etagOf } from '../../core/etag.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Tx } from '../../db/tenant.js';
import { toIsoInstant } from '../../db/database.js';
import {
  checkActivationCategory,
  checkDuration,
  checkSocialActivation,
  type PiisContent,
} from '../../rules/content.js';
import { appendChange } from '../../core/audit-append.js';
import { refreshDeadlines } from '../deadlines/index.js';
import { findIdBy } from '../beneficiaries/index.js';
import * as repo from './piis.repository.js';
import { toFile, type PiisFile } from './piis.file.js';
import { toPiis, toVersions, views, sanctionView } from './piis.view.js';
import { assertNoRefusal, changePiis, remember } from './piis.unit.js';
import {
  contentKeys,
  type FactListQuery,
  type Piis,
  type PiisCreateBody,
  type PiisListQuery,
  type PiisPatchBody,
  type PiisVersion,
} from './piis.schemas.js';
import { msg, type Lang } from '../../i18n/catalogue.js';

const NOT_FOUND = () => new AppError('not-found', msg('not-found.piis'));

/** The content fields of a body, without the absent ones. */
function contentOf(body: Partial<Record<string, unknown>>): PiisContent {
  return Object.fromEntries(contentKeys.filter((k) => body[k] !== undefined).map((k) => [k, body[k]])) as PiisContent;
}

/**
 * Checks every draft must pass: real dates, a duration that is one, a category its draft date allows and its content
 * supports.
 */
export function checkDraftContent(content: PiisContent, draftedOn: string): void {
  assertCalendarDate(content.startsOn, '/body/startsOn');
  assertCalendarDate(content.endsOn, '/body/endsOn');
  content.objectives?.forEach((o, i) => assertCalendarDate(o.dueOn, `/body/objectives/${i}/dueOn`));
  assertNoRefusal(checkDuration(content));
  assertNoRefusal(checkActivationCategory(content.activationCategory, draftedOn));
  assertNoRefusal(checkSocialActivation(content));
}

async function assertReferences(
  tx: Tx,
  ctx: RequestContext,
  beneficiaryId: string,
  refs: { baselineAssessmentId?: string | null; reusesPiisId?: string | null },
  selfId?: string,
): Promise<void> {
  if (refs.baselineAssessmentId) {
    const a = await tx
      .selectFrom('assessment')
      .select('id')
      .where('cpas_id', '=', ctx.cpasId)
      .where('id', '=', refs.baselineAssessmentId)
      .where('beneficiary_id', '=', beneficiaryId)
      .where('voided_at', 'is', null)
      .executeTakeFirst();
    if (!a)
      throw new AppError('invalid-reference', msg('piis.baseline-unknown'), {
        rule: 'R-ASSESS-BASELINE',
        errors: [{ path: '/body/baselineAssessmentId', message: msg('piis.no-such-assessment') }],
      });
  }
  if (refs.reusesPiisId) {
    const p = await repo.findPiisIdBy(tx, ctx.cpasId, { id: refs.reusesPiisId });
    if (!p || p.beneficiary_id !== beneficiaryId || p.id === selfId) {
      throw new AppError('invalid-reference', msg('piis.reuses-unknown'), {
        rule: 'R-REUSE',
        errors: [{ path: '/body/reusesPiisId', message: msg('piis.no-earlier') }],
      });
    }
  }
}

const duplicateRef = (error: unknown): never => {
  if (uniqueViolation(error) !== null)
    throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'piis' }));
  throw error;
};

export async function loadFile(tx: Tx, ctx: RequestContext, piisId: string): Promise<PiisFile> {
  const row = await repo.loadFileRow(tx, ctx.cpasId, piisId);
  if (!row) throw NOT_FOUND();
  return toFile(row);
}

export async function createPiis(
  ctx: RequestContext,
  beneficiaryId: string,
  body: PiisCreateBody,
): Promise<Outcome<Piis>> {
  assertFactDate(body.draftedOn, ctx.today, '/body/draftedOn');
  const content = contentOf(body);
  checkDraftContent(content, body.draftedOn);
  return writeUnit(ctx, async (tx) => {
    if (!(await findIdBy(tx, ctx.cpasId, { id: beneficiaryId })))
      throw new AppError('not-found', msg('not-found.beneficiary'));
    await assertReferences(tx, ctx, beneficiaryId, body);
    const id = uuidv7();
    await repo.insertPiis(tx, {
      cpas_id: ctx.cpasId,
      id,
      beneficiary_id: beneficiaryId,
      track: body.track,
      obligation: body.obligation,
      drafted_on: body.draftedOn,
      starts_on: content.startsOn ?? null,
      ends_on: content.endsOn ?? null,
      baseline_assessment_id: body.baselineAssessmentId ?? null,
      reuses_piis_id: body.reusesPiisId ?? null,
      external_ref: body.externalRef ?? null,
      created_by: ctx.actor,
    });
    await repo.insertVersion(tx, {
      cpas_id: ctx.cpasId,
      id: uuidv7(),
      piis_id: id,
      version: 1,
      kind: 'initial',
      content: JSON.stringify(content),
      created_by: ctx.actor,
    });
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'piis',
      entityId: id,
      event: { type: 'piis.created', data: { piisId: id, beneficiaryId, version: 1 } },
    });
    await refreshDeadlines(tx, ctx.cpasId, ctx.today, [beneficiaryId]);
    await repo.keepRenderedFiles(tx, ctx.cpasId, { piisId: id });
    const piis = toPiis(await loadFile(tx, ctx, id), ctx.today, ctx.lang);
    return created(piis, `/v1/piis/${id}`, etagOf(piis.revision));
  }).catch(duplicateRef);
}

export async function updatePiisDraft(
  ctx: RequestContext,
  piisId: string,
  ifMatch: number,
  patch: PiisPatchBody,
): Promise<Outcome<Piis>> {
  if (patch.draftedOn) assertFactDate(patch.draftedOn, ctx.today, '/body/draftedOn');
  return changePiis(ctx, piisId, 'updateDraft', { ifMatch }, async ({ tx, raw, file }) => {
    const v1 = file.versions[0]!;
    const merged: Record<string, unknown> = { ...v1.content };
    for (const k of contentKeys) {
      const value = (patch as Record<string, unknown>)[k];
      if (value === null) delete merged[k];
      else if (value !== undefined) merged[k] = value;
    }
    const draftedOn = patch.draftedOn ?? raw.drafted_on;
    checkDraftContent(merged as PiisContent, draftedOn);
    await assertReferences(tx, ctx, raw.beneficiary_id, patch, piisId);
    remember(raw, 'versions', await repo.updateVersionContent(tx, ctx.cpasId, piisId, 1, JSON.stringify(merged)));
    const changes = {
      ...(patch.track !== undefined ? { track: patch.track } : {}),
      ...(patch.obligation !== undefined ? { obligation: patch.obligation } : {}),
      ...(patch.draftedOn !== undefined ? { drafted_on: patch.draftedOn } : {}),
      ...(patch.baselineAssessmentId !== undefined ? { baseline_assessment_id: patch.baselineAssessmentId } : {}),
      ...(patch.reusesPiisId !== undefined ? { reuses_piis_id: patch.reusesPiisId } : {}),
      ...(patch.externalRef !== undefined ? { external_ref: patch.externalRef } : {}),
      starts_on: (merged['startsOn'] as string | undefined) ?? null,
      ends_on: (merged['endsOn'] as string | undefined) ?? null,
    };
    Object.assign(raw, changes);
    return {
      changes,
      audit: { action: 'update', entity: 'piis', entityId: piisId },
      events: [{ type: 'piis.updated', data: { piisId, fields: Object.keys(patch) } }],
      respond: (after) => ({ status: 200, body: toPiis(after, ctx.today, ctx.lang) }),
    };
  }).catch(duplicateRef);
}

export async function getPiis(ctx: RequestContext, piisId: string): Promise<Outcome<Piis>> {
  const [found] = await ctx.database.read(ctx.cpasId, repo.fileQuery(ctx.database.db, ctx.cpasId, piisId));
  if (!found) throw NOT_FOUND();
  const row = repo.toFileRow(found.file);
  await recordAccess(ctx, 'piis', [row]);
  const piis = toPiis(toFile(row), ctx.today, ctx.lang);
  return ok(piis, etagOf(piis.revision));
}

export async function listPiis(ctx: RequestContext, query: PiisListQuery) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  const status = query.status;
  const stage = status === 'active' ? 'signed' : status;
  const startedBy =
    status === 'active'
      ? { today: ctx.today, started: true }
      : status === 'signed'
        ? { today: ctx.today, started: false }
        : undefined;
  const rows = await readUnit(ctx, async (tx) => {
    const ids = (
      await tx.executeQuery(
        repo.listPiisQuery(tx, ctx.cpasId, {
          stage,
          startedBy,
          beneficiaryId: query.beneficiaryId,
          externalRef: query.externalRef,
          afterId,
          limit: limit + 1,
        }),
      )
    ).rows.map((r) => r.id);
    if (ids.length === 0) return [];
    return (await tx.executeQuery(repo.fileQuery(tx, ctx.cpasId, ids))).rows.map((r) => repo.toFileRow(r.file));
  });
  const page = pageOf(rows, limit);
  await recordAccess(ctx, 'piis', page.items);
  return { items: page.items.map((r) => toPiis(toFile(r), ctx.today, ctx.lang)), nextCursor: page.nextCursor };
}

/** A PIIS file, its access not yet recorded: for a caller that records it its own way (a download). */
export async function readFileUnaudited(ctx: RequestContext, piisId: string): Promise<PiisFile> {
  const [found] = await ctx.database.read(ctx.cpasId, repo.fileQuery(ctx.database.db, ctx.cpasId, piisId));
  if (!found) throw NOT_FOUND();
  return toFile(repo.toFileRow(found.file));
}

export async function readFile(ctx: RequestContext, piisId: string): Promise<PiisFile> {
  const file = await readFileUnaudited(ctx, piisId);
  await recordAccess(ctx, 'piis', [file.piis]);
  return file;
}

export async function listVersions(
  ctx: RequestContext,
  piisId: string,
): Promise<{ items: PiisVersion[]; nextCursor: null }> {
  return { items: toVersions(await readFile(ctx, piisId)), nextCursor: null };
}

export async function getVersion(ctx: RequestContext, piisId: string, version: number): Promise<Outcome<PiisVersion>> {
  const found = toVersions(await readFile(ctx, piisId)).find((v) => v.version === version);
  if (!found) throw new AppError('not-found', msg('not-found.version', { version }));
  return ok(found);
}

export async function getTimeline(ctx: RequestContext, piisId: string, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  const rows = await readUnit(ctx, async (tx) => {
    if (!(await repo.findPiisIdBy(tx, ctx.cpasId, { id: piisId }))) throw NOT_FOUND();
    return (await tx.executeQuery(repo.timelineQuery(tx, ctx.cpasId, piisId, { afterId, limit: limit + 1 }))).rows;
  });
  await recordAccess(ctx, 'piis', [{ id: piisId }]);
  const page = pageOf(rows, limit);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      type: r.type,
      occurredAt: toIsoInstant(r.occurred_at),
      actor: r.actor,
      data: r.data as Record<string, unknown>,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The records of one kind of a PIIS: those in force, or all with includeVoided. */
export const recordLists = {
  hearings: (f: PiisFile) => f.hearings.map(views.hearing),
  signatures: (f: PiisFile) => f.signatures.map(views.signature),
  evaluations: (f: PiisFile) => f.evaluations.map(views.evaluation),
  interviews: (f: PiisFile, lang: Lang) => f.interviews.map((x) => views.interview(x, lang)),
  notices: (f: PiisFile) => f.notices.map(views.notice),
  sanctions: (f: PiisFile, lang: Lang) => f.sanctions.map((s) => sanctionView(s, f.personSanctionDecisions, lang)),
  extensions: (f: PiisFile, lang: Lang) => f.extensions.map((x) => views.extension(x, f, lang)),
};

/** One record of a PIIS by id, voided or not; 404 when the PIIS (in the caller's CPAS) has none such. */
export async function getRecord(ctx: RequestContext, piisId: string, kind: keyof typeof recordLists, recordId: string) {
  const all = recordLists[kind](await readFile(ctx, piisId), ctx.lang) as Array<{ id: string }>;
  const found = all.find((r) => r.id === recordId);
  if (!found) throw new AppError('not-found', msg('not-found.record'));
  return found;
}

export async function listRecords(
  ctx: RequestContext,
  piisId: string,
  kind: keyof typeof recordLists,
  query: FactListQuery,
) {
  const limit = query.limit ?? 50;
  const afterId = decodeCursor(query.cursor);
  const all = recordLists[kind](await readFile(ctx, piisId), ctx.lang) as Array<{
    id: string;
    inForce: boolean;
    externalRef: string | null;
  }>;
  const rows = all
    .filter(
      (r) =>
        (query.includeVoided || r.inForce) &&
        (query.externalRef === undefined || r.externalRef === query.externalRef) &&
        (afterId === null || r.id > afterId),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return pageOf(rows.slice(0, limit + 1), limit);
}
