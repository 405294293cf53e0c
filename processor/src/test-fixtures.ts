import { create, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { sessionKey } from '@gosight/common/topics';
import type { EventSchema } from '@gosight/proto/v1/events_pb';
import { DeviceType, EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { Message } from 'kafkajs';

// Builders shared by the processor's integration tests and the benchmark.

type EventInit = MessageInitShape<typeof EventSchema>;

export interface RecordSpec {
  projectId: string;
  sessionId: string;
  deviceId?: string;
  batchId?: string;
  receivedAtMs?: number;
  url?: string;
  events: EventInit[];
}

export function eventBatchMessage(spec: RecordSpec): Message {
  const record = create(EventBatchRecordSchema, {
    projectId: spec.projectId,
    sessionId: spec.sessionId,
    deviceId: spec.deviceId ?? 'dev-1',
    batchId: spec.batchId ?? `${spec.sessionId}-b`,
    receivedAtMs: BigInt(spec.receivedAtMs ?? Date.now()),
    page: { url: spec.url ?? 'https://shop.example/', viewportWidth: 1280, viewportHeight: 800 },
    userAgent: 'test-agent',
    tabId: 'tab-1',
    clockSkewMs: 12n,
    client: {
      browser: 'Chrome',
      browserVersion: '130',
      os: 'Linux',
      deviceType: DeviceType.DESKTOP,
      country: 'DE',
      ipHash: 'abc123',
    },
    events: spec.events,
  });
  return {
    key: sessionKey(spec.projectId, spec.sessionId),
    value: Buffer.from(toBinary(EventBatchRecordSchema, record)),
  };
}

// `count` clicks and page views, alternating, one per millisecond from startMs.
export function simpleEvents(sessionId: string, count: number, startMs: number, offset = 0): EventInit[] {
  return Array.from({ length: count }, (_, i) => {
    const index = offset + i;
    const kind: EventInit['kind'] =
      index % 2 === 0
        ? { case: 'pageView', value: { url: `https://shop.example/p${index}` } }
        : { case: 'click', value: { pageX: index, pageY: index, selector: `#b${index}`, tag: 'button' } };
    return { eventId: `${sessionId}-${index}`, timestampMs: BigInt(startMs + index), sequence: index, kind };
  });
}

export async function produce(brokers: string[], topic: string, messages: Message[]): Promise<void> {
  const producer = createProducer(createKafka(brokers, 'processor-test'));
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += 500)
      await producer.send({ topic, messages: messages.slice(i, i + 500), acks: -1 });
  } finally {
    await producer.disconnect();
  }
}
