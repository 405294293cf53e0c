import type http from 'node:http';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { createClickHouse } from '@gosight/common/clickhouse';
import { serveH1AndH2c } from '@gosight/common/serve-h1-h2c';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import type { ApiConfig } from './config.ts';
import { createSessionService } from './session-service.ts';

export interface RunningApi {
  port: number;
  stop(): Promise<void>;
}

export async function startApi(config: ApiConfig): Promise<RunningApi> {
  const clickhouse = createClickHouse(config.infra.clickhouseUrl, config.infra.clickhouseDatabase);
  const connect = connectNodeAdapter({
    routes: (router) => router.service(SessionService, createSessionService(clickhouse)),
  });
  const server = await serveH1AndH2c(
    (request, response) => {
      if (request.url === '/healthz') {
        (response as http.ServerResponse).writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
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
      await clickhouse.close();
    },
  };
}
