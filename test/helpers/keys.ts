// A key set of the tests' own (independent of the dev key): a JWKS file the app trusts and a
// minting function for tokens with any claims — including deliberately broken ones.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const ISSUER = 'piis-test-issuer';
export const AUDIENCE = 'piis-test-api';

export interface TestKeys {
  jwksFile: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  kid: string;
  token(
    claims: { sub?: string; roles: string[]; cpas?: string },
    options?: { expiresIn?: string | number },
  ): Promise<string>;
}

export async function createTestKeys(): Promise<TestKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `test-${Math.random().toString(36).slice(2)}`;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piis-keys-'));
  const jwksFile = path.join(dir, 'jwks.json');
  fs.writeFileSync(jwksFile, JSON.stringify({ keys: [publicJwk] }));
  return {
    jwksFile,
    privateKey,
    publicJwk,
    kid,
    async token(claims, options = {}) {
      return new SignJWT({ roles: claims.roles, ...(claims.cpas ? { cpas: claims.cpas } : {}) })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject(claims.sub ?? `user-${Math.random().toString(36).slice(2, 8)}`)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '10m')
        .sign(privateKey);
    },
  };
}
