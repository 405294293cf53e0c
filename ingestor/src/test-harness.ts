// Shared by the ingestor's integration tests: a running ingestor on private
// topics, a project in PostgreSQL and a consumer of what it published.
import { create, fromBinary, type MessageInitShape } from '@bufbuild/protobuf';
import { createKafka } from '@gosight/common/kafka';
import { createPostgres, type Pool } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { ReplayEncoding } from '@gosight/proto/v1/events_pb';
import { type IngestBatchRequest, IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import {
  type EventBatchRecord,
  EventBatchRecordSchema,
  type ReplayChunkRecord,
  ReplayChunkRecordSchema,
} from '@gosight/proto/v1/pipeline_pb';
import type { Consumer } from 'kafkajs';
import { type IngestorConfig, ingestorConfigFrom } from './config.ts';
import { type RunningIngestor, startIngestor } from './ingestor.ts';

export interface Harness {
  infra: TestInfra;
  pool: Pool;
  ingestor: RunningIngestor;
  baseUrl: string;
  events: EventBatchRecord[];
  replay: ReplayChunkRecord[];
  // Creates a project with a fresh write key; returns [projectId, writeKey].
  project(settings?: {
    allowedOrigins?: string[];
    eventsPerSecond?: number;
    burst?: number;
  }): Promise<[string, string]>;
  // Waits for the events record of a session.
  published(sessionId: string): Promise<EventBatchRecord>;
  stop(): Promise<void>;
}

export async function startHarness(name: string, overrides: Partial<IngestorConfig> = {}): Promise<Harness> {
  const infra = await createTestInfra(name);
  const pool = createPostgres(infra.config.postgresUrl, 2);
  const ingestor = await startIngestor({
    ...ingestorConfigFrom({}),
    infra: infra.config,
    port: 0,
    ...overrides,
  });
  const events: EventBatchRecord[] = [];
  const replay: ReplayChunkRecord[] = [];
  const topics = topicsFor(infra.config.topicPrefix);
  const consumer: Consumer = createKafka(infra.config.kafkaBrokers, `${name}-test`).consumer({
    groupId: uniqueId('group'),
  });
  await consumer.connect();
  await consumer.subscribe({ topics: [topics.events, topics.replay], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      if (topic === topics.events) events.push(fromBinary(EventBatchRecordSchema, message.value!));
      else replay.push(fromBinary(ReplayChunkRecordSchema, message.value!));
    },
  });
  return {
    infra,
    pool,
    ingestor,
    baseUrl: `http://127.0.0.1:${ingestor.port}`,
    events,
    replay,
    async project(settings = {}) {
      const projectId = uniqueId('proj');
      const writeKey = uniqueId('key');
      await ensureProject(pool, projectId, `${name} test`, writeKey);
      await pool.query(
        'UPDATE projects SET allowed_origins = $2, rate_limit_events_per_second = $3, rate_limit_burst_events = $4 WHERE id = $1',
        [projectId, settings.allowedOrigins ?? [], settings.eventsPerSecond ?? null, settings.burst ?? null],
      );
      return [projectId, writeKey];
    },
    published(sessionId) {
      return eventually(
        async () => events.find((record) => record.sessionId === sessionId),
        15_000,
        `the events of session ${sessionId} on Kafka`,
      );
    },
    async stop() {
      await consumer.disconnect();
      await ingestor.stop();
      await pool.end();
      await infra.cleanup();
    },
  };
}

// A valid batch of a page view, a click and one replay chunk.
export function sampleBatch(
  writeKey: string,
  overrides: Omit<MessageInitShape<typeof IngestBatchRequestSchema>, '$typeName'> = {},
): IngestBatchRequest {
  const now = BigInt(Date.now());
  return create(IngestBatchRequestSchema, {
    projectKey: writeKey,
    batchId: uniqueId('batch'),
    sessionId: uniqueId('sess'),
    deviceId: 'device-1',
    tabId: 'tab-1',
    page: { url: 'https://shop.example/cart', title: 'Cart', viewportWidth: 1280, viewportHeight: 720 },
    sentAtMs: now,
    events: [
      {
        eventId: uniqueId('ev'),
        timestampMs: now,
        sequence: 1,
        kind: { case: 'pageView', value: { url: 'https://shop.example/cart' } },
      },
      {
        eventId: uniqueId('ev'),
        timestampMs: now,
        sequence: 2,
        kind: { case: 'click', value: { pageX: 10, pageY: 20, selector: 'button#buy', tag: 'button' } },
      },
    ],
    replayChunks: [
      {
        sequence: 0,
        eventCount: 1,
        hasFullSnapshot: true,
        encoding: ReplayEncoding.JSON,
        data: new TextEncoder().encode('[{"type":4}]'),
      },
    ],
    ...overrides,
  });
}
