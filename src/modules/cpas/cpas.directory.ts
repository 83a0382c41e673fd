// KBO number → registered CPAS (its id and its language), for every authenticated request. The
// registry changes rarely and holds no personal data, so it is cached briefly in memory rather
// than read per request.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Lang } from '../../i18n/catalogue.js';

export interface CpasEntry {
  id: string;
  /** the language the CPAS works in: the answers' language when a request names none */
  language: Lang;
}

export interface CpasDirectory {
  /** the registered CPAS of a KBO number, or null */
  resolve(kbo: string): Promise<CpasEntry | null>;
  remember(kbo: string, entry: CpasEntry): void;
}

const TTL_MS = 30_000;

export function createCpasDirectory(db: Kysely<DB>): CpasDirectory {
  const cache = new Map<string, { entry: CpasEntry | null; until: number }>();
  return {
    async resolve(kbo) {
      const hit = cache.get(kbo);
      if (hit && hit.until > Date.now()) return hit.entry;
      const row = await db
        .selectFrom('cpas')
        .select(['id', 'language'])
        .where('kbo_number', '=', kbo)
        .executeTakeFirst();
      const entry = row ? { id: row.id, language: row.language as Lang } : null;
      // unknown numbers are cached only briefly, so a CPAS registered elsewhere is seen soon
      cache.set(kbo, { entry, until: Date.now() + (row ? TTL_MS : 2_000) });
      return entry;
    },
    remember(kbo, entry) {
      cache.set(kbo, { entry, until: Date.now() + TTL_MS });
    },
  };
}
