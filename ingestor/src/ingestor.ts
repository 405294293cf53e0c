import type http from 'node:http';
import type http2 from 'node:http2';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { createContextValues } from '@connectrpc/connect';
import { connectNodeAdapter } from '@connectrpc/connect-node';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { createMetricsRegistry } from '@gosight/common/metrics';
import { createPostgres } from '@gosight/common/postgres';
import { serveH1AndH2c } from '@gosight/common/serve-h1-h2c';
import { topicsFor } from '@gosight/common/topics';
import { IngestBatchResponseSchema, IngestService } from '@gosight/proto/v1/ingest_pb';
import { Redis } from 'ioredis';
import { createBatchIds } from './batch-ids.ts';
import { createBatchPublisher } from './batch-publisher.ts';
import type { IngestorConfig } from './config.ts';
import { handleCors } from './cors.ts';
import { createFastUnary } from './fast-unary.ts';
import { createHttpRoutes } from './http-routes.ts';
import { createIngestMetrics } from './ingest-metrics.ts';
import { createIngestService } from './ingest-service.ts';
import { createNodeHandler } from './invalid-body-adapter.ts';
import { createIpHasher } from './ip-hasher.ts';
import { createProjectResolver } from './project-resolver.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { createKafkaCircuit, createKafkaReadiness } from './readiness.ts';
import { requestFactsFrom, requestFactsKey } from './request-facts.ts';
import { createUserAgentParser } from './user-agent.ts';
import { IngestBatchRequestViewSchema, IngestServiceView } from './wire-view.ts';

export interface RunningIngestor {
  port: number;
  // Stops accepting requests, lets those in progress finish, flushes the producer.
  stop(): Promise<void>;
}

// Starts the ingestor: Connect (binary and JSON), gRPC and gRPC-Web on one port.
export async function startIngestor(config: IngestorConfig): Promise<RunningIngestor> {
  const kafka = createKafka(config.infra.kafkaBrokers, 'gosight-ingestor');
  const producer = createProducer(kafka);
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  const pool = createPostgres(config.infra.postgresUrl, 10);
  const redis = new Redis(config.infra.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    // While Redis is down, fail commands at once: every use of Redis here has a fallback.
    enableOfflineQueue: false,
    enableAutoPipelining: true,
  });
  await redis.connect();

  const registry = createMetricsRegistry('ingestor');
  const metrics = createIngestMetrics(registry);
  const isKafkaReady = createKafkaReadiness(admin, 2000);
  const circuit = createKafkaCircuit(isKafkaReady, config.kafkaProbeIntervalMs);
  const publisher = createBatchPublisher(producer, {
    lingerMs: config.publishLingerMs,
    timeoutMs: config.publishTimeoutMs,
    circuit,
  });
  const service = createIngestService({
    config,
    projects: createProjectResolver(pool, redis, config.keyCacheSeconds),
    rateLimiter: createRateLimiter(redis),
    batchIds: createBatchIds(redis, config.idempotencySeconds),
    publisher,
    topics: topicsFor(config.infra.topicPrefix),
    metrics,
    ipHasher: createIpHasher(config.ipHashSecret, config.truncateIp),
    parseUserAgent: createUserAgentParser(),
    now: Date.now,
  });
  const adapterOptions = {
    // The handler names the limit and the size for bodies with a Content-Length
    // above limits.batchBytes; this hard cap (also on decompressed size) stops
    // the rest before they are buffered whole.
    readMaxBytes: config.limits.batchBytes * 2,
    contextValues: (request: http.IncomingMessage | http2.Http2ServerRequest) =>
      createContextValues().set(
        requestFactsKey,
        requestFactsFrom(request, config.trustedProxyHops, config.countryHeader),
      ),
  };
  // JSON requests are decoded with the generated schema; binary ones (Connect,
  // gRPC, gRPC-Web) with the wire view, which keeps each event's bytes.
  const connectJson = connectNodeAdapter({
    ...adapterOptions,
    routes: (router) => router.service(IngestService, service.decoded),
  });
  // Undecodable bodies answer invalid_argument, not connect-es's internal (invalid-body-adapter.ts).
  const connectBinary = createNodeHandler({
    ...adapterOptions,
    routes: (router) => router.service(IngestServiceView, { ingestBatch: service.wireView }),
  });
  // The common binary calls skip connect-es's general machinery (fast-unary.ts).
  const binary = createFastUnary({
    path: `/${IngestService.typeName}/${IngestService.method.ingestBatch.name}`,
    readMaxBytes: adapterOptions.readMaxBytes,
    contextValues: adapterOptions.contextValues,
    decode: (bytes) => fromBinary(IngestBatchRequestViewSchema, bytes),
    handle: async (input, context) =>
      toBinary(IngestBatchResponseSchema, await service.wireView(input, context)),
    fallback: connectBinary,
  });
  let draining = false;
  let stopping: Promise<void> | undefined;
  const routes = createHttpRoutes({
    registry,
    isReady: async () => !circuit.isOpen() && (await isKafkaReady()),
    isDraining: () => draining,
    sdkScriptPath: config.sdkScriptPath,
    sdkScriptMaxAgeSeconds: config.sdkScriptMaxAgeSeconds,
  });
  const server = await serveH1AndH2c(
    (request, response) => {
      const h1Request = request as http.IncomingMessage;
      const h1Response = response as http.ServerResponse;
      if (routes(h1Request, h1Response)) return;
      if (handleCors(config.allowedOrigins, h1Request, h1Response)) return;
      const length = Number(request.headers['content-length']);
      if (length > 0) metrics.requestBytes.inc(length);
      const contentType = request.headers['content-type'] ?? '';
      if (contentType.includes('json')) connectJson(request, response);
      else binary(request, response);
    },
    config.host,
    config.port,
  );

  return {
    port: server.port,
    stop() {
      stopping ??= (async () => {
        draining = true;
        await server.close(config.shutdownGraceMs);
        circuit.stop();
        await publisher.flush();
        await producer.disconnect();
        await admin.disconnect();
        await pool.end();
        await redis.quit().catch(() => redis.disconnect());
      })();
      return stopping;
    },
  };
}
