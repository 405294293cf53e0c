import { gzipSync } from 'node:zlib';
import { create, toBinary } from '@bufbuild/protobuf';
import { createClickHouse } from '@gosight/common/clickhouse';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { sessionKey, topicsFor } from '@gosight/common/topics';
import { ReplayEncoding } from '@gosight/proto/v1/events_pb';
import { EventBatchRecordSchema, ReplayChunkRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningProcessor, startProcessor } from './processor.ts';

let infra: TestInfra;
let processor: RunningProcessor;

beforeAll(async () => {
  infra = await createTestInfra('processor');
  processor = await startProcessor(
    { infra: infra.config, roles: ['events', 'replay'], flushRows: 1000, flushAgeMs: 200 },
    () => {},
  );
});

afterAll(async () => {
  await processor?.stop();
  await infra?.cleanup();
});

it('writes events and replay chunks to ClickHouse once each, and dead-letters what it cannot decode', async () => {
  const topics = topicsFor(infra.config.topicPrefix);
  const projectId = uniqueId('proj');
  const sessionId = uniqueId('sess');
  const now = Date.now();
  const record = create(EventBatchRecordSchema, {
    projectId,
    sessionId,
    deviceId: 'dev',
    batchId: 'b1',
    receivedAtMs: BigInt(now),
    page: { url: 'https://shop.example/', viewportWidth: 1024, viewportHeight: 768 },
    userAgent: 'test-agent',
    events: Array.from({ length: 20 }, (_, index) => ({
      eventId: `${sessionId}-${index}`,
      timestampMs: BigInt(now + index),
      sequence: index,
      kind:
        index % 2 === 0
          ? { case: 'pageView' as const, value: { url: `https://shop.example/p${index}` } }
          : {
              case: 'click' as const,
              value: { pageX: index, pageY: 2 * index, selector: `#b${index}`, tag: 'button' },
            },
    })),
  });
  const chunk = create(ReplayChunkRecordSchema, {
    projectId,
    sessionId,
    deviceId: 'dev',
    receivedAtMs: BigInt(now),
    url: 'https://shop.example/',
    chunk: {
      sequence: 0,
      firstTimestampMs: BigInt(now),
      lastTimestampMs: BigInt(now + 5),
      eventCount: 2,
      hasFullSnapshot: true,
      encoding: ReplayEncoding.GZIP_JSON,
      data: gzipSync('[{"type":4,"data":{}},{"type":2,"data":{}}]'),
    },
  });
  const producer = createProducer(createKafka(infra.config.kafkaBrokers, 'processor-test'));
  await producer.connect();
  const key = sessionKey(projectId, sessionId);
  const value = Buffer.from(toBinary(EventBatchRecordSchema, record));
  // The same batch twice (a redelivery), then a message that is not a record.
  await producer.send({
    topic: topics.events,
    messages: [
      { key, value },
      { key, value },
      { key, value: Buffer.from('garbage') },
    ],
  });
  await producer.send({
    topic: topics.replay,
    messages: [{ key, value: Buffer.from(toBinary(ReplayChunkRecordSchema, chunk)) }],
  });
  await producer.disconnect();

  // Offsets are committed only after the write: once the writer's group has
  // committed past all three messages, both copies went through the insert.
  const admin = createKafka(infra.config.kafkaBrokers, 'processor-test').admin();
  await admin.connect();
  await eventually(
    async () => {
      const [offsets] = await admin.fetchOffsets({
        groupId: `${infra.config.topicPrefix}.events-writer`,
        topics: [topics.events],
      });
      const committed = (offsets?.partitions ?? []).reduce(
        (sum, p) => sum + Math.max(0, Number(p.offset)),
        0,
      );
      return committed >= 3 || undefined;
    },
    20_000,
    'the events writer to commit past both copies and the garbage',
  );
  await admin.disconnect();
  const clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  const result = await clickhouse.query({
    query: `SELECT count() AS rows, uniqExact(event_id) AS events, uniqExactIf(event_id, type = 'click') AS clicks FROM events WHERE session_id = '${sessionId}'`,
    format: 'JSONEachRow',
  });
  const [counts] = await result.json<{ rows: string; events: string; clicks: string }>();
  if (!counts) throw new Error('no count row');
  // ClickHouse 18.16 keeps both copies until a merge; current releases may
  // collapse them on insert (optimize_on_insert). Users see the same either way.
  expect([20, 40]).toContain(Number(counts.rows));
  expect(Number(counts.events)).toBe(20);
  expect(Number(counts.clicks)).toBe(10);

  const replay = await eventually(
    async () => {
      const result = await clickhouse.query({
        query: `SELECT events_json, has_full_snapshot FROM replay_chunks WHERE session_id = '${sessionId}'`,
        format: 'JSONEachRow',
      });
      return (await result.json<{ events_json: string; has_full_snapshot: number }>())[0];
    },
    20_000,
    'the replay chunk in ClickHouse',
  );
  expect(JSON.parse(replay.events_json)).toHaveLength(2);
  expect(replay.has_full_snapshot).toBe(1);
  await clickhouse.close();

  const dead: KafkaMessage[] = [];
  const consumer = createKafka(infra.config.kafkaBrokers, 'processor-test').consumer({
    groupId: uniqueId('dlq'),
  });
  await consumer.connect();
  await consumer.subscribe({ topic: topics.dlq, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void dead.push(message) });
  const letter = await eventually(async () => dead[0], 20_000, 'the dead letter');
  await consumer.disconnect();
  expect(letter.value?.toString()).toBe('garbage');
  expect(letter.headers?.['gosight-reason']?.toString()).toMatch(/^not an EventBatchRecord/);
  expect(letter.headers?.['gosight-source']?.toString()).toMatch(
    new RegExp(`^${topics.events.replace(/\./g, '\\.')}/\\d+/\\d+$`),
  );
});
