// A position in a CPAS's change feed: every event at or before (tx, id) in the order of
// (transaction id, event id) has been read. Handed to clients as an opaque cursor.
import { AppError } from '../../core/problem.js';
import { msg } from '../../i18n/catalogue.js';

export interface FeedPosition {
  /** the writer's transaction id (xid8), as decimal text */
  readonly tx: string;
  readonly id: string;
}

const NIL = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const XID8 = /^(0|[1-9][0-9]{0,19})$/;

/** Before the first event of any feed. */
export const FEED_START: FeedPosition = { tx: '0', id: NIL };

/** Everything written by transactions below the horizon has been read, nothing of the horizon's own. */
export function belowHorizon(horizon: string): FeedPosition {
  return { tx: horizon, id: NIL };
}

export function comparePositions(a: FeedPosition, b: FeedPosition): number {
  const tx = BigInt(a.tx) - BigInt(b.tx);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function laterOf(a: FeedPosition, b: FeedPosition): FeedPosition {
  return comparePositions(a, b) >= 0 ? a : b;
}

export function encodeFeedCursor(position: FeedPosition): string {
  return Buffer.from(JSON.stringify({ t: position.tx, e: position.id })).toString('base64url');
}

export function decodeFeedCursor(cursor: string | undefined): FeedPosition {
  if (cursor === undefined) return FEED_START;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { t?: unknown; e?: unknown };
    if (
      typeof parsed?.t === 'string' &&
      XID8.test(parsed.t) &&
      BigInt(parsed.t) < 2n ** 64n &&
      typeof parsed.e === 'string' &&
      UUID.test(parsed.e)
    ) {
      return { tx: parsed.t, id: parsed.e };
    }
  } catch {
    // fall through
  }
  throw new AppError('invalid-cursor', msg('cursor.feed'));
}
