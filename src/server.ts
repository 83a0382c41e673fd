// The process (node dist/server.js, npm start): load config → open (and migrate) the database →
// buildApp → listen; graceful shutdown on SIGTERM/SIGINT. The only file that calls listen.
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import type { Server } from 'node:http';
import { KEEP_ALIVE_TIMEOUT_MS, buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { openEmbeddedDirectory, openEmbedded, openPostgres, openPostgresAdmin, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './db/demo.js';

export async function openDatabase(config: Config, log: pino.Logger): Promise<Database> {
  if (config.databaseUrl) {
    const admin = openPostgresAdmin(config.databaseAdminUrl ?? config.databaseUrl);
    try {
      const applied = await migrateToLatest(admin);
      if (applied.length > 0) log.info({ migrations: applied.map((m) => m.migrationName) }, 'migrations applied');
    } finally {
      await admin.destroy();
    }
    return openPostgres(config.databaseUrl, { statementTimeoutMs: config.statementTimeoutMs });
  }
  const pglite = await openEmbeddedDirectory(path.join(config.dataDir, 'pgdata'));
  return openEmbedded(pglite, { statementTimeoutMs: config.statementTimeoutMs });
}

export async function startServer(env: Record<string, string | undefined>): Promise<void> {
  const started = performance.now();
  const config = loadConfig(env);
  const log = pino({ level: config.logLevel });
  const database = await openDatabase(config, log);
  if (config.auth.dev) {
    if (database.kind === 'postgres') log.warn('AUTH_DEV is on with a server database: dev tokens are accepted');
    await seedDemo(database);
  }
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { readyInMs: Math.round(performance.now() - started), database: database.kind, devAuth: config.auth.dev },
    'ready',
  );
  // the validators and serializers not used yet are compiled now, in the background
  app.warmCompilers().then(
    (count) => app.log.debug({ count }, 'request validators and response serializers compiled'),
    (error: Error) => app.log.error({ err: error }, 'a request or response schema does not compile'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(
      { signal, drainMs: config.shutdownDrainMs },
      'shutting down: readiness is 503 while in-flight requests finish',
    );
    // readiness 503, and every answer from now on closes its connection (app.ts)
    app.deps.shuttingDown = true;
    await sleep(config.shutdownDrainMs);
    try {
      app.deps.refusingRequests = true;
      await untilQuiet(app.server);
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits, after the drain, until no connection is open and none was opened for a moment, then
 * stops listening at once (in the same turn of the event loop, so no connection is accepted in
 * between), and waits for the connections still open to end. Only then does the caller close the
 * app. Node.js's own close destroys idle connections, a connection accepted a moment ago with its
 * request still on the way among them, and the kernel resets connections still queued on the
 * listener: a client whose request was already sent sees a reset and cannot know whether its POST
 * was applied. Meanwhile every answer closes its connection and every new request is answered 503
 * (app.ts), which clients take as "not done, go elsewhere"; an idle connection ends with its
 * keep-alive timeout, which clients know from the `Keep-Alive` header and avoid. Bounded by that
 * timeout: whatever is left is closed by app.close().
 */
async function untilQuiet(server: Server): Promise<void> {
  const QUIET_MS = 250;
  let lastConnectionAt = Date.now();
  const seen = () => (lastConnectionAt = Date.now());
  server.on('connection', seen);
  const deadline = Date.now() + KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const openConnections = () =>
    new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
  // After the event loop's poll phase (setImmediate), the connections the kernel had completed are
  // accepted and seen; the listener is closed in that same callback, when none was, so that no
  // connection waits in the kernel's queue to be reset.
  const closedIfQuiet = () =>
    new Promise<boolean>((resolve) =>
      setImmediate(() => {
        if (Date.now() - lastConnectionAt < QUIET_MS) return resolve(false);
        // the listener only: http.Server#close would also destroy the idle connections (see above)
        net.Server.prototype.close.call(server);
        resolve(true);
      }),
    );
  try {
    let closed = false;
    while (!closed && Date.now() < deadline) {
      if ((await openConnections()) === 0 && Date.now() - lastConnectionAt >= QUIET_MS) closed = await closedIfQuiet();
      if (!closed) await sleep(50);
    }
    if (!closed) net.Server.prototype.close.call(server);
    while (Date.now() < deadline && (await openConnections()) > 0) await sleep(50);
  } finally {
    server.off('connection', seen);
  }
}

// Run as the program (not imported by a test or a tool): start serving.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startServer(process.env).catch((error: unknown) => {
    console.error(`start failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
