// KBO number → registered CPAS, for every authenticated request. The registry changes rarely and
// holds no personal data, so it is cached briefly in memory rather than read per request.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

export interface CpasDirectory {
  /** the CPAS id of a registered KBO number, or null */
  resolve(kbo: string): Promise<string | null>;
  remember(kbo: string, id: string): void;
}

const TTL_MS = 30_000;

export function createCpasDirectory(db: Kysely<DB>): CpasDirectory {
  const cache = new Map<string, { id: string | null; until: number }>();
  return {
    async resolve(kbo) {
      const hit = cache.get(kbo);
      if (hit && hit.until > Date.now()) return hit.id;
      const row = await db.selectFrom('cpas').select('id').where('kbo_number', '=', kbo).executeTakeFirst();
      // unknown numbers are cached only briefly, so a CPAS registered elsewhere is seen soon
      cache.set(kbo, { id: row?.id ?? null, until: Date.now() + (row ? TTL_MS : 2_000) });
      return row?.id ?? null;
    },
    remember(kbo, id) {
      cache.set(kbo, { id, until: Date.now() + TTL_MS });
    },
  };
}
