import { create, fromBinary, type MessageInitShape, toBinary } from '@bufbuild/protobuf';
import { type ClickHouseClient, createClickHouse, sqlString } from '@gosight/common/clickhouse';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { createPostgres } from '@gosight/common/postgres';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { sessionKey, topicsFor } from '@gosight/common/topics';
import { type EventSchema, JsErrorKind } from '@gosight/proto/v1/events_pb';
import { type Insight, InsightSchema } from '@gosight/proto/v1/insights_pb';
import { EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { Consumer, Producer } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningProcessor, startProcessor } from './processor.ts';

type EventInit = MessageInitShape<typeof EventSchema>;

let infra: TestInfra;
let processor: RunningProcessor;
let producer: Producer;
let clickhouse: ClickHouseClient;
let insightsConsumer: Consumer;
const published: { key: string; insight: Insight }[] = [];

beforeAll(async () => {
  infra = await createTestInfra('detector');
  processor = await startProcessor(
    {
      infra: infra.config,
      roles: ['detector'],
      flushRows: 1000,
      flushAgeMs: 200,
      metricsHost: '127.0.0.1',
      metricsPort: 0,
    },
    () => {},
  );
  const kafka = createKafka(infra.config.kafkaBrokers, 'detector-test');
  producer = createProducer(kafka);
  await producer.connect();
  clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  insightsConsumer = kafka.consumer({ groupId: uniqueId('insights-reader') });
  await insightsConsumer.connect();
  await insightsConsumer.subscribe({
    topic: topicsFor(infra.config.topicPrefix).insights,
    fromBeginning: true,
  });
  await insightsConsumer.run({
    eachMessage: async ({ message }) =>
      void published.push({
        key: message.key?.toString() ?? '',
        insight: fromBinary(InsightSchema, message.value ?? new Uint8Array()),
      }),
  });
});

afterAll(async () => {
  await insightsConsumer?.disconnect();
  await producer?.disconnect();
  await clickhouse?.close();
  await processor?.stop();
  await infra?.cleanup();
});

async function send(projectId: string, sessionId: string, events: EventInit[]): Promise<void> {
  const record = create(EventBatchRecordSchema, {
    projectId,
    sessionId,
    receivedAtMs: BigInt(Date.now()),
    page: { url: 'https://shop.example/cart' },
    events,
  });
  const value = Buffer.from(toBinary(EventBatchRecordSchema, record));
  await producer.send({
    topic: topicsFor(infra.config.topicPrefix).events,
    acks: -1,
    messages: [{ key: sessionKey(projectId, sessionId), value }],
  });
}

const click = (id: string, atMs: number, init: Record<string, unknown> = {}): EventInit => ({
  eventId: id,
  timestampMs: BigInt(atMs),
  kind: {
    case: 'click',
    value: {
      pageX: 200,
      pageY: 120,
      selector: '#pay',
      tag: 'button',
      interactive: true,
      reaction: { observedMs: 1000, domMutationMs: 40 },
      ...init,
    },
  },
});

async function insightsOf(
  sessionId: string,
): Promise<{ insight_id: string; type: string; click_count: number; copies: number }[]> {
  const result = await clickhouse.query({
    query: `SELECT insight_id, any(type) AS type, any(click_count) AS click_count, count() AS copies FROM insights WHERE session_id = ${sqlString(sessionId)} GROUP BY insight_id ORDER BY type`,
    format: 'JSONEachRow',
  });
  return (await result.json<{ insight_id: string; type: string; click_count: number; copies: string }>()).map(
    (row) => ({
      ...row,
      copies: Number(row.copies),
    }),
  );
}

it('detects all four signals, writes and publishes each once per detection, and a redelivery repeats the same ids', async () => {
  const projectId = uniqueId('proj');
  const sessionId = uniqueId('sess');
  const t0 = Date.now() - 20_000;
  const events: EventInit[] = [
    ...[0, 150, 300, 450, 600].map((dt, i) => click(`${sessionId}-r${i}`, t0 + dt)),
    click(`${sessionId}-d`, t0 + 4000, { selector: '#nothing', pageX: 600, reaction: { observedMs: 1000 } }),
    // The error is reported before the click that caused it (the SDK holds clicks while it watches).
    {
      eventId: `${sessionId}-err`,
      timestampMs: BigInt(t0 + 7300),
      kind: { case: 'jsError', value: { kind: JsErrorKind.ERROR, message: 'TypeError: x is undefined' } },
    },
    click(`${sessionId}-e`, t0 + 7000, { selector: '#throw', pageX: 900 }),
    {
      eventId: `${sessionId}-m`,
      timestampMs: BigInt(t0 + 10_000),
      kind: {
        case: 'mouseMoves',
        value: {
          samples: Array.from({ length: 24 }, (_, i) => ({
            offsetMs: i * 50,
            pageX: 300 + (i % 2) * 120,
            pageY: 400,
          })),
        },
      },
    },
  ];
  await send(projectId, sessionId, events);
  const rows = await eventually(
    async () => {
      const found = await insightsOf(sessionId);
      return found.length >= 4 ? found : undefined;
    },
    20_000,
    'four insights in ClickHouse',
  );
  expect(rows.map((row) => [row.type, row.click_count])).toEqual([
    ['dead_click', 1],
    ['error_click', 1],
    ['rage_click', 5],
    ['thrashed_cursor', 0],
  ]);
  const ids = rows.map((row) => row.insight_id).sort();
  const mine = () => published.filter((message) => message.insight.sessionId === sessionId);
  await eventually(async () => (mine().length >= 4 ? true : undefined), 10_000, 'four insights published');
  expect(
    mine()
      .map((message) => message.insight.insightId)
      .sort(),
  ).toEqual(ids);
  expect(new Set(mine().map((message) => message.key))).toEqual(new Set([`${projectId}:${sessionId}`]));
  expect(mine().find((m) => m.insight.errorMessage)?.insight.eventIds).toEqual([
    `${sessionId}-e`,
    `${sessionId}-err`,
  ]);

  // Redelivered (e.g. the SDK retried): the same insights, the same ids.
  await send(projectId, sessionId, events);
  await eventually(
    async () => ((await insightsOf(sessionId)).every((row) => row.copies === 2) ? true : undefined),
    20_000,
    'second copies',
  );
  expect((await insightsOf(sessionId)).map((row) => row.insight_id).sort()).toEqual(ids);

  const metrics = await (await fetch(`http://127.0.0.1:${processor.metricsPort}/metrics`)).text();
  // One series of a counter, e.g. ('gosight_processor_insights_total', 'type="rage_click"').
  const value = (name: string, label: string) =>
    Number(new RegExp(`^${name}\\{[^}]*${label}[^}]*\\} (\\d+)$`, 'm').exec(metrics)?.[1]);
  for (const type of ['rage_click', 'dead_click', 'error_click', 'thrashed_cursor'])
    expect(value('gosight_processor_insights_total', `type="${type}"`)).toBeGreaterThanOrEqual(2);
  expect(value('gosight_processor_detector_records_total', 'outcome="decoded"')).toBeGreaterThanOrEqual(2);
  expect(metrics).toMatch(/^gosight_processor_detector_sessions\{[^}]*\} \d+$/m);
});

it('applies a project’s threshold overrides from PostgreSQL', async () => {
  const projectId = uniqueId('proj');
  const sessionId = uniqueId('sess');
  const pool = createPostgres(infra.config.postgresUrl, 1);
  try {
    await pool.query('INSERT INTO projects (id, name) VALUES ($1, $2)', [projectId, 'detector test']);
    await pool.query(
      `INSERT INTO project_signal_settings (project_id, signal, overrides) VALUES ($1, 'rage_click', '{"minClicks": 3}')`,
      [projectId],
    );
    const t0 = Date.now() - 20_000;
    await send(
      projectId,
      sessionId,
      [0, 200, 400].map((dt, i) => click(`${sessionId}-${i}`, t0 + dt)),
    );
    const rows = await eventually(
      async () => {
        const found = await insightsOf(sessionId);
        return found.length > 0 ? found : undefined;
      },
      20_000,
      'the 3-click rage insight',
    );
    expect(rows.map((row) => [row.type, row.click_count])).toEqual([['rage_click', 3]]);
  } finally {
    await pool.query('DELETE FROM projects WHERE id = $1', [projectId]);
    await pool.end();
  }
});

it('makes live insights queryable within seconds of the batch that completed them, and commits past them', async () => {
  const projectId = uniqueId('proj');
  const now = Date.now();
  // Each session as the SDK sends it: clicks are reported after their 1 s
  // reaction watch, mouse samples in the batch that follows them.
  const live: [string, EventInit[]][] = [
    ['rage_click', [0, 150, 300, 450, 600].map((dt, i) => click(`rage-${i}-${now}`, now - 1600 + dt))],
    ['dead_click', [click(`dead-${now}`, now - 1000, { reaction: { observedMs: 1000 } })]],
    [
      'error_click',
      [
        click(`err-click-${now}`, now - 1000),
        {
          eventId: `err-${now}`,
          timestampMs: BigInt(now - 700),
          kind: { case: 'jsError', value: { message: 'boom' } },
        },
      ],
    ],
    [
      'thrashed_cursor',
      [
        {
          eventId: `moves-${now}`,
          timestampMs: BigInt(now - 1200),
          kind: {
            case: 'mouseMoves',
            value: {
              samples: Array.from({ length: 24 }, (_, i) => ({
                offsetMs: i * 50,
                pageX: 300 + (i % 2) * 120,
                pageY: 400,
              })),
            },
          },
        },
      ],
    ],
  ];
  const latencies = await Promise.all(
    live.map(async ([signal, events]) => {
      const sessionId = uniqueId(signal);
      await send(projectId, sessionId, events);
      const sentAt = Date.now();
      const [row] = await eventually(
        async () => {
          const found = await insightsOf(sessionId);
          return found.length > 0 ? found : undefined;
        },
        15_000,
        `the live ${signal}`,
      );
      return [signal, row?.type, Date.now() - sentAt] as const;
    }),
  );
  console.log(
    `queryable after the completing batch reached Kafka: ${latencies.map(([s, , ms]) => `${s} ${ms} ms`).join(', ')}`,
  );
  for (const [signal, type, latencyMs] of latencies) {
    expect(type).toBe(signal);
    expect(latencyMs).toBeLessThan(10_000);
  }

  const topic = topicsFor(infra.config.topicPrefix).events;
  const admin = createKafka(infra.config.kafkaBrokers, 'detector-test').admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({
          groupId: `${infra.config.topicPrefix}.detector`,
          topics: [topic],
        });
        const behind = ends.filter(
          (end) =>
            committed?.partitions.find((p) => p.partition === end.partition)?.offset !== end.offset &&
            end.offset !== '0',
        );
        return behind.length === 0 ? true : undefined;
      },
      15_000,
      'offsets committed to the end once every session is settled',
    );
  } finally {
    await admin.disconnect();
  }
});
