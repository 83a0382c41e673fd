// Which events a subscription takes, and when a failed delivery is tried again.

/** "*", "piis.*" or an exact type such as "piis.signed". */
export const EVENT_PATTERN = '^(\\*|[a-z][a-z_]*\\.\\*|[a-z][a-z_]*\\.[a-z][a-z_.]*[a-z_])$';

export function matchesAny(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}

/**
 * Waits after each failed attempt: the first retry within seconds (contract: within 10 s), then
 * growing fourfold up to 8 hours; ten attempts span 26.8 hours before jitter (at least 24 h).
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  3_000, 30_000, 120_000, 480_000, 1_920_000, 7_680_000, 28_800_000, 28_800_000, 28_800_000,
];

/**
 * The wait after failed attempt n (1-based), jittered upwards by up to a quarter so that many
 * failed messages do not come back at once; null when the attempts are exhausted.
 */
export function retryDelayMs(
  schedule: readonly number[],
  failedAttempt: number,
  random: () => number = Math.random,
): number | null {
  const base = schedule[failedAttempt - 1];
  return base === undefined ? null : Math.round(base * (1 + 0.25 * random()));
}
