// Every feature's routes, registered explicitly: health, the interactive documentation, then the
// API under /v1 in the order its OpenAPI document lists them.
import type { FastifyInstance } from 'fastify';
import { registerDocs } from './http/openapi.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { metaRoutes, openApiRoute } from './modules/meta/meta.routes.js';
import { cpasRoutes } from './modules/cpas/cpas.routes.js';
import { beneficiaryRoutes } from './modules/beneficiaries/beneficiaries.routes.js';
import { factRoutes } from './modules/facts/facts.routes.js';
import { assessmentRoutes } from './modules/assessments/assessments.routes.js';
import { piisRoutes } from './modules/piis/piis.routes.js';
import { deadlineRoutes } from './modules/deadlines/deadlines.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { activationRoutes } from './modules/activation/activation.routes.js';
import { expenseRoutes } from './modules/expenses/expenses.routes.js';
import { conventionRoutes } from './modules/convention/convention.routes.js';
import { nationalRoutes } from './modules/national/national.routes.js';
import { eventRoutes } from './modules/events/events.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { attachmentRoutes } from './modules/attachments/attachments.routes.js';
import { importRoutes } from './modules/imports/imports.routes.js';
import { documentRoutes } from './modules/documents/documents.routes.js';
import { transferRoutes } from './modules/transfers/transfers.routes.js';
import { retentionRoutes } from './modules/retention/retention.routes.js';
import { webhookRoutes } from './modules/webhooks/webhooks.routes.js';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await registerDocs(app, openApiRoute);
  await app.register(metaRoutes, { prefix: '/v1' });
  await app.register(cpasRoutes, { prefix: '/v1' });
  await app.register(beneficiaryRoutes, { prefix: '/v1' });
  await app.register(factRoutes, { prefix: '/v1' });
  await app.register(assessmentRoutes, { prefix: '/v1' });
  await app.register(piisRoutes, { prefix: '/v1' });
  await app.register(deadlineRoutes, { prefix: '/v1' });
  await app.register(reportRoutes, { prefix: '/v1' });
  await app.register(activationRoutes, { prefix: '/v1' });
  await app.register(expenseRoutes, { prefix: '/v1' });
  await app.register(conventionRoutes, { prefix: '/v1' });
  await app.register(nationalRoutes, { prefix: '/v1' });
  await app.register(eventRoutes, { prefix: '/v1' });
  await app.register(auditRoutes, { prefix: '/v1' });
  await app.register(attachmentRoutes, { prefix: '/v1' });
  await app.register(importRoutes, { prefix: '/v1' });
  await app.register(documentRoutes, { prefix: '/v1' });
  await app.register(transferRoutes, { prefix: '/v1' });
  await app.register(retentionRoutes, { prefix: '/v1' });
  await app.register(webhookRoutes, { prefix: '/v1' });
}
