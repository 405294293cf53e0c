import { type ClickHouseClient, createClickHouse } from '@gosight/common/clickhouse';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import type { Admin } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { consumerLag, measure } from './measure.ts';
import type { AlertMetric, AlertRule } from './rule.ts';

// The metrics rules are evaluated on, read from real ClickHouse and Kafka.

let infra: TestInfra;
let clickhouse: ClickHouseClient;
let admin: Admin;
const projectId = uniqueId('shop');
const NOW = 1_790_000_000_000;
const MINUTE = 60_000;

function rule(metric: AlertMetric, extra: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r',
    projectId,
    name: 'r',
    metric,
    urlPattern: null,
    condition: 'above',
    threshold: 0,
    anomalyFactor: 3,
    baselineWindows: 3,
    windowSeconds: 60,
    cooldownSeconds: 0,
    severity: 'warning',
    channelIds: [],
    ...extra,
  };
}

const noLag = async () => 0;

beforeAll(async () => {
  infra = await createTestInfra('alert_measure');
  clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  admin = createKafka(infra.config.kafkaBrokers, 'measure-test').admin();
  await admin.connect();
  const row = (session: string, type: string, ageMs: number, url = 'https://shop.example/checkout') => ({
    project_id: projectId,
    session_id: session,
    event_id: uniqueId('ev'),
    type,
    timestamp_ms: NOW - ageMs,
    received_at_ms: NOW - ageMs,
    date: '2026-09-21',
    url,
  });
  await clickhouse.insert({
    table: 'events',
    format: 'JSONEachRow',
    values: [
      // The current minute: 4 sessions, 2 of them with errors (3 errors), 8 events.
      row('s1', 'page_view', 10_000),
      row('s1', 'js_error', 9_000),
      row('s1', 'js_error', 8_000),
      row('s2', 'page_view', 7_000),
      row('s2', 'js_error', 6_000, 'https://shop.example/home'),
      row('s3', 'page_view', 5_000),
      row('s4', 'page_view', 4_000),
      row('s4', 'click', 3_000),
      // The three minutes before: 1, 2 and 1 errors; older ones are outside every window.
      row('b1', 'js_error', MINUTE + 1_000),
      row('b2', 'js_error', 2 * MINUTE + 1_000),
      row('b2', 'js_error', 2 * MINUTE + 2_000),
      row('b3', 'js_error', 3 * MINUTE + 1_000),
      row('old', 'js_error', 10 * MINUTE),
    ],
  });
});

afterAll(async () => {
  await admin?.disconnect();
  await clickhouse?.close();
  await infra?.cleanup();
});

it('counts each event metric over the current window', async () => {
  const deps = { clickhouse, ingestionLag: noLag };
  const cases: [AlertMetric, number][] = [
    ['js_errors', 3],
    ['error_rate', 50],
    ['sessions', 4],
    ['events', 8],
  ];
  for (const [metric, value] of cases) {
    expect([metric, (await measure(deps, rule(metric), NOW)).value]).toEqual([metric, value]);
  }
});

it('names the top page and an example session for errors, and honours the URL glob', async () => {
  const deps = { clickhouse, ingestionLag: noLag };
  const errors = await measure(deps, rule('js_errors'), NOW);
  expect(errors).toMatchObject({ topPage: 'https://shop.example/checkout', exampleSessionId: 's2' });
  expect((await measure(deps, rule('js_errors', { urlPattern: '*/home' }), NOW)).value).toBe(1);
});

it('reads the trailing windows an anomaly rule compares with', async () => {
  const measured = await measure(
    { clickhouse, ingestionLag: noLag },
    rule('js_errors', { condition: 'anomaly' }),
    NOW,
  );
  expect(measured.value).toBe(3);
  expect(measured.baseline).toEqual([1, 2, 1]);
});

it('measures ingestion lag as messages the events writer has not committed', async () => {
  const topic = topicsFor(infra.config.topicPrefix).events;
  const producer = createProducer(createKafka(infra.config.kafkaBrokers, 'measure-test'));
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ value: 'a' }, { value: 'b' }, { value: 'c' }] });
  await producer.disconnect();
  const group = `${infra.config.topicPrefix}.events-writer`;
  expect(await consumerLag(admin, group, topic)).toBe(3);
  const measured = await measure(
    { clickhouse, ingestionLag: () => consumerLag(admin, group, topic) },
    rule('ingestion_lag'),
    NOW,
  );
  expect(measured.value).toBe(3);
});
