// npm run token -- --role <role> [--cpas <KBO>] [--sub <id>] [--expires 8h]: a dev token signed
// with the local key in DATA_DIR (AUTH_DEV).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { ROLES, ensureDevKey, mintToken } from '../http/auth.js';

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      cpas: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const roles = values.role ?? [];
  if (roles.length === 0 || !roles.every((r) => (ROLES as readonly string[]).includes(r))) {
    throw new Error(`--role is required, one of: ${ROLES.join(', ')}`);
  }
  const config = loadConfig(process.env);
  if (!config.auth.dev) throw new Error('dev tokens need AUTH_DEV=true (the default with the embedded database)');
  const { privateJwk } = await ensureDevKey(config.dataDir);
  const token = await mintToken(
    privateJwk,
    { sub: values.sub ?? `dev-${roles[0]}`, roles, ...(values.cpas ? { cpas: values.cpas } : {}) },
    { issuer: config.auth.issuer, audience: config.auth.audience, expiresIn: values.expires! },
  );
  process.stdout.write(token + '\n');
}

main().catch((error: unknown) => {
  console.error(`token: ${(error as Error).message}`);
  process.exit(1);
});
