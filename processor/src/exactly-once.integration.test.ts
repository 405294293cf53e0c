import { createClickHouse } from '@gosight/common/clickhouse';
import { createKafka } from '@gosight/common/kafka';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ProcessorChild, spawnProcessor } from './processor-child.ts';
import { currentSessionsQuery } from './sessions/session-store.ts';
import { eventBatchMessage, produce, simpleEvents } from './test-fixtures.ts';

// The processor runs as its own process. With GOSIGHT_TEST_PAUSE_AFTER_WRITE_MS
// it stops after its first successful insert, before committing the offsets;
// the test SIGKILLs it there, checks that rows were stored and no offset was
// committed (so everything in that insert will be delivered again), restarts
// it without the hook and checks what a user sees.

const SESSIONS = 40;
const EVENTS_PER_SESSION = 50;
const EVENTS_PER_BATCH = 10;
const N = SESSIONS * EVENTS_PER_SESSION;

let infra: TestInfra;
const children: ProcessorChild[] = [];

beforeAll(async () => {
  infra = await createTestInfra('exactly_once');
});

afterAll(async () => {
  for (const child of children) await child.kill('SIGKILL');
  await infra?.cleanup();
});

it('counts every acknowledged event exactly once after a SIGKILL between insert and commit', async () => {
  const { config } = infra;
  const topics = topicsFor(config.topicPrefix);
  const projectId = uniqueId('proj');
  const start = Date.now() - 60_000;
  const messages = [];
  for (let s = 0; s < SESSIONS; s++) {
    const sessionId = `${projectId}-s${s}`;
    for (let offset = 0; offset < EVENTS_PER_SESSION; offset += EVENTS_PER_BATCH) {
      messages.push(
        eventBatchMessage({
          projectId,
          sessionId,
          events: simpleEvents(sessionId, EVENTS_PER_BATCH, start, offset),
        }),
      );
    }
  }
  await produce(config.kafkaBrokers, topics.events, messages);

  const first = spawnProcessor(config, 'events,sessions', {
    GOSIGHT_TEST_PAUSE_AFTER_WRITE_MS: '120000',
    GOSIGHT_FLUSH_ROWS: '500',
  });
  children.push(first);
  await first.waitFor(/test hook: \S+\.events-writer wrote \d+ rows/, 40_000);
  const clickhouse = createClickHouse(config.clickhouseUrl, config.clickhouseDatabase);
  const scalar = async (sql: string) => {
    const result = await clickhouse.query({ query: sql, format: 'JSONEachRow' });
    const [row] = await result.json<{ n: string }>();
    return Number(row?.n ?? 0);
  };
  const storedBeforeKill = await scalar(`SELECT count() AS n FROM events WHERE project_id = '${projectId}'`);
  await first.kill('SIGKILL');
  expect(storedBeforeKill).toBeGreaterThan(0);
  const admin = createKafka(config.kafkaBrokers, 'exactly-once-test').admin();
  await admin.connect();
  const committed = await admin.fetchOffsets({
    groupId: `${config.topicPrefix}.events-writer`,
    topics: [topics.events],
  });
  await admin.disconnect();
  // Nothing committed: the restarted processor reads every message again,
  // including the ones whose rows were already inserted.
  expect(committed[0]?.partitions.every((partition) => partition.offset === '-1')).toBe(true);

  const second = spawnProcessor(config, 'events,sessions');
  children.push(second);
  await eventually(
    async () =>
      (await scalar(`SELECT uniqExact(event_id) AS n FROM events WHERE project_id = '${projectId}'`)) === N
        ? true
        : undefined,
    40_000,
    `${N} distinct events`,
  );
  // The rows inserted before the kill were written again.
  expect(
    await scalar(`SELECT count() AS n FROM events WHERE project_id = '${projectId}'`),
  ).toBeGreaterThanOrEqual(N);

  // What the API shows: distinct events by type, one row per event in a session's timeline.
  const byType = await clickhouse.query({
    query: `SELECT type, count() AS n FROM (SELECT type FROM events WHERE project_id = '${projectId}' LIMIT 1 BY event_id) GROUP BY type ORDER BY type`,
    format: 'JSONEachRow',
  });
  expect((await byType.json<{ type: string; n: string }>()).map((row) => [row.type, Number(row.n)])).toEqual([
    ['click', N / 2],
    ['page_view', N / 2],
  ]);
  const timeline = await clickhouse.query({
    query: `SELECT event_id FROM events WHERE project_id = '${projectId}' AND session_id = '${projectId}-s0' ORDER BY timestamp_ms LIMIT 1 BY event_id`,
    format: 'JSONEachRow',
  });
  expect(await timeline.json()).toHaveLength(EVENTS_PER_SESSION);

  const sessions = await eventually(
    async () => {
      const result = await clickhouse.query({
        query: currentSessionsQuery(projectId),
        format: 'JSONEachRow',
      });
      const rows = await result.json<{
        session_key: string;
        events: number;
        page_views: number;
        clicks: number;
      }>();
      return rows.length === SESSIONS && rows.every((row) => row.events === EVENTS_PER_SESSION)
        ? rows
        : undefined;
    },
    40_000,
    `${SESSIONS} complete sessions`,
  );
  expect(new Set(sessions.map((row) => row.session_key)).size).toBe(SESSIONS);
  expect(sessions.reduce((sum, row) => sum + row.page_views + row.clicks, 0)).toBe(N);
  await second.kill('SIGTERM');
  await clickhouse.close();
}, 120_000);
