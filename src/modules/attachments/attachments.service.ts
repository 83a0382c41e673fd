// Evidence attachments (uploadAttachment, getAttachment, getAttachmentContent, listAttachments):
// a PDF or image up to 10 MB proving a PIIS or one of its facts; its type is read from its bytes
// and must be the one declared; stored with its SHA-256 in the unit of work that audits it.
import { createHash } from 'node:crypto';
import { created, ok, type Outcome, type RequestContext } from '../../core/context.js';
import { decodeCursor, pageOf } from '../../core/cursor.js';
import { AppError } from '../../core/problem.js';
import { readUnit, recordAccess, recordExport, writeUnit } from '../../core/work.js';
import { uuidv7 } from '../../db/ids.js';
import { uniqueViolation } from '../../db/errors.js';
import { appendChange } from '../../core/audit-append.js';
import { findPiisIdBy } from '../piis/index.js';
import { sniffType } from './content-type.js';
import type { Attachment, UploadQuery } from './attachments.schemas.js';
import * as repo from './attachments.repository.js';
import { msg } from '../../i18n/catalogue.js';

const NO_ATTACHMENT = () => new AppError('not-found', msg('not-found.attachment'));

export async function uploadAttachment(
  ctx: RequestContext,
  query: UploadQuery,
  bytes: Buffer,
  declared: string,
): Promise<Outcome<Attachment>> {
  if (bytes.length === 0)
    throw new AppError('validation-failed', msg('file.empty'), {
      errors: [{ path: '/body', message: msg('file.is-empty') }],
    });
  const found = sniffType(bytes);
  if (found !== declared) {
    throw new AppError(
      'unsupported-media-type',
      found ? msg('file.type-mismatch', { found, declared }) : msg('file.type-unknown', { declared }),
    );
  }
  const tables = repo.FACT_TABLES[query.purpose];
  if (tables.length === 0 && query.factId) {
    throw new AppError('validation-failed', msg('file.no-fact-for-purpose', { purpose: query.purpose }), {
      errors: [{ path: 'factId', message: msg('file.fact-not-expected') }],
    });
  }
  if ((query.purpose === 'notice_delivery' || query.purpose === 'hearing_minutes') && !query.factId) {
    throw new AppError('validation-failed', msg('file.fact-for-purpose', { purpose: query.purpose }), {
      errors: [{ path: 'factId', message: msg('file.fact-required') }],
    });
  }
  return writeUnit(ctx, async (tx) => {
    if (!(await findPiisIdBy(tx, ctx.cpasId, { id: query.piisId })))
      throw new AppError('not-found', msg('not-found.piis'));
    if (query.factId && !(await repo.factOfPiis(tx, ctx.cpasId, query.piisId, query.factId, tables))) {
      throw new AppError('not-found', msg('not-found.proof-target', { target: tables.join(', ') }));
    }
    const id = uuidv7();
    await repo.insertAttachment(
      tx,
      {
        cpas_id: ctx.cpasId,
        id,
        piis_id: query.piisId,
        fact_id: query.factId ?? null,
        purpose: query.purpose,
        media_type: found,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        file_name: query.fileName ?? null,
        uploaded_by: ctx.actor,
        external_ref: query.externalRef ?? null,
        content_removed_at: null,
      },
      bytes,
    );
    await appendChange(tx, ctx, {
      action: 'create',
      entity: 'attachment',
      entityId: id,
      event: {
        type: 'piis.attachment_added',
        data: { piisId: query.piisId, attachmentId: id, purpose: query.purpose, factId: query.factId ?? null },
        entity: 'piis',
        entityId: query.piisId,
      },
    });
    const [row] = (await tx.executeQuery(repo.attachmentsQuery(tx, ctx.cpasId, { id }))).rows;
    return created(toAttachment(row!), `/v1/attachments/${id}`, `"${row!.sha256}"`);
  }).catch((error) => {
    if (uniqueViolation(error) !== null)
      throw new AppError('duplicate-external-ref', msg('conflict.external-ref', { entity: 'attachment' }));
    throw error;
  });
}

export async function getAttachment(ctx: RequestContext, attachmentId: string): Promise<Outcome<Attachment>> {
  const [row] = await readUnit(
    ctx,
    async (tx) => (await tx.executeQuery(repo.attachmentsQuery(tx, ctx.cpasId, { id: attachmentId }))).rows,
  );
  if (!row) throw NO_ATTACHMENT();
  await recordAccess(ctx, 'attachment', [row]);
  return ok(toAttachment(row), `"${row.sha256}"`);
}

export async function getAttachmentContent(ctx: RequestContext, attachmentId: string) {
  const [row] = await readUnit(
    ctx,
    async (tx) => (await tx.executeQuery(repo.contentQuery(tx, ctx.cpasId, attachmentId))).rows,
  );
  if (!row) throw NO_ATTACHMENT();
  if (!row.bytes) throw new AppError('content-removed', msg('file.removed'));
  // the file itself leaves the service: audited as an export, with what was sent
  await recordExport(ctx, 'attachment', [row.id], `${row.media_type}; bytes=${row.bytes.length}`);
  return { row, bytes: Buffer.from(row.bytes) };
}

export async function listAttachments(
  ctx: RequestContext,
  piisId: string,
  query: { externalRef?: string; limit?: number; cursor?: string },
) {
  const limit = query.limit ?? 50;
  const rows = await readUnit(ctx, async (tx) => {
    if (!(await findPiisIdBy(tx, ctx.cpasId, { id: piisId }))) throw new AppError('not-found', msg('not-found.piis'));
    return (
      await tx.executeQuery(
        repo.attachmentsQuery(tx, ctx.cpasId, {
          piisId,
          externalRef: query.externalRef,
          afterId: decodeCursor(query.cursor),
          limit: limit + 1,
        }),
      )
    ).rows;
  });
  const page = pageOf(rows, limit);
  await recordAccess(ctx, 'attachment', page.items);
  return { items: page.items.map(toAttachment), nextCursor: page.nextCursor };
}

function toAttachment(row: repo.AttachmentRow): Attachment {
  return {
    id: row.id,
    piisId: row.piis_id,
    factId: row.fact_id,
    purpose: row.purpose,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    fileName: row.file_name,
    uploadedAt: row.uploaded_at,
    uploadedBy: row.uploaded_by,
    externalRef: row.external_ref,
    contentAvailable: row.content_removed_at === null,
  };
}
