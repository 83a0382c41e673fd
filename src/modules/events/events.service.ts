// The tenant's change feed (listEvents): gap-free pages in commit order, a cursor always returned.
import type { RequestContext } from '../../core/context.js';
import { recordAccess } from '../../core/work.js';
import type { Event, EventFeedQuery } from './events.schemas.js';
import { belowHorizon, decodeFeedCursor, encodeFeedCursor, laterOf, type FeedPosition } from './feed-position.js';
import { feedQuery, type FeedRow } from './events.repository.js';
import { AppError } from '../../core/problem.js';
import { msg } from '../../i18n/catalogue.js';

export interface FeedPage {
  events: Array<Event & { position: FeedPosition }>;
  next: FeedPosition;
}

/**
 * The page of feedQuery's rows (fetched with limit + 1) and where the next one starts (the API's feed and the webhook
 * fan-out page alike).
 */
export function pageFromRows(rows: FeedRow[], after: FeedPosition, limit: number): FeedPage {
  const events = rows.filter((r): r is FeedRow & { id: string } => r.id !== null).map(toEvent);
  if (events.length > limit) {
    const page = events.slice(0, limit);
    return { events: page, next: page[page.length - 1]!.position };
  }
  // The page holds every event below the horizon: the next read starts at the horizon.
  const horizon = belowHorizon(rows[0]!.horizon);
  return { events, next: laterOf(after, horizon) };
}

export async function listEvents(ctx: RequestContext, query: EventFeedQuery) {
  if (query.after !== undefined && query.cursor !== undefined && query.after !== query.cursor) {
    throw new AppError('validation-failed', msg('check.feed-position-twice'), {
      errors: [{ path: 'cursor', message: msg('check.differs-from-after') }],
    });
  }
  const after = decodeFeedCursor(query.after ?? query.cursor);
  const limit = query.limit ?? 50;
  const page = pageFromRows(
    await ctx.database.read(ctx.cpasId, feedQuery(ctx.database.db, ctx.cpasId, after, limit + 1)),
    after,
    limit,
  );
  const items = page.events.map(({ position: _, ...event }) => event);
  // an empty poll reads nothing: only pages with events leave an access entry
  if (items.length > 0) await recordAccess(ctx, 'event', items);
  return { items, nextCursor: encodeFeedCursor(page.next) };
}

function toEvent(row: FeedRow & { id: string }): Event & { position: FeedPosition } {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at,
    entity: row.entity,
    entityId: row.entity_id,
    actor: row.actor,
    data: row.data,
    position: { tx: row.tx, id: row.id },
  };
}
