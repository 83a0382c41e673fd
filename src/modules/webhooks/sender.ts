// One delivery attempt: a signed POST with a deadline, redirects not followed, the answer's body
// read and dropped. What it reports holds no personal data: an outcome, a status code, a short
// technical error.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { WebhookOutcome } from '../../db/types.js';
import { guardedLookup, isPublicAddress } from './url-policy.js';

export interface AttemptResult {
  outcome: WebhookOutcome;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivateNetworks: boolean;
}

const MAX_RESPONSE_BYTES = 64 * 1024;
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 20 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 20 }),
};

export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<AttemptResult> {
  const started = performance.now();
  const done = (outcome: WebhookOutcome, statusCode: number | null, error: string | null): AttemptResult => ({
    outcome,
    statusCode,
    error: error?.slice(0, 300) ?? null,
    durationMs: Math.round(performance.now() - started),
  });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(done('refused', null, 'not a URL'));
  }
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  // An address literal never goes through the lookup: check it here.
  if (
    !options.allowPrivateNetworks &&
    (target.protocol !== 'https:' || (net.isIP(literal) && !isPublicAddress(literal)))
  ) {
    return Promise.resolve(done('refused', null, `target not allowed: ${target.protocol}//${target.host}`));
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const request = client.request(
      target,
      {
        method: 'POST',
        agent: target.protocol === 'https:' ? agents.https : agents.http,
        lookup: guardedLookup(options.allowPrivateNetworks) as unknown as net.LookupFunction,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'piis-backend-webhooks/1',
        },
      },
      (response) => {
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        const status = response.statusCode ?? 0;
        const settle = () =>
          finish(
            status >= 200 && status < 300
              ? done('delivered', status, null)
              : done(
                  'http-error',
                  status,
                  `HTTP ${status}${status >= 300 && status < 400 ? ' (redirects are not followed)' : ''}`,
                ),
          );
        response.on('end', settle);
        response.on('close', settle);
        response.on('error', settle);
      },
    );
    const deadline = setTimeout(() => {
      finish(done('timeout', null, `no answer within ${options.timeoutMs} ms`));
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      finish(
        error.code === 'EADDRNOTALLOWED'
          ? done('refused', null, error.message)
          : done('network-error', null, error.code ?? error.message),
      );
    });
    request.end(body);
  });
}
