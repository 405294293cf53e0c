import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Registry, serveMetrics } from '@gosight/common/metrics';

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

// /healthz: the process answers. /readyz: ready() (every role started and no
// write stuck in retries). /metrics: Prometheus text format.
export function startMetricsServer(
  registry: Registry,
  ready: () => boolean,
  host: string,
  port: number,
): Promise<MetricsServer> {
  const server = http.createServer(async (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else if (path === '/readyz') {
      const isReady = ready();
      response
        .writeHead(isReady ? 200 : 503, { 'content-type': 'text/plain' })
        .end(isReady ? 'ready\n' : 'not ready\n');
    } else if (path === '/metrics') {
      await serveMetrics(registry, response, request);
    } else {
      response.writeHead(404).end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
