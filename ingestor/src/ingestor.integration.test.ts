import { create, fromBinary } from '@bufbuild/protobuf';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import {
  createConnectTransport,
  createGrpcTransport,
  createGrpcWebTransport,
} from '@connectrpc/connect-node';
import { createKafka } from '@gosight/common/kafka';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { ReplayEncoding } from '@gosight/proto/v1/events_pb';
import {
  type IngestBatchRequest,
  IngestBatchRequestSchema,
  IngestService,
} from '@gosight/proto/v1/ingest_pb';
import { type EventBatchRecord, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { Consumer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestorConfigFrom } from './config.ts';
import { type RunningIngestor, startIngestor } from './ingestor.ts';

let infra: TestInfra;
let ingestor: RunningIngestor;
let consumer: Consumer;
const received: { key: string; record: EventBatchRecord }[] = [];
const projectId = uniqueId('proj');
const writeKey = uniqueId('key');

function batch(sessionId: string, overrides: { projectKey?: string } = {}): IngestBatchRequest {
  return create(IngestBatchRequestSchema, {
    projectKey: writeKey,
    batchId: uniqueId('batch'),
    sessionId,
    deviceId: 'device-1',
    page: { url: 'https://shop.example/cart', title: 'Cart', viewportWidth: 1280, viewportHeight: 720 },
    sentAtMs: BigInt(Date.now()),
    events: [
      {
        eventId: uniqueId('ev'),
        timestampMs: BigInt(Date.now()),
        sequence: 1,
        kind: { case: 'pageView', value: { url: 'https://shop.example/cart' } },
      },
      {
        eventId: uniqueId('ev'),
        timestampMs: BigInt(Date.now()),
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

beforeAll(async () => {
  infra = await createTestInfra('ingestor');
  const pool = createPostgres(infra.config.postgresUrl, 1);
  await ensureProject(pool, projectId, 'Ingestor test', writeKey);
  await pool.end();
  ingestor = await startIngestor({ ...ingestorConfigFrom({}), infra: infra.config, port: 0 });
  consumer = createKafka(infra.config.kafkaBrokers, 'ingestor-test').consumer({ groupId: uniqueId('group') });
  await consumer.connect();
  await consumer.subscribe({ topic: topicsFor(infra.config.topicPrefix).events, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push({
        key: message.key!.toString(),
        record: fromBinary(EventBatchRecordSchema, message.value!),
      });
    },
  });
});

afterAll(async () => {
  await consumer?.disconnect();
  await ingestor?.stop();
  await infra?.cleanup();
});

describe('ingestor on one port', () => {
  const baseUrl = () => `http://127.0.0.1:${ingestor.port}`;
  const transports = {
    'Connect binary': () =>
      createConnectTransport({ baseUrl: baseUrl(), httpVersion: '1.1', useBinaryFormat: true }),
    'Connect JSON': () =>
      createConnectTransport({ baseUrl: baseUrl(), httpVersion: '1.1', useBinaryFormat: false }),
    gRPC: () => createGrpcTransport({ baseUrl: baseUrl() }),
    'gRPC-Web': () => createGrpcWebTransport({ baseUrl: baseUrl(), httpVersion: '1.1' }),
  };

  for (const [name, transport] of Object.entries(transports)) {
    it(`accepts a batch over ${name} and publishes it to Kafka keyed by project:session`, async () => {
      const client = createClient(IngestService, transport());
      const sessionId = uniqueId('sess');
      const request = batch(sessionId);
      const response = await client.ingestBatch(request);
      expect(response.acceptedEvents).toBe(2);
      expect(response.acceptedReplayChunks).toBe(1);
      const published = await eventually(
        async () => received.find((item) => item.record.sessionId === sessionId),
        15_000,
        'the batch on the events topic',
      );
      expect(published.key).toBe(`${projectId}:${sessionId}`);
      expect(published.record.projectId).toBe(projectId);
      expect(published.record.events.map((event) => event.eventId)).toEqual(
        request.events.map((event) => event.eventId),
      );
      expect(published.record.events[1]?.kind).toMatchObject({
        case: 'click',
        value: { selector: 'button#buy' },
      });
    });
  }

  it('rejects an unknown write key with Unauthenticated', async () => {
    const client = createClient(IngestService, transports['Connect binary']());
    const error = await client
      .ingestBatch(batch('s', { projectKey: 'nope' }))
      .catch((e: unknown) => ConnectError.from(e));
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe(Code.Unauthenticated);
  });

  it('names every invalid field with InvalidArgument', async () => {
    const client = createClient(IngestService, transports['Connect binary']());
    const bad = batch('', {});
    bad.events[1]!.eventId = '';
    const error = ConnectError.from(await client.ingestBatch(bad).catch((e: unknown) => e));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toContain('session_id: is required');
    expect(error.rawMessage).toContain('events[1].event_id: is required');
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${baseUrl()}/healthz`);
    expect(response.status).toBe(200);
  });
});
