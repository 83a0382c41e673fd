// Access tokens (contract §2 "Auth"): a JWT in the Authorization header, verified with jose
// against the JWKS, asymmetric algorithms only, iss/aud/exp required. The principal it yields is
// {sub, roles, cpas}; the CPAS is resolved against the registry (an unregistered CPAS → 403).
import fs from 'node:fs';
import path from 'node:path';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTVerifyGetKey,
  type CryptoKey,
} from 'jose';
import type { Config } from '../config.js';
import { AppError } from '../core/problem.js';
import { msg, render, type Message } from '../i18n/catalogue.js';

export const ROLES = [
  'social_worker',
  'cpas_manager',
  'cpas_auditor',
  'integration',
  'spp_analyst',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];
/** Roles that act for one CPAS and therefore need the `cpas` claim. */
const TENANT_ROLES: ReadonlySet<Role> = new Set(['social_worker', 'cpas_manager', 'cpas_auditor', 'integration']);

export const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const CLOCK_TOLERANCE_S = 30;

export interface Principal {
  sub: string;
  roles: Role[];
  /** KBO number of the tenant, when the token acts for a CPAS */
  kbo: string | null;
  /** exp claim, seconds */
  exp: number;
}

export interface TenantPrincipal extends Principal {
  cpasId: string;
}

/** Who may do what: each route names one of these. */
export const Access = {
  worker: ['social_worker', 'cpas_manager', 'integration'],
  manager: ['cpas_manager', 'integration'],
  auditor: ['cpas_auditor'],
  integration: ['integration'],
  analyst: ['spp_analyst'],
  platform: ['platform_admin'],
  anyTenant: ['social_worker', 'cpas_manager', 'cpas_auditor', 'integration'],
} as const satisfies Record<string, readonly Role[]>;
export type AccessName = keyof typeof Access;

/**
 * The RFC 6750 §3 challenge of a 401: without credentials it names the scheme only; a token that
 * fails gets error="invalid_token", a token sent where it may not be (the URL) "invalid_request".
 */
export function bearerChallenge(error?: 'invalid_token' | 'invalid_request', description?: string): string {
  const parts = ['Bearer realm="piis"'];
  if (error) parts.push(`error="${error}"`);
  if (description) parts.push(`error_description="${description.replace(/["\\]/g, '')}"`);
  return parts.join(', ');
}

// the challenge's error_description is for programs: it stays English (RFC 6750 §3, ASCII only)
const unauthenticated = (detail: Message) =>
  new AppError('unauthenticated', detail, {
    headers: { 'www-authenticate': bearerChallenge('invalid_token', render('en', detail)) },
  });

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
  /** true when this exact token was verified before and has not expired (no signature check) */
  known(token: string): boolean;
}

export function devKeyPaths(dataDir: string) {
  const dir = path.join(dataDir, 'dev-keys');
  return { dir, privateJwk: path.join(dir, 'signing-key.private.jwk.json'), jwks: path.join(dir, 'jwks.json') };
}

/** The dev signing key in DATA_DIR, created on first use. */
export async function ensureDevKey(dataDir: string): Promise<{ privateJwk: JWK; jwks: { keys: JWK[] } }> {
  const p = devKeyPaths(dataDir);
  if (fs.existsSync(p.privateJwk) && fs.existsSync(p.jwks)) {
    return {
      privateJwk: JSON.parse(fs.readFileSync(p.privateJwk, 'utf8')),
      jwks: JSON.parse(fs.readFileSync(p.jwks, 'utf8')),
    };
  }
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  fs.mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(p.privateJwk, JSON.stringify(privateJwk), { mode: 0o600 });
  fs.writeFileSync(p.jwks, JSON.stringify(jwks, null, 2));
  return { privateJwk, jwks };
}

export async function mintToken(
  privateJwk: JWK,
  claims: { sub: string; roles: string[]; cpas?: string },
  options: { issuer: string; audience: string; expiresIn?: string },
): Promise<string> {
  const key = (await importJWK(privateJwk, privateJwk.alg ?? 'ES256')) as CryptoKey;
  return new SignJWT({ roles: claims.roles, ...(claims.cpas ? { cpas: claims.cpas } : {}) })
    .setProtectedHeader({ alg: privateJwk.alg ?? 'ES256', kid: privateJwk.kid ?? 'dev', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(key);
}

function combineKeySets(sets: JWTVerifyGetKey[]): JWTVerifyGetKey {
  return async (header, token) => {
    let lastError: unknown = new Error('no key set');
    for (const set of sets) {
      try {
        return await set(header, token);
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  };
}

export async function createVerifier(config: Config): Promise<TokenVerifier> {
  const sets: JWTVerifyGetKey[] = [];
  if (config.auth.jwksFile) sets.push(createLocalJWKSet(JSON.parse(fs.readFileSync(config.auth.jwksFile, 'utf8'))));
  if (config.auth.jwksUrl) sets.push(createRemoteJWKSet(new URL(config.auth.jwksUrl)));
  if (config.auth.dev) sets.push(createLocalJWKSet((await ensureDevKey(config.dataDir)).jwks));
  const keys = combineKeySets(sets);
  // Verifying a signature costs far more than the request it guards: keep verified tokens until
  // they expire (bounded; the oldest entries go first).
  const cache = new Map<string, Principal>();
  const CACHE_MAX = 10_000;

  return {
    known(token: string): boolean {
      const cached = cache.get(token);
      return !!cached && cached.exp + CLOCK_TOLERANCE_S > Math.floor(Date.now() / 1000);
    },
    async verify(token: string): Promise<Principal> {
      const nowS = Math.floor(Date.now() / 1000);
      const cached = cache.get(token);
      if (cached && cached.exp + CLOCK_TOLERANCE_S > nowS) return cached;
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ALGORITHMS,
          issuer: config.auth.issuer,
          audience: config.auth.audience,
          requiredClaims: ['exp', 'iat', 'iss', 'aud', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_S,
          // the age since iat; the lifetime it was issued with is checked below
          maxTokenAge: config.auth.maxTokenAgeS,
        }));
      } catch {
        throw unauthenticated(msg('auth.token-invalid'));
      }
      if (payload.exp! - payload.iat! > config.auth.maxTokenAgeS) {
        throw unauthenticated(msg('auth.token-too-long-lived', { seconds: config.auth.maxTokenAgeS }));
      }
      const roles = payload['roles'];
      if (!Array.isArray(roles) || !roles.every((r): r is Role => (ROLES as readonly string[]).includes(r as string))) {
        throw unauthenticated(msg('auth.roles-claim'));
      }
      const cpas = payload['cpas'];
      if (cpas !== undefined && (typeof cpas !== 'string' || !/^[0-9]{10}$/.test(cpas))) {
        throw unauthenticated(msg('auth.cpas-claim'));
      }
      if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) {
        throw unauthenticated(msg('auth.sub-claim'));
      }
      const principal: Principal = { sub: payload.sub, roles, kbo: cpas ?? null, exp: payload.exp! };
      if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
      cache.set(token, principal);
      return principal;
    },
  };
}

/** Roles of the principal that act for its CPAS (those need a registered `cpas` claim). */
export function needsTenant(roles: readonly Role[]): boolean {
  return roles.some((r) => TENANT_ROLES.has(r));
}
