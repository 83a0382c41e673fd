import type { FastifyReply } from 'fastify';
import type { Outcome } from '../core/context.js';

/** Sends a service's Outcome (status, headers, body) — the same path for fresh and replayed answers. */
export function sendOutcome<B>(reply: FastifyReply, outcome: Outcome<B>) {
  for (const [k, v] of Object.entries(outcome.headers)) reply.header(k, v);
  return reply.code(outcome.status).send(outcome.body);
}
