// Prometheus metrics at /metrics: request counts and durations by route, plus the process
// defaults. One registry per app, so test apps do not collide.
//
// The two request series are kept here, not in prom-client: its labelled inc/observe hash the
// label set on every call, a cost every request paid. Here a request adds to the series of its
// route (one map lookup) and the text is written only when /metrics is read, in the exposition
// format prom-client writes.
import type { FastifyInstance } from 'fastify';
import { Registry, collectDefaultMetrics } from 'prom-client';

const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** The requests of one method and route: counts by status, and the duration histogram. */
interface RouteSeries {
  readonly labels: string;
  readonly statuses: Map<number, number>;
  /** requests per bucket (not cumulative), the last one past every bound */
  readonly buckets: number[];
  sum: number;
  count: number;
}

export interface Metrics {
  readonly contentType: string;
  /** the text exposition of every metric */
  metrics(): Promise<string>;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

function render(series: Iterable<RouteSeries>): string {
  const counts = [
    '# HELP http_requests_total HTTP requests by method, route and status',
    '# TYPE http_requests_total counter',
  ];
  const durations = [
    '# HELP http_request_duration_seconds HTTP request duration by method and route',
    '# TYPE http_request_duration_seconds histogram',
  ];
  for (const s of series) {
    for (const [status, n] of s.statuses) counts.push(`http_requests_total{${s.labels},status="${status}"} ${n}`);
    let cumulative = 0;
    BUCKETS.forEach((bound, i) => {
      cumulative += s.buckets[i]!;
      durations.push(`http_request_duration_seconds_bucket{le="${bound}",${s.labels}} ${cumulative}`);
    });
    durations.push(`http_request_duration_seconds_bucket{le="+Inf",${s.labels}} ${s.count}`);
    durations.push(`http_request_duration_seconds_sum{${s.labels}} ${s.sum}`);
    durations.push(`http_request_duration_seconds_count{${s.labels}} ${s.count}`);
  }
  return `${counts.join('\n')}\n\n${durations.join('\n')}\n`;
}

export function registerMetrics(app: FastifyInstance): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const byRoute = new Map<string, RouteSeries>();
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unknown';
    const key = `${request.method} ${route}`;
    let series = byRoute.get(key);
    if (!series) {
      series = {
        labels: `method="${escapeLabel(request.method)}",route="${escapeLabel(route)}"`,
        statuses: new Map(),
        buckets: new Array<number>(BUCKETS.length + 1).fill(0),
        sum: 0,
        count: 0,
      };
      byRoute.set(key, series);
    }
    series.statuses.set(reply.statusCode, (series.statuses.get(reply.statusCode) ?? 0) + 1);
    const seconds = reply.elapsedTime / 1000;
    let bucket = 0;
    while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]!) bucket++;
    series.buckets[bucket]!++;
    series.sum += seconds;
    series.count++;
  });
  const metrics: Metrics = {
    contentType: registry.contentType,
    metrics: async () => `${await registry.metrics()}\n${render(byRoute.values())}`,
  };
  app.decorate('metrics', metrics);
  return metrics;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}
