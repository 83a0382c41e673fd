// Opaque pagination cursors: base64url JSON of the last key seen. A cursor that does not decode
// to the expected shape is a 400 invalid-cursor, never a 500.
import { AppError } from './problem.js';
import { msg } from '../i18n/catalogue.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(afterId: string): string {
  return Buffer.from(JSON.stringify({ a: afterId })).toString('base64url');
}

/** The id after which the next page starts, or null for the first page. */
export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const after = (parsed as { a?: unknown })?.a;
    if (typeof after === 'string' && UUID.test(after)) return after;
  } catch {
    // fall through
  }
  throw new AppError('invalid-cursor', msg('cursor.invalid'));
}

/** Splits a page fetched with limit + 1 rows into items and the next cursor. */
export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null };
}
