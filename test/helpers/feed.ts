// Reading the change feed in tests: a page, every page to the end, pages until an event shows,
// a cursor after everything written so far, and an outbox event written as a unit of work does.
import { sql } from 'kysely';
import { uuidv7 } from '../../src/db/ids.js';
import { bearer, type Harness, type TestCpas } from './app.js';

export interface FeedEvent {
  id: string;
  type: string;
  occurredAt: string;
  entity: string;
  entityId: string | null;
  actor: string;
  data: Record<string, unknown>;
}

export async function page(h: Harness, token: string, after?: string, limit = 50) {
  const query = new URLSearchParams({ limit: String(limit), ...(after ? { after } : {}) });
  const res = await h.app.inject({ method: 'GET', url: `/v1/events?${query}`, headers: bearer(token) });
  if (res.statusCode !== 200) throw new Error(`listEvents: ${res.statusCode} ${res.body}`);
  return res.json<{ items: FeedEvent[]; nextCursor: string }>();
}

/** Pages until a page comes back short; returns every event and the last cursor. */
export async function drain(h: Harness, token: string, after?: string, limit = 50) {
  const events: FeedEvent[] = [];
  let cursor = after;
  for (;;) {
    const p = await page(h, token, cursor, limit);
    events.push(...p.items);
    cursor = p.nextCursor;
    if (p.items.length < limit) return { events, cursor };
  }
}

/**
 * Pages from `after` until `done` holds for what was read. An event becomes readable once every
 * transaction of the cluster that began writing before it has finished (test files run in
 * parallel on one cluster), so tests wait for it as a client would — within a second.
 */
export async function readUntil(
  h: Harness,
  token: string,
  after: string | undefined,
  done: (events: FeedEvent[]) => boolean,
  limit = 50,
) {
  const events: FeedEvent[] = [];
  let cursor = after;
  const until = performance.now() + 5_000;
  for (;;) {
    const p = await page(h, token, cursor, limit);
    events.push(...p.items);
    cursor = p.nextCursor;
    if (done(events) && p.items.length < limit) return { events, cursor: cursor! };
    if (performance.now() > until) throw new Error(`readUntil: not done after 5 s (${events.length} events read)`);
    if (p.items.length < limit) await new Promise((r) => setTimeout(r, 20));
  }
}

/** A cursor after everything written so far: a marker event is written and read. */
export async function caughtUp(h: Harness, cpas: TestCpas, token: string) {
  const marker = await writeEvent(h, cpas, 'test.marker');
  return (await readUntil(h, token, undefined, (events) => events.some((e) => e.id === marker), 500)).cursor;
}

/** Writes one outbox event in a transaction of its own, as every unit of work does. */
export function writeEvent(h: Harness, cpas: TestCpas, type: string, hold?: Promise<unknown>) {
  return h.db.database.unit(cpas.id, async (tx) => {
    const id = uuidv7();
    await sql`insert into outbox_event (cpas_id, id, type, entity, entity_id, actor, data, request_id)
              values (${cpas.id}, ${id}, ${type}, 'test', null, 'feed-test', '{}'::jsonb, 'feed-test')`.execute(tx);
    await hold;
    return id;
  });
}
