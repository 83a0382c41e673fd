// Generators of valid identifiers for factories (R-ID-NISS, R-ID-KBO), random so that test data
// never collides.
import { randomInt } from 'node:crypto';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid pre-2000 NISS born 1950–1999, with a random serial. */
export function validNiss(): string {
  const yy = randomInt(50, 100);
  const mm = randomInt(1, 13);
  const dd = randomInt(1, 29);
  const serial = randomInt(1, 998);
  const base = Number(`${pad(yy, 2)}${pad(mm, 2)}${pad(dd, 2)}${pad(serial, 3)}`);
  return `${pad(yy, 2)}${pad(mm, 2)}${pad(dd, 2)}${pad(serial, 3)}${pad(97 - (base % 97), 2)}`;
}

/** A valid KBO number starting with 0 or 1 (CPAS numbers start with 0 or 1 in practice). */
export function validKbo(): string {
  const first8 = randomInt(2_000_000, 19_999_999);
  return `${pad(first8, 8)}${pad(97 - (first8 % 97), 2)}`;
}
