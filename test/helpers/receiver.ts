// A webhook receiver on loopback for tests: records every request and answers as told — 2xx, an
// error status, or nothing at all (a timeout).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: Record<string, string>;
  body: string;
  at: number;
  path: string;
  /** when the answer was sent (performance.now()); unset while none has been */
  answeredAt?: number;
}

export type Behaviour = 'ok' | 'fail' | 'hang';

export interface Receiver {
  url: string;
  received: Received[];
  /** how to answer the next request of a path (default: ok) */
  behave(fn: (request: Received, nth: number) => Behaviour): void;
  /** resolves once `count` requests have arrived (or rejects after `ms`) */
  waitFor(count: number, ms?: number, path?: string): Promise<Received[]>;
  close(): Promise<void>;
}

/** `answerAfterMs`: each answer waits this long, so that deliveries stay in flight a while. */
export async function startReceiver(options: { answerAfterMs?: number } = {}): Promise<Receiver> {
  const received: Received[] = [];
  let behaviour: (request: Received, nth: number) => Behaviour = () => 'ok';
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
        path: req.url ?? '/',
      };
      received.push(r);
      const answer = behaviour(r, received.length);
      if (answer === 'hang') return void hanging.add(res);
      const send = () => {
        r.answeredAt = performance.now();
        res.writeHead(answer === 'ok' ? 204 : 500).end();
      };
      if (options.answerAfterMs) setTimeout(send, options.answerAfterMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    behave(fn) {
      behaviour = fn;
    },
    async waitFor(count, ms = 10_000, path) {
      const until = performance.now() + ms;
      const matching = () => received.filter((r) => path === undefined || r.path === path);
      while (matching().length < count) {
        if (performance.now() > until)
          throw new Error(`receiver: ${matching().length} of ${count} requests after ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return matching();
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
