// Webhooks in tests: fast delivery settings, a subscription created over HTTP, the deliveries
// of a subscription as the API lists them, a delivered message's shape, waiting for a probe, and
// a harness that may deliver to a receiver on loopback, with two CPAS.
import { bearer, buildHarness, type Harness, type TestCpas } from './app.js';
import { startReceiver } from './receiver.js';

// the receiver's answer must be read within timeoutMs even while the embedded database, which
// runs in this process, holds the event loop on a loaded machine: 400 ms was not always enough
export const FAST = { tickMs: 100, timeoutMs: 2_000, retryDelaysMs: [150, 300, 300, 300, 300, 300, 300, 300] };
export const ATTEMPTS = FAST.retryDelaysMs.length + 1;

export interface Delivered {
  type: string;
  timestamp: string;
  data: {
    id: string;
    type: string;
    entity: string;
    entityId: string | null;
    actor: string;
    occurredAt: string;
    data: Record<string, unknown>;
  };
}

export async function subscribe(h: Harness, cpas: TestCpas, body: Record<string, unknown>) {
  const res = await h.app.inject({
    method: 'POST',
    url: '/v1/webhooks',
    headers: bearer(await cpas.token('integration')),
    payload: body,
  });
  if (res.statusCode !== 201) throw new Error(`createWebhook: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; secret: string; status: string; url: string; events: string[] }>();
}

export async function deliveries(h: Harness, cpas: TestCpas, webhookId: string) {
  const res = await h.app.inject({
    method: 'GET',
    url: `/v1/webhooks/${webhookId}/deliveries?limit=500`,
    headers: bearer(await cpas.token('integration')),
  });
  if (res.statusCode !== 200) throw new Error(`listWebhookDeliveries: ${res.statusCode} ${res.body}`);
  return res.json<{
    items: Array<{
      messageId: string;
      eventId: string;
      eventType: string;
      attempt: number;
      outcome: string;
      statusCode: number | null;
      nextAttemptAt: string | null;
      error: string | null;
    }>;
  }>().items;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 10_000): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A harness with fast deliveries allowed to private networks, a receiver on loopback, two CPAS. */
export async function webhooksFixture(t: Parameters<typeof buildHarness>[0]) {
  const h = await buildHarness(t, { env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, webhooks: FAST });
  const receiver = await startReceiver();
  t.teardown(() => receiver.close());
  const a = await h.newCpas();
  const b = await h.newCpas();
  return { h, receiver, a, b };
}
