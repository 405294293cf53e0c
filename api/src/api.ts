import type http from 'node:http';
import type http2 from 'node:http2';
import { createContextValues } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { createClickHouse } from '@gosight/common/clickhouse';
import { createMetricsRegistry, serveMetrics } from '@gosight/common/metrics';
import { createPostgres } from '@gosight/common/postgres';
import { serveH1AndH2c } from '@gosight/common/serve-h1-h2c';
import { Redis } from 'ioredis';
import { createAuthenticate } from './auth/authenticate.ts';
import { clientIpFrom, clientIpKey } from './auth/client-ip.ts';
import { createAuthInterceptor } from './auth/interceptor.ts';
import { createLoginThrottle } from './auth/login-throttle.ts';
import type { ApiConfig } from './config.ts';
import { createRpcMetrics } from './metrics.ts';
import { registerApi } from './routes.ts';

export interface RunningApi {
  port: number;
  stop(): Promise<void>;
}

export async function startApi(config: ApiConfig): Promise<RunningApi> {
  const clickhouse = createClickHouse(config.infra.clickhouseUrl, config.infra.clickhouseDatabase);
  const pool = createPostgres(config.infra.postgresUrl, 10);
  const metrics = createMetricsRegistry('api');
  // Only the login throttle uses Redis; while it is down, commands fail at once.
  const redis = new Redis(config.infra.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => {});
  const loginThrottle = createLoginThrottle(redis, config.login, config.infra.topicPrefix, (error) =>
    console.warn(
      `[api] login throttle unavailable (Redis): ${error instanceof Error ? error.message : error}`,
    ),
  );
  const connect = connectNodeAdapter({
    interceptors: [createRpcMetrics(metrics), createAuthInterceptor(createAuthenticate(pool))],
    contextValues: (request: http.IncomingMessage | http2.Http2ServerRequest) =>
      createContextValues().set(clientIpKey, clientIpFrom(request, config.trustedProxyHops)),
    routes: (router) =>
      registerApi(router, {
        clickhouse,
        pool,
        sessionTtlMs: config.sessionTtlMs,
        telegramApiUrl: config.telegramApiUrl,
        loginThrottle,
      }),
  });
  const server = await serveH1AndH2c(
    (request, response) => {
      if (request.url === '/healthz') {
        (response as http.ServerResponse).writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
        return;
      }
      if (request.url === '/metrics') {
        void serveMetrics(metrics, response as http.ServerResponse);
        return;
      }
      connect(request, response);
    },
    config.host,
    config.port,
  );
  return {
    port: server.port,
    async stop() {
      await server.close();
      await Promise.all([clickhouse.close(), pool.end(), redis.quit().catch(() => redis.disconnect())]);
    },
  };
}
