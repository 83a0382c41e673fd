// What the service keeps so that reads are cheap — the rendered file of each PIIS and the stored
// deadlines of each person — must always equal a recomputation from scratch. This helper
// recomputes both for every PIIS and person of a test database and lists every difference.
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { refreshDeadlines } from '../../src/modules/deadlines/deadlines.engine.js';
import type { Harness } from './app.js';

interface StoredDeadline {
  beneficiary_id: string;
  piis_id: string | null;
  record_id: string | null;
  kind: string;
  due_on: string;
  met: boolean;
  rule: string;
  explanation: string;
}

const columns = 'beneficiary_id, piis_id, record_id, kind, due_on, met, rule, explanation';
const order = 'order by kind, piis_id, record_id, due_on, explanation';

class Rollback {
  constructor(readonly rows: StoredDeadline[]) {}
}

/** The differences between what is kept and what a recomputation gives (empty when none). */
export async function renderedStateDrift(h: Harness, today: string): Promise<string[]> {
  const drift: string[] = [];
  const files = await h.db.owner<{ id: string; stored: unknown; fresh: unknown }>(
    `select p.id, p.file_doc as stored, (select to_jsonb(f) from piis_file(p.cpas_id, array[p.id], false) f) as ` +
      `fresh from piis p`,
  );
  for (const f of files) {
    if (f.stored !== null && !isDeepStrictEqual(f.stored, f.fresh)) {
      drift.push(
        `rendered file of PIIS ${f.id}:\n  kept  ${JSON.stringify(f.stored)}\n  fresh ${JSON.stringify(f.fresh)}`,
      );
    }
  }
  const people = await h.db.owner<{ cpas_id: string; id: string }>(`select cpas_id, id from beneficiary`);
  for (const p of people) {
    const kept = await h.db.owner<StoredDeadline>(
      `select ${columns} from deadline where cpas_id = $1 and beneficiary_id = $2 ${order}`,
      [p.cpas_id, p.id],
    );
    const fresh = await h.db.database
      .unit(p.cpas_id, async (tx) => {
        await refreshDeadlines(tx, p.cpas_id, today, [p.id]);
        const { rows } =
          await sql<StoredDeadline>`select ${sql.raw(columns)} from deadline where cpas_id = ${p.cpas_id} and
          beneficiary_id = ${p.id} ${sql.raw(order)}`.execute(tx);
        throw new Rollback(rows);
      })
      .catch((e: unknown) => {
        if (e instanceof Rollback) return e.rows;
        throw e;
      });
    if (!isDeepStrictEqual(kept, fresh))
      drift.push(
        `deadlines of beneficiary ${p.id}:\n  kept  ${JSON.stringify(kept)}\n  fresh ${JSON.stringify(fresh)}`,
      );
  }
  return drift;
}
