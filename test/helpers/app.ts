// Builds the app for a test file: its own database, the tests' key set, a high rate limit, a
// fixed or real clock. Factories create what each test needs through the API, as a client would.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildOptions, type Clock } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { AUDIENCE, ISSUER, createTestKeys, type TestKeys } from './keys.js';
import { validKbo, validNiss } from './identifiers.js';

export interface TestContext {
  teardown(fn: () => unknown): void;
}

export interface Harness {
  app: FastifyInstance;
  db: TestDatabase;
  keys: TestKeys;
  platformToken: string;
  /** registers a fresh CPAS and returns its KBO, id and a token per role */
  newCpas(): Promise<TestCpas>;
}

export interface TestCpas {
  id: string;
  kbo: string;
  token(role?: string, sub?: string): Promise<string>;
}

export async function buildHarness(
  t: TestContext,
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    poolSize?: number;
    sealAudit?: boolean;
    rollupWorker?: boolean;
    webhooks?: BuildOptions['webhooks'];
    imports?: BuildOptions['imports'];
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<Harness> {
  const db = await createTestDatabase({
    poolSize: options.poolSize,
    statementTimeoutMs: options.env?.['STATEMENT_TIMEOUT_MS'] ? Number(options.env['STATEMENT_TIMEOUT_MS']) : undefined,
  });
  const keys = await createTestKeys();
  const config = loadConfig({
    DATABASE_URL: db.url ?? undefined,
    AUTH_DEV: 'false',
    AUTH_JWKS_FILE: keys.jwksFile,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    PSEUDONYM_KEY: 'test-pseudonym-key-0123456789',
    RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_FAILURE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app = await buildApp({
    config,
    database: db.database,
    clock: options.clock,
    logStream: options.logStream,
    logger: options.logStream ? undefined : process.env['PIIS_TEST_LOG'] ? { level: 'error' } : false,
    sealAudit: options.sealAudit ?? false,
    rollupWorker: options.rollupWorker ?? false,
    webhooks: options.webhooks ?? false,
    imports: options.imports ?? false,
  });
  await app.ready();
  t.teardown(async () => {
    await app.close();
    await db.close();
    // every 400, 409 and 422 a test met is one its operation documents (problem-codes.ts)
    if (app.undeclaredProblems.length > 0)
      throw new Error(
        'answered with problem codes their operations do not document: ' +
          [...new Set(app.undeclaredProblems)].join('; '),
      );
  });
  const platformToken = await keys.token({ sub: 'platform-admin', roles: ['platform_admin'] });
  return {
    app,
    db,
    keys,
    platformToken,
    async newCpas() {
      const kbo = validKbo();
      const res = await app.inject({
        method: 'POST',
        url: '/v1/cpas',
        headers: { authorization: `Bearer ${platformToken}` },
        payload: {
          kboNumber: kbo,
          name: { fr: `CPAS ${kbo}`, nl: `OCMW ${kbo}`, de: `ÖSHZ ${kbo}` },
          language: 'fr',
          nisCodes: [],
        },
      });
      if (res.statusCode !== 201) throw new Error(`newCpas: ${res.statusCode} ${res.body}`);
      const id = res.json<{ id: string }>().id;
      return {
        id,
        kbo,
        token: (role = 'social_worker', sub = `${role}-${kbo}`) => keys.token({ sub, roles: [role], cpas: kbo }),
      };
    },
  };
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

/** Registers a beneficiary through the API and returns its body. */
export async function newBeneficiary(app: FastifyInstance, token: string, overrides: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/beneficiaries',
    headers: bearer(token),
    payload: {
      niss: validNiss(),
      givenName: 'Test',
      familyName: `Person-${Math.random().toString(36).slice(2, 7)}`,
      language: 'fr',
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`newBeneficiary: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; niss: string; version: number; givenName: string; familyName: string }>();
}

export function json<T = any>(res: LightMyRequestResponse): T {
  return res.json<T>();
}
