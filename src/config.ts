// The environment, read once: a TypeBox schema of the variables (contract §1) and loadConfig(env)
// returning a frozen, typed Config. No other file reads process.env.
import { Type, type Static } from 'typebox';
import { Ajv } from 'ajv';
import path from 'node:path';

const Bool = Type.Union([Type.Literal('true'), Type.Literal('false')]);

export const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })),
  HOST: Type.Optional(Type.String({ maxLength: 255 })),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_ADMIN_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  AUTH_JWKS_URL: Type.Optional(Type.String({ minLength: 1 })),
  AUTH_JWKS_FILE: Type.Optional(Type.String({ minLength: 1 })),
  AUTH_ISSUER: Type.Optional(Type.String({ minLength: 1 })),
  AUTH_AUDIENCE: Type.Optional(Type.String({ minLength: 1 })),
  AUTH_DEV: Type.Optional(Bool),
  AUTH_MAX_TOKEN_AGE: Type.Optional(Type.String({ pattern: '^[0-9]{1,7}$' })),
  AUTH_FAILURE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  PSEUDONYM_KEY: Type.Optional(Type.String({ minLength: 16 })),
  BODY_LIMIT: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: Type.Optional(Bool),
  RATE_LIMIT_PER_MINUTE: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  REFLECTION_WAIVER_ALLOWED: Type.Optional(Bool),
  LOG_LEVEL: Type.Optional(
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l))),
  ),
  REQUEST_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  STATEMENT_TIMEOUT_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  SHUTDOWN_DRAIN_MS: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  /** null → the embedded PGlite database under dataDir */
  readonly databaseUrl: string | null;
  readonly databaseAdminUrl: string | null;
  readonly dataDir: string;
  readonly auth: {
    readonly dev: boolean;
    readonly jwksUrl: string | null;
    readonly jwksFile: string | null;
    readonly issuer: string;
    readonly audience: string;
    /** longest accepted token lifetime, seconds: exp − iat and the age since iat (iat required) */
    readonly maxTokenAgeS: number;
  };
  readonly pseudonymKey: string | null;
  readonly bodyLimit: number;
  readonly webhookAllowPrivateNetworks: boolean;
  readonly rateLimitPerMinute: number;
  /** requests per minute and address answered 401 before that address meets 429 (abuse-limit.ts) */
  readonly authFailureLimitPerMinute: number;
  readonly reflectionWaiverAllowed: boolean;
  readonly logLevel: string;
  readonly requestTimeoutMs: number;
  /** a database statement running longer is cancelled: the request gets 504 timeout, nothing is written */
  readonly statementTimeoutMs: number;
  /** how long /health/ready answers 503 before the server stops accepting requests on SIGTERM */
  readonly shutdownDrainMs: number;
}

export class ConfigError extends Error {}

/**
 * @param options.tools for command-line tools that only touch the database (migrate, db:dump,
 * audit:verify): the settings that serving requires (keys, issuer, pseudonym key) are not demanded.
 */
export function loadConfig(env: Record<string, string | undefined>, options: { tools?: boolean } = {}): Config {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.properties)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  // Ajv is already loaded by Fastify; typebox/value would add a noticeable share of start-up.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(EnvSchema);
  if (!validate(picked)) {
    throw new ConfigError(
      'invalid environment: ' + (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; '),
    );
  }
  const e = picked as Static<typeof EnvSchema>;
  const embedded = !e.DATABASE_URL;
  const dev = e.AUTH_DEV ? e.AUTH_DEV === 'true' : embedded;
  if (!dev && !options.tools && !e.AUTH_JWKS_FILE && !e.AUTH_JWKS_URL) {
    throw new ConfigError('AUTH_JWKS_FILE or AUTH_JWKS_URL is required unless AUTH_DEV=true');
  }
  if (!dev && !options.tools && (!e.AUTH_ISSUER || !e.AUTH_AUDIENCE)) {
    throw new ConfigError('AUTH_ISSUER and AUTH_AUDIENCE are required unless AUTH_DEV=true');
  }
  if (!dev && !options.tools && !e.PSEUDONYM_KEY) {
    throw new ConfigError('PSEUDONYM_KEY is required unless AUTH_DEV=true');
  }
  return Object.freeze({
    port: e.PORT ? Number(e.PORT) : 3000,
    host: e.HOST ?? '127.0.0.1',
    databaseUrl: e.DATABASE_URL ?? null,
    databaseAdminUrl: e.DATABASE_ADMIN_URL ?? null,
    dataDir: path.resolve(e.DATA_DIR ?? './var'),
    auth: Object.freeze({
      dev,
      jwksUrl: e.AUTH_JWKS_URL ?? null,
      jwksFile: e.AUTH_JWKS_FILE ?? null,
      issuer: e.AUTH_ISSUER ?? 'piis-dev',
      audience: e.AUTH_AUDIENCE ?? 'piis-api',
      // a working day: a token is minted at the start of one and is not good the next morning
      maxTokenAgeS: e.AUTH_MAX_TOKEN_AGE ? Number(e.AUTH_MAX_TOKEN_AGE) : 8 * 3600,
    }),
    pseudonymKey: e.PSEUDONYM_KEY ?? null,
    bodyLimit: e.BODY_LIMIT ? Number(e.BODY_LIMIT) : 1_048_576,
    webhookAllowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ? Number(e.RATE_LIMIT_PER_MINUTE) : 1200,
    authFailureLimitPerMinute: e.AUTH_FAILURE_LIMIT_PER_MINUTE ? Number(e.AUTH_FAILURE_LIMIT_PER_MINUTE) : 60,
    reflectionWaiverAllowed: e.REFLECTION_WAIVER_ALLOWED === 'true',
    logLevel: e.LOG_LEVEL ?? 'info',
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS ? Number(e.REQUEST_TIMEOUT_MS) : 15_000,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS ? Number(e.STATEMENT_TIMEOUT_MS) : 10_000,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS ? Number(e.SHUTDOWN_DRAIN_MS) : 2_000,
  });
}
