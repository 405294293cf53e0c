import { Code, ConnectError, createClient, createRouterTransport } from '@connectrpc/connect';
import { createMetricsRegistry } from '@gosight/common/metrics';
import { createPostgres, type Pool } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { IngestService } from '@gosight/proto/v1/ingest_pb';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatchIds } from './batch-ids.ts';
import type { BatchPublisher, OutgoingMessage } from './batch-publisher.ts';
import { ingestorConfigFrom } from './config.ts';
import { createIngestMetrics } from './ingest-metrics.ts';
import { createIngestService } from './ingest-service.ts';
import { createIpHasher } from './ip-hasher.ts';
import { createProjectResolver } from './project-resolver.ts';
import { createRateLimiter } from './rate-limiter.ts';
import { sampleBatch } from './test-harness.ts';
import { createUserAgentParser } from './user-agent.ts';

// Kafka refusing a publish is simulated by a publisher that fails its first
// call: what matters is what the service remembers (real Redis and
// PostgreSQL), so that the client's retry is published, not taken for a duplicate.
const config = ingestorConfigFrom(process.env);
let infra: TestInfra;
let pool: Pool;
let redis: Redis;
let writeKey: string;

beforeAll(async () => {
  infra = await createTestInfra('ingest_retry');
  pool = createPostgres(infra.config.postgresUrl, 1);
  redis = new Redis(infra.config.redisUrl);
  writeKey = uniqueId('key');
  await ensureProject(pool, uniqueId('proj'), 'Retry test', writeKey);
});

afterAll(async () => {
  await pool?.end();
  redis?.disconnect();
  await infra?.cleanup();
});

function serviceWith(publisher: BatchPublisher) {
  const service = createIngestService({
    config,
    projects: createProjectResolver(pool, redis, config.keyCacheSeconds),
    rateLimiter: createRateLimiter(redis),
    batchIds: createBatchIds(redis, 60),
    publisher,
    topics: topicsFor(infra.config.topicPrefix),
    metrics: createIngestMetrics(createMetricsRegistry('ingestor')),
    ipHasher: createIpHasher('retry-test-secret-16', false),
    parseUserAgent: createUserAgentParser(),
    now: Date.now,
  });
  return createClient(
    IngestService,
    createRouterTransport((router) => router.service(IngestService, service.decoded)),
  );
}

describe('a batch whose publish failed', () => {
  it('answers Unavailable, and its retry is published rather than answered as a duplicate', async () => {
    const published: OutgoingMessage[][] = [];
    let calls = 0;
    const client = serviceWith({
      async publish(messages) {
        calls++;
        if (calls === 1) throw new Error('KafkaJSNumberOfRetriesExceeded');
        published.push(messages);
      },
      async flush() {},
    });
    const request = sampleBatch(writeKey);
    const error = ConnectError.from(await client.ingestBatch(request).catch((e: unknown) => e));
    expect(error.code).toBe(Code.Unavailable);
    expect(error.rawMessage).toBe('the event queue is unavailable; retry later with the same batch_id');
    const retry = await client.ingestBatch(request);
    expect(retry).toMatchObject({ acceptedEvents: 2, duplicate: false });
    expect(published).toHaveLength(1);
    const again = await client.ingestBatch(request);
    expect(again).toMatchObject({ acceptedEvents: 2, duplicate: true });
    expect(published).toHaveLength(1);
  });
});
