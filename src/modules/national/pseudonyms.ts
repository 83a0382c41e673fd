// Keyed pseudonyms for statistical extracts (R-IND-PRIVACY): HMAC-SHA256 of an internal id under
// a key per purpose, derived from PSEUDONYM_KEY (in dev, a random key kept in DATA_DIR). The
// database computes the HMAC from the key's inner and outer padded blocks (RFC 2104), so the
// ids never leave it; the derived key is what travels, never PSEUDONYM_KEY itself.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';

/** PSEUDONYM_KEY, or the dev key in DATA_DIR (created on first use). */
export function pseudonymMasterKey(config: Pick<Config, 'pseudonymKey' | 'dataDir'>): string {
  if (config.pseudonymKey) return config.pseudonymKey;
  const file = path.join(config.dataDir, 'pseudonym.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** The key of one purpose: extracts made for different purposes cannot be linked. */
export function purposeKey(masterKey: string, purpose: string): Buffer {
  return createHmac('sha256', masterKey).update(`piis-statistical-extract:${purpose}`).digest();
}

/**
 * The HMAC-SHA256 inner and outer blocks of a key of at most 64 bytes (RFC 2104), in hex (text parameters on every
 * path).
 */
export function hmacBlocks(key: Buffer): { inner: string; outer: string } {
  if (key.length > 64) throw new Error('hmacBlocks: key longer than the block');
  const block = Buffer.alloc(64);
  key.copy(block);
  const xor = (pad: number) => Buffer.from(block.map((b) => b ^ pad)).toString('hex');
  return { inner: xor(0x36), outer: xor(0x5c) };
}

/** The pseudonym of an id, as the database computes it (tests check the two agree). */
export function pseudonymOf(key: Buffer, id: string): string {
  return createHmac('sha256', key).update(id).digest('hex').slice(0, 32);
}
