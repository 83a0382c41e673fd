// Generators of valid identifiers for factories (R-ID-NISS, R-ID-KBO), random so that test data
// never collides.
import { randomInt } from 'node:crypto';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The pre-2000 NISS space validNiss draws from: 50 years × 12 months × 28 days × 997 serials. */
const NISS_SPACE = 50 * 12 * 28 * 997;
let nextNiss = randomInt(0, NISS_SPACE);

/**
 * A valid pre-2000 NISS born 1950–1999, never the same twice in a process: consecutive numbers of
 * the space from a random start (random draws collided now and then under a test's load).
 */
export function validNiss(): string {
  let i = nextNiss++ % NISS_SPACE;
  const serial = (i % 997) + 1;
  i = Math.floor(i / 997);
  const dd = (i % 28) + 1;
  i = Math.floor(i / 28);
  const mm = (i % 12) + 1;
  const yy = 50 + Math.floor(i / 12);
  const base = Number(`${pad(yy, 2)}${pad(mm, 2)}${pad(dd, 2)}${pad(serial, 3)}`);
  return `${pad(yy, 2)}${pad(mm, 2)}${pad(dd, 2)}${pad(serial, 3)}${pad(97 - (base % 97), 2)}`;
}

/** A valid KBO number starting with 0 or 1 (CPAS numbers start with 0 or 1 in practice). */
export function validKbo(): string {
  const first8 = randomInt(2_000_000, 19_999_999);
  return `${pad(first8, 8)}${pad(97 - (first8 % 97), 2)}`;
}
