// The work a server process does besides answering requests: sealing the audit chain, running
// bulk imports, delivering webhooks and refreshing the indicator rollups. Each is a loop started
// with the app and stopped when it closes; buildApp's options turn each off (tests, tools).
import type { FastifyInstance } from 'fastify';
import { startAuditSealer } from './modules/audit/audit.sealer.js';
import { startRollupWorker } from './modules/reports/rollups.worker.js';
import { startImportWorker } from './modules/imports/imports.worker.js';
import {
  DEFAULT_DISPATCHER,
  startWebhookDispatcher,
  type DispatcherOptions,
} from './modules/webhooks/webhooks.dispatcher.js';

export interface BackgroundOptions {
  /** run the audit sealer in this process (default true) */
  sealAudit?: boolean;
  /** refresh the indicator rollups in the background (default true) */
  rollupWorker?: boolean;
  /** run bulk imports in this process (default true), with these settings */
  imports?: boolean | { tickMs?: number; batchSize?: number; leaseMs?: number; maxConcurrent?: number };
  /** deliver webhooks from this process (default true), with these settings */
  webhooks?: boolean | Partial<Omit<DispatcherOptions, 'allowPrivateNetworks'>>;
}

export function registerBackgroundWork(app: FastifyInstance, options: BackgroundOptions): void {
  const { config, database } = app.deps;
  if (options.sealAudit !== false) {
    const sealer = startAuditSealer(database, app.log);
    app.addHook('onClose', async () => sealer.stop());
  }
  app.decorate('importWorker', null);
  if (options.imports !== false) {
    const settings = {
      tickMs: 500,
      batchSize: 500,
      leaseMs: 60_000,
      maxConcurrent: 2,
      ...(typeof options.imports === 'object' ? options.imports : {}),
    };
    const worker = startImportWorker(
      {
        database,
        accessLog: app.deps.accessLog,
        today: () => app.deps.clock.today(),
        deployment: { reflectionWaiverAllowed: config.reflectionWaiverAllowed },
        batchSize: settings.batchSize,
        leaseMs: settings.leaseMs,
      },
      app.log,
      settings,
    );
    app.importWorker = worker;
    app.addHook('onClose', async () => worker.stop());
  }
  app.decorate('webhookDispatcher', null);
  if (options.webhooks !== false) {
    const settings = {
      ...DEFAULT_DISPATCHER,
      ...(typeof options.webhooks === 'object' ? options.webhooks : {}),
      allowPrivateNetworks: config.webhookAllowPrivateNetworks,
    };
    const dispatcher = startWebhookDispatcher(database, app.log, settings);
    app.webhookDispatcher = dispatcher.dispatcher;
    app.addHook('onClose', async () => dispatcher.stop());
  }
  if (options.rollupWorker !== false) {
    const worker = startRollupWorker(database, () => app.deps.clock.today(), app.log);
    app.addHook('onClose', async () => worker.stop());
  }
}
