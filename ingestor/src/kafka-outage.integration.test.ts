import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromBinary } from '@bufbuild/protobuf';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { createTopics } from '@gosight/common/create-topics';
import { createKafka } from '@gosight/common/kafka';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { IngestService } from '@gosight/proto/v1/ingest_pb';
import { EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { Consumer } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestorConfigFrom } from './config.ts';
import { type RunningIngestor, startIngestor } from './ingestor.ts';
import { sampleBatch } from './test-harness.ts';

// A private Kafka (never the shared one) that the test stops and starts.
const KAFKA_PORT = 29492;
const brokers = [`127.0.0.1:${KAFKA_PORT}`];
const stackScript = new URL('../../deploy/local/stack.sh', import.meta.url).pathname;
let dataDir: string;
let infra: TestInfra;
let ingestor: RunningIngestor | undefined;
let consumer: Consumer | undefined;

async function kafkaServer(action: 'up' | 'down'): Promise<void> {
  await promisify(execFile)('bash', [stackScript, action, 'kafka'], {
    env: {
      ...process.env,
      GOSIGHT_DATA: dataDir,
      GOSIGHT_KAFKA_PORT: String(KAFKA_PORT),
      GOSIGHT_KAFKA_CONTROLLER_PORT: String(KAFKA_PORT + 1),
    },
    timeout: 60_000,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gosight-kafka-outage-'));
  [infra] = await Promise.all([createTestInfra('kafka_outage'), kafkaServer('up')]);
}, 90_000);

afterAll(async () => {
  await consumer?.disconnect();
  await ingestor?.stop();
  await kafkaServer('down').catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
  await infra?.cleanup();
}, 60_000);

it('answers Unavailable fast while Kafka is down and accepts the retried batch once after', async () => {
  const config = { ...infra.config, kafkaBrokers: brokers };
  const topics = topicsFor(config.topicPrefix);
  await createTopics(
    createKafka(brokers, 'outage-test'),
    topics,
    { partitions: 1, replicationFactor: 1 },
    () => {},
  );
  const pool = createPostgres(config.postgresUrl, 1);
  const writeKey = uniqueId('key');
  await ensureProject(pool, uniqueId('proj'), 'Kafka outage test', writeKey);
  await pool.end();
  const running = await startIngestor({
    ...ingestorConfigFrom({}),
    infra: config,
    port: 0,
    publishTimeoutMs: 1500,
    kafkaProbeIntervalMs: 500,
  });
  ingestor = running;
  const baseUrl = `http://127.0.0.1:${running.port}`;
  const api = createClient(IngestService, createConnectTransport({ baseUrl, httpVersion: '1.1' }));
  expect((await api.ingestBatch(sampleBatch(writeKey))).acceptedEvents).toBe(2);

  await kafkaServer('down');
  const batch = sampleBatch(writeKey);
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    const error = ConnectError.from(await api.ingestBatch(batch).catch((e: unknown) => e));
    const elapsedMs = performance.now() - started;
    expect(error.code).toBe(Code.Unavailable);
    expect(error.rawMessage).toBe('the event queue is unavailable; retry later with the same batch_id');
    expect(error.metadata.get('retry-after')).toBe('1');
    expect(elapsedMs).toBeLessThan(5000);
  }
  expect((await fetch(`${baseUrl}/readyz`)).status).toBe(503);

  await kafkaServer('up');
  // The SDK's behaviour: retry the same batch until it is acknowledged.
  const accepted = await eventually(
    () => api.ingestBatch(batch).catch(() => undefined),
    45_000,
    'the retried batch to be accepted after Kafka restarted',
  );
  expect(accepted).toMatchObject({ acceptedEvents: 2, duplicate: false });
  expect(await api.ingestBatch(batch)).toMatchObject({ acceptedEvents: 2, duplicate: true });
  expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);

  const eventIds = new Set<string>();
  const kafkaConsumer = createKafka(brokers, 'outage-test').consumer({ groupId: uniqueId('group') });
  consumer = kafkaConsumer;
  await kafkaConsumer.connect();
  await kafkaConsumer.subscribe({ topics: [topics.events], fromBeginning: true });
  await kafkaConsumer.run({
    eachMessage: async ({ message }) => {
      const record = fromBinary(EventBatchRecordSchema, message.value!);
      if (record.sessionId === batch.sessionId)
        for (const event of record.events) eventIds.add(event.eventId);
    },
  });
  // Nothing acknowledged is lost (a send that timed out may also have been written: at least once).
  await eventually(async () => (eventIds.size === 2 ? true : undefined), 20_000, 'the batch on Kafka');
  expect([...eventIds].sort()).toEqual(batch.events.map((event) => event.eventId).sort());
}, 120_000);
