import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// The dashboard's Prometheus registry: API calls made while rendering pages,
// and Node's process metrics, under the same names and prefix as the other
// services (common/src/metrics.ts). Kept on globalThis because Next.js may
// load this module once per server bundle (pages, route handlers) while
// /metrics must report the calls of all of them.

export type DashboardMetrics = {
  registry: Registry;
  apiCalls: Counter<'operation' | 'outcome'>;
  apiCallSeconds: Histogram<'operation' | 'outcome'>;
  liveStreams: Gauge;
};

const KEY = Symbol.for('gosight.dashboard.metrics');

export function createDashboardMetrics(): DashboardMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'dashboard' });
  collectDefaultMetrics({ register: registry, prefix: 'gosight_' });
  return {
    registry,
    apiCalls: new Counter({
      name: 'gosight_dashboard_api_calls_total',
      help: 'GoSight API calls made by the dashboard, by operation and outcome (OK or the Connect code)',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    apiCallSeconds: new Histogram({
      name: 'gosight_dashboard_api_call_duration_seconds',
      help: 'Duration of GoSight API calls made by the dashboard (until the response or the stream started)',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    liveStreams: new Gauge({
      name: 'gosight_dashboard_live_streams',
      help: 'Live views open in browsers, each relaying one LiveService.StreamLive stream',
      registers: [registry],
    }),
  };
}

export function dashboardMetrics(): DashboardMetrics {
  const holder = globalThis as { [KEY]?: DashboardMetrics };
  holder[KEY] ??= createDashboardMetrics();
  return holder[KEY];
}

/** Counts and times one API call; `outcome` is "OK" or the Connect code name. */
export function recordApiCall(operation: string, outcome: string, startedAt: number): void {
  const { apiCalls, apiCallSeconds } = dashboardMetrics();
  apiCalls.inc({ operation, outcome });
  apiCallSeconds.observe({ operation, outcome }, (performance.now() - startedAt) / 1000);
}
