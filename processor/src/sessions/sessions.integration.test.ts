import { gzipSync } from 'node:zlib';
import { create, toBinary } from '@bufbuild/protobuf';
import { createClickHouse } from '@gosight/common/clickhouse';
import { createKafka } from '@gosight/common/kafka';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { sessionKey, topicsFor } from '@gosight/common/topics';
import { ReplayEncoding } from '@gosight/proto/v1/events_pb';
import { InsightSchema, InsightType } from '@gosight/proto/v1/insights_pb';
import { ReplayChunkRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningProcessor, startProcessor } from '../processor.ts';
import { eventBatchMessage, produce, simpleEvents } from '../test-fixtures.ts';
import { currentSessionsQuery } from './session-store.ts';

let infra: TestInfra;
let processor: RunningProcessor;
const projectId = uniqueId('proj');

beforeAll(async () => {
  infra = await createTestInfra('sessions');
  const pool = createPostgres(infra.config.postgresUrl, 1);
  await ensureProject(pool, projectId, 'Sessions test', uniqueId('key'));
  await pool.query(`UPDATE projects SET time_zone = 'America/New_York' WHERE id = $1`, [projectId]);
  await pool.end();
  processor = await startProcessor(
    { infra: infra.config, roles: ['events', 'replay', 'sessions'], flushRows: 1000, flushAgeMs: 100 },
    () => {},
  );
});

afterAll(async () => {
  await processor?.stop();
  await infra?.cleanup();
});

it('splits a session id by idle time and the project-local day, counts once under redelivery, and dead-letters bad insights', async () => {
  const topics = topicsFor(infra.config.topicPrefix);
  const sessionId = uniqueId('sess');
  // 04:50 and 05:10 UTC are 23:50 and 00:10 in New York: a new day there.
  const beforeMidnight = Date.UTC(2026, 10, 21, 4, 50);
  const afterMidnight = Date.UTC(2026, 10, 21, 5, 10);
  const afterIdle = afterMidnight + 31 * 60_000;
  const batches = [
    eventBatchMessage({
      projectId,
      sessionId,
      batchId: 'b1',
      events: simpleEvents(sessionId, 4, beforeMidnight, 0),
    }),
    eventBatchMessage({
      projectId,
      sessionId,
      batchId: 'b2',
      events: simpleEvents(sessionId, 6, afterMidnight, 4),
    }),
    eventBatchMessage({
      projectId,
      sessionId,
      batchId: 'b3',
      events: simpleEvents(sessionId, 2, afterIdle, 10),
    }),
  ];
  const insight = (id: string, at: number) =>
    toBinary(
      InsightSchema,
      create(InsightSchema, {
        insightId: id,
        type: InsightType.RAGE_CLICK,
        projectId,
        sessionId,
        timestampMs: BigInt(at),
        endTimestampMs: BigInt(at + 1000),
        clickCount: 5,
        detectedAtMs: BigInt(Date.now()),
      }),
    );
  const replay = create(ReplayChunkRecordSchema, {
    projectId,
    sessionId,
    deviceId: 'dev-1',
    receivedAtMs: BigInt(Date.now()),
    chunk: {
      sequence: 0,
      firstTimestampMs: BigInt(afterMidnight),
      lastTimestampMs: BigInt(afterMidnight + 5),
      eventCount: 1,
      hasFullSnapshot: true,
      encoding: ReplayEncoding.GZIP_JSON,
      data: gzipSync('[{"type":2,"data":{}}]'),
    },
  });
  const key = sessionKey(projectId, sessionId);
  // Every message twice: a redelivery must not change a figure.
  await produce(infra.config.kafkaBrokers, topics.events, [...batches, ...batches]);
  const rage = Buffer.from(insight('rage-1', afterMidnight + 5));
  await produce(infra.config.kafkaBrokers, topics.insights, [
    { key, value: rage },
    { key, value: rage },
    { key, value: Buffer.from('not an insight') },
    { key, value: Buffer.from(toBinary(InsightSchema, create(InsightSchema, { projectId }))) },
  ]);
  const chunk = Buffer.from(toBinary(ReplayChunkRecordSchema, replay));
  await produce(infra.config.kafkaBrokers, topics.replay, [{ key, value: chunk }]);

  const clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  type Row = Record<string, unknown>;
  const sessions = await eventually(
    async () => {
      const result = await clickhouse.query({
        query: currentSessionsQuery(projectId, `session_id = '${sessionId}'`),
        format: 'JSONEachRow',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
      });
      const rows = await result.json<Row>();
      const complete = rows.length === 3 && rows[1]?.rage_clicks === 1 && rows[1]?.has_replay === 1;
      return complete ? rows : undefined;
    },
    30_000,
    'three session rows with the insight and the replay',
  );
  expect(sessions.map((row) => [row.session_key, row.events, row.page_views, row.clicks])).toEqual([
    [sessionId, 4, 2, 2],
    [`${sessionId}~1`, 6, 3, 3],
    [`${sessionId}~2`, 2, 1, 1],
  ]);
  expect(sessions[0]).toMatchObject({
    start_ms: beforeMidnight,
    end_ms: beforeMidnight + 3,
    duration_ms: 3,
    entry_url: 'https://shop.example/p0',
    exit_url: 'https://shop.example/p2',
    browser: 'Chrome',
    os: 'Linux',
    device_type: 'desktop',
    country: 'DE',
    rage_clicks: 0,
    has_replay: 0,
  });
  expect(sessions[1]).toMatchObject({ rage_clicks: 1, dead_clicks: 0, has_replay: 1 });

  const insights = await clickhouse.query({
    query: `SELECT uniqExact(insight_id) AS n FROM insights WHERE project_id = '${projectId}'`,
    format: 'JSONEachRow',
  });
  expect(Number((await insights.json<{ n: string }>())[0]?.n)).toBe(1);
  await clickhouse.close();

  const dead: KafkaMessage[] = [];
  const consumer = createKafka(infra.config.kafkaBrokers, 'sessions-test').consumer({
    groupId: uniqueId('dlq'),
  });
  await consumer.connect();
  await consumer.subscribe({ topic: topics.dlq, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void dead.push(message) });
  await eventually(async () => (dead.length >= 2 ? true : undefined), 20_000, 'two dead letters');
  await consumer.disconnect();
  const reasons = dead.map((letter) => letter.headers?.['gosight-reason']?.toString()).sort();
  expect(reasons[0]).toBe('insight without insight_id, project_id or session_id');
  expect(reasons[1]).toMatch(/^not an Insight/);
  expect(
    dead.every((letter) => letter.headers?.['gosight-source']?.toString().startsWith(`${topics.insights}/`)),
  ).toBe(true);
});
