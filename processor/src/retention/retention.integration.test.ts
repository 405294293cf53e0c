import { createClickHouse } from '@gosight/common/clickhouse';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForMutations } from '../erasure.ts';
import { createProjectSettingsSource } from '../project-settings.ts';
import { utcDate } from '../utc-date.ts';
import { enforceRetention } from './retention.ts';

let infra: TestInfra;
beforeAll(async () => {
  infra = await createTestInfra('retention');
});
afterAll(async () => {
  await infra?.cleanup();
});

const DAY = 86_400_000;

it('drops partitions past every project retention and deletes per project elsewhere', async () => {
  const pool = createPostgres(infra.config.postgresUrl, 1);
  const short = uniqueId('short');
  const long = uniqueId('long');
  const unknown = uniqueId('nopg');
  await ensureProject(pool, short, 'Short', uniqueId('k'));
  await ensureProject(pool, long, 'Long', uniqueId('k'));
  await pool.query('UPDATE projects SET events_retention_days = 7, replay_retention_days = 3 WHERE id = $1', [
    short,
  ]);
  await pool.query(
    'UPDATE projects SET events_retention_days = 400, replay_retention_days = 400 WHERE id = $1',
    [long],
  );
  const projects = await createProjectSettingsSource(pool).all();
  await pool.end();

  const now = Date.now();
  const clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  const ancient = now - 3 * 365 * DAY;
  const events = [
    [short, 'old', now - 20 * DAY],
    [short, 'new', now],
    [long, 'old', now - 20 * DAY],
    [unknown, 'old', now - 20 * DAY],
    [short, 'ancient', ancient],
    [long, 'ancient', ancient],
  ].map(([project, id, at]) => ({
    project_id: project,
    session_id: `${project}-${id}`,
    event_id: `${project}-${id}`,
    // A page view: also copied to page_events and its URL to page_view_urls.
    type: 'page_view',
    url: `https://x.test/${project}-${id}`,
    timestamp_ms: at,
    received_at_ms: at,
    date: utcDate(at as number),
  }));
  // And a click of each: also copied to page_events and page_clicks.
  const clicks = events.map((event) => ({ ...event, event_id: `${event.event_id}-click`, type: 'click' }));
  await clickhouse.insert({ table: 'events', values: [...events, ...clicks], format: 'JSONEachRow' });
  const chunks = [
    [short, 'old', now - 5 * DAY],
    [short, 'new', now],
    [long, 'old', now - 5 * DAY],
  ].map(([project, id, at]) => ({
    project_id: project,
    session_id: `${project}-${id}`,
    sequence: 0,
    first_timestamp_ms: at,
    last_timestamp_ms: at,
    received_at_ms: at,
    date: utcDate(at as number),
    events_json: '[]',
  }));
  await clickhouse.insert({ table: 'replay_chunks', values: chunks, format: 'JSONEachRow' });

  const result = await enforceRetention(clickhouse, projects, now);
  const ancientMonth = utcDate(ancient).slice(0, 7).replace('-', '');
  // page_events holds the same page views, page_view_urls their URLs (both
  // filled from events by materialized views).
  expect(result.droppedPartitions).toEqual([
    `events/${ancientMonth}`,
    `page_events/${ancientMonth}`,
    `page_view_urls/${ancientMonth}`,
    `page_clicks/${ancientMonth}`,
  ]);
  expect(result.mutations).toEqual([
    'events: 1 projects',
    'page_events: 1 projects',
    'page_view_urls: 1 projects',
    'page_clicks: 1 projects',
    'replay_chunks: 1 projects',
  ]);
  await waitForMutations(clickhouse, 30_000);

  const ids = async (table: string) => {
    const rows = await clickhouse.query({
      query: `SELECT session_id FROM ${table} ORDER BY session_id`,
      format: 'JSONEachRow',
    });
    return (await rows.json<{ session_id: string }>()).map((row) => row.session_id);
  };
  // 20-day-old events stay for the 400-day project and the default (365 days).
  const sessions = [`${long}-old`, `${unknown}-old`, `${short}-new`].sort();
  // Each session's page view and click.
  expect(await ids('events')).toEqual(sessions.flatMap((id) => [id, id]));
  expect(await ids('page_events')).toEqual(await ids('events'));
  expect(await ids('page_clicks')).toEqual(sessions);
  const urls = await clickhouse.query({
    query: 'SELECT url FROM page_view_urls ORDER BY url',
    format: 'JSONEachRow',
  });
  expect((await urls.json<{ url: string }>()).map((row) => row.url)).toEqual(
    sessions.map((id) => `https://x.test/${id}`),
  );
  expect(await ids('replay_chunks')).toEqual([`${long}-old`, `${short}-new`].sort());

  // Nothing left to do: a second run issues no mutation.
  expect(await enforceRetention(clickhouse, projects, now)).toEqual({ droppedPartitions: [], mutations: [] });
  await clickhouse.close();
});
