// UUID version 7 (RFC 9562): 48-bit Unix milliseconds then random bits, so ids sort by creation
// time and index well.
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

export function uuidv7(now: number = Date.now()): string {
  const b = random16();
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
