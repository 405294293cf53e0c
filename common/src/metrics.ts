import type { IncomingMessage, ServerResponse } from 'node:http';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export { Counter, Gauge, Histogram, Registry };

// A registry per running service (tests start several in one process), with
// Node's process metrics prefixed by the service name.
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'gosight_' });
  return registry;
}

// Answers GET /metrics in the Prometheus text format.
export async function serveMetrics(registry: Registry, response: ServerResponse, _request?: IncomingMessage) {
  try {
    const body = await registry.metrics();
    response.writeHead(200, { 'content-type': registry.contentType }).end(body);
  } catch {
    response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
  }
}
