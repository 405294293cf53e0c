import type http from 'node:http';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { createPostgres } from '@gosight/common/postgres';
import { serveH1AndH2c } from '@gosight/common/serve-h1-h2c';
import { topicsFor } from '@gosight/common/topics';
import { IngestService } from '@gosight/proto/v1/ingest_pb';
import { Redis } from 'ioredis';
import { createBatchPublisher } from './batch-publisher.ts';
import type { IngestorConfig } from './config.ts';
import { handleCors } from './cors.ts';
import { createIngestService } from './ingest-service.ts';
import { createKeyResolver } from './key-resolver.ts';

export interface RunningIngestor {
  port: number;
  stop(): Promise<void>;
}

// Starts the ingestor: Connect (binary and JSON), gRPC and gRPC-Web on one port.
export async function startIngestor(config: IngestorConfig): Promise<RunningIngestor> {
  const kafka = createKafka(config.infra.kafkaBrokers, 'gosight-ingestor');
  const producer = createProducer(kafka);
  await producer.connect();
  const pool = createPostgres(config.infra.postgresUrl, 10);
  const redis = new Redis(config.infra.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();

  const publisher = createBatchPublisher(producer, config.publishLingerMs);
  const service = createIngestService({
    keys: createKeyResolver(pool, redis, config.keyCacheSeconds),
    publisher,
    topics: topicsFor(config.infra.topicPrefix),
    now: Date.now,
  });
  const connect = connectNodeAdapter({
    routes: (router) => router.service(IngestService, service),
    readMaxBytes: config.maxRequestBytes,
  });
  const server = await serveH1AndH2c(
    (request, response) => {
      const h1Request = request as http.IncomingMessage;
      const h1Response = response as http.ServerResponse;
      if (handleCors(config.allowedOrigins, h1Request, h1Response)) return;
      if (request.url === '/healthz') {
        h1Response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
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
      await publisher.flush();
      await producer.disconnect();
      await pool.end();
      redis.disconnect();
    },
  };
}
