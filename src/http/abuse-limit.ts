// A budget of failed authentications per client address, spent before any signature is checked.
// The per-client rate limit keys on the token's `sub`, which a forged or missing token does not
// have: without this, every forged token costs a signature verification, without end. Each
// answer 401 spends one unit of its address's budget for the current minute; once the budget is
// spent, requests from that address meet 429 before their token is looked at — unless the token
// was verified before (the verifier's cache answers it without a signature check), so that a
// legitimate client behind the same address keeps working. One window per address, forgotten
// when it ends; in memory, per process (each instance keeps its own budget).
export interface FailureBudget {
  /** seconds until the address may try again, or 0 while it has budget left */
  blockedFor(address: string, nowMs?: number): number;
  /** one failed authentication from the address */
  spend(address: string, nowMs?: number): void;
  readonly limit: number;
}

const WINDOW_MS = 60_000;
/** addresses tracked at most; the oldest windows are dropped first */
const MAX_ADDRESSES = 100_000;

export function createFailureBudget(limitPerMinute: number): FailureBudget {
  const windows = new Map<string, { startMs: number; failures: number }>();
  const current = (address: string, nowMs: number) => {
    const w = windows.get(address);
    if (w && nowMs - w.startMs < WINDOW_MS) return w;
    if (w) windows.delete(address);
    return null;
  };
  return {
    limit: limitPerMinute,
    blockedFor(address, nowMs = Date.now()) {
      const w = current(address, nowMs);
      return w && w.failures >= limitPerMinute ? Math.max(1, Math.ceil((w.startMs + WINDOW_MS - nowMs) / 1000)) : 0;
    },
    spend(address, nowMs = Date.now()) {
      const w = current(address, nowMs);
      if (w) {
        w.failures++;
        return;
      }
      if (windows.size >= MAX_ADDRESSES) windows.delete(windows.keys().next().value!);
      windows.set(address, { startMs: nowMs, failures: 1 });
    },
  };
}
