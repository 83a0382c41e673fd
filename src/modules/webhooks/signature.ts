// Standard Webhooks signatures (https://www.standardwebhooks.com): the secret is "whsec_" + base64
// of random bytes; each delivery is signed with HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>"
// under those bytes, sent as "v1,<base64 signature>".
import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const SECRET_BYTES = { min: 24, max: 64, generated: 32 } as const;

export function generateSecret(): string {
  return PREFIX + randomBytes(SECRET_BYTES.generated).toString('base64');
}

/** The key bytes of a secret, or null when it is not whsec_ + base64 of 24–64 bytes. */
export function secretKey(secret: string): Buffer | null {
  if (!secret.startsWith(PREFIX)) return null;
  const encoded = secret.slice(PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return null;
  const key = Buffer.from(encoded, 'base64');
  return key.length >= SECRET_BYTES.min && key.length <= SECRET_BYTES.max ? key : null;
}

/** The webhook-signature header of one delivery. */
export function signatureHeader(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const key = secretKey(secret);
  if (!key) throw new Error('signatureHeader: not a whsec_ secret');
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestampSeconds}.${body}`).digest('base64')}`;
}
