// UUID version 7 (RFC 9562): 48-bit Unix milliseconds then random bits, so ids sort by creation
// time and index well. Within one process ids are strictly increasing (RFC 9562 §6.2, method 1):
// the 12 bits after the version hold a counter that starts at a random value below 2048 each
// millisecond and counts up; when it runs out, the timestamp moves on by one. Events written in
// one transaction therefore keep their order.
import { randomFillSync } from 'node:crypto';

// Random bytes drawn in blocks: one system call per 256 ids instead of one per id.
const BLOCK = 16 * 256;
let pool = Buffer.alloc(0);
let offset = BLOCK;

function random16(): Buffer {
  if (offset >= BLOCK) {
    pool = randomFillSync(Buffer.allocUnsafe(BLOCK));
    offset = 0;
  }
  const b = Buffer.from(pool.subarray(offset, offset + 16));
  offset += 16;
  return b;
}

let lastMs = 0;
let counter = 0;

export function uuidv7(now: number = Date.now()): string {
  const b = random16();
  if (now > lastMs) {
    lastMs = now;
    counter = ((b[6]! & 0x07) << 8) | b[7]!;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = ((b[6]! & 0x07) << 8) | b[7]!;
  }
  b.writeUIntBE(lastMs, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The smallest UUIDv7 of a millisecond: a bound for id ranges that stand for time ranges. */
export function uuidv7Floor(ms: number): string {
  const hex = Math.max(0, Math.min(ms, 2 ** 48 - 1))
    .toString(16)
    .padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
