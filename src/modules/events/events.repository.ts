// The change feed's one query. Events are read in (transaction id, event id) order and only from
// transactions below the snapshot's xmin — the oldest transaction still running when the
// statement began. Every transaction below it has committed or rolled back, so no event can
// later appear at a position a reader has passed, whatever order the writers commit in.
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.js';
import type { FeedPosition } from './feed-position.js';

export interface FeedRow {
  id: string | null;
  type: string;
  occurred_at: string;
  entity: string;
  entity_id: string | null;
  actor: string;
  data: Record<string, unknown>;
  tx: string;
  /** the horizon: every transaction below it has finished (on every row, even the empty page's) */
  horizon: string;
}

/** At most `limit` events after the position, below the horizon; one row with a null id when there are none. */
export function feedQuery(db: Kysely<DB>, cpasId: string, after: FeedPosition, limit: number): CompiledQuery<FeedRow> {
  return sql<FeedRow>`
    select e.id, e.type, e.occurred_at, e.entity, e.entity_id, e.actor, e.data, e.tx_id::text as tx, h.horizon::text
      as horizon
    from (select pg_snapshot_xmin(pg_current_snapshot()) as horizon) h
    left join lateral (
      select o.id, o.type, o.occurred_at, o.entity, o.entity_id, o.actor, o.data, o.tx_id
      from outbox_event o
      where o.cpas_id = ${cpasId}
        and (o.tx_id, o.id) > (${after.tx}::xid8, ${after.id}::uuid)
        and o.tx_id < h.horizon
      order by o.tx_id, o.id
      limit ${limit}
    ) e on true
    order by e.tx_id, e.id`.compile(db);
}
