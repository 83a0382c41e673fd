// The national indicators of a year are the same answer for every analyst until a CPAS or one of
// its rollups of that year changes. Computing them takes most of a request (reading 580 rollups
// with every signature delay, suppressing small cells, the figures of each CPAS), so each
// instance keeps the last answers it computed with the version they were computed at
// (piis_national_indicator_version: a digest of those rows' xmin) and computes again only when
// the database's version differs. Any instance's write changes the version, so no answer outlives
// the data it came from. Measured in docs/benchmarks.md (national indicators p50).

/** The answers kept at most: a few years × three languages. */
const KEPT = 12;

export interface VersionedCache<T> {
  /**
   * The answer kept for `key` at `version`, else the one `compute` gives — kept only when the
   * version it was computed at (its `version` field) is still `version`.
   */
  through(key: string, version: string, compute: () => Promise<{ version: string; value: T }>): Promise<T>;
}

export function versionedCache<T>(kept = KEPT): VersionedCache<T> {
  const entries = new Map<string, { version: string; value: T }>();
  return {
    async through(key, version, compute) {
      const found = entries.get(key);
      if (found?.version === version) {
        // the most recently used last: the first is the one to drop
        entries.delete(key);
        entries.set(key, found);
        return found.value;
      }
      const computed = await compute();
      if (computed.version === version) {
        entries.delete(key);
        entries.set(key, computed);
        if (entries.size > kept) entries.delete(entries.keys().next().value!);
      }
      return computed.value;
    },
  };
}
