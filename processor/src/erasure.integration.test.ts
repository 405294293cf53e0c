import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { createClickHouse } from '@gosight/common/clickhouse';
import { createPostgres } from '@gosight/common/postgres';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eraseSubject } from './erasure.ts';
import { utcDate } from './utc-date.ts';

let infra: TestInfra;
beforeAll(async () => {
  infra = await createTestInfra('erasure');
});
afterAll(async () => {
  await infra?.cleanup();
});

const root = new URL('../../', import.meta.url).pathname;

it('erases a user (CLI) and a device (function) from every table and logs the request hashed', async () => {
  const { config } = infra;
  const project = uniqueId('proj');
  const clickhouse = createClickHouse(config.clickhouseUrl, config.clickhouseDatabase);
  const now = Date.now();
  const date = utcDate(now);
  // s1: user u1 identified on device d1; s2: d1 again, anonymous; s3: someone else on d2; s4: d3.
  const event = (session: string, device: string, id: string, user = '') => ({
    project_id: project,
    session_id: session,
    device_id: device,
    event_id: id,
    type: user ? 'identify' : 'click',
    user_id: user,
    timestamp_ms: now,
    received_at_ms: now,
    date,
  });
  await clickhouse.insert({
    table: 'events',
    values: [
      event('s1', 'd1', 'e1', 'u1'),
      event('s1', 'd1', 'e2'),
      event('s2', 'd1', 'e3'),
      event('s3', 'd2', 'e4'),
      event('s4', 'd3', 'e5'),
      // Page views: their URLs are also listed, without sessions, in page_view_urls.
      { ...event('s1', 'd1', 'v1'), type: 'page_view', url: 'https://x.test/u1-profile' },
      { ...event('s1', 'd1', 'v2'), type: 'page_view', url: 'https://x.test/shared' },
      { ...event('s2', 'd1', 'v3'), type: 'page_view', url: 'https://x.test/shared' },
      { ...event('s3', 'd2', 'v4'), type: 'page_view', url: 'https://x.test/d2-only' },
    ],
    format: 'JSONEachRow',
  });
  const urls = async () => {
    const result = await clickhouse.query({
      query: `SELECT DISTINCT url FROM page_view_urls WHERE project_id = '${project}' ORDER BY url`,
      format: 'JSONEachRow',
    });
    return (await result.json<{ url: string }>()).map((row) => row.url);
  };
  expect(await urls()).toEqual([
    'https://x.test/d2-only',
    'https://x.test/shared',
    'https://x.test/u1-profile',
  ]);
  const perSession = (session: string, device: string) => ({
    project_id: project,
    session_id: session,
    device_id: device,
    date,
  });
  await clickhouse.insert({
    table: 'mouse_samples',
    values: [
      { ...perSession('s1', 'd1'), event_id: 'm1' },
      { ...perSession('s3', 'd2'), event_id: 'm3' },
    ],
    format: 'JSONEachRow',
  });
  await clickhouse.insert({
    table: 'replay_chunks',
    values: [perSession('s1', 'd1'), perSession('s2', 'd1'), perSession('s3', 'd2')],
    format: 'JSONEachRow',
  });
  await clickhouse.insert({
    table: 'sessions',
    values: [
      { ...perSession('s1', 'd1'), session_key: 's1', user_id: 'u1' },
      { ...perSession('s3', 'd2'), session_key: 's3' },
    ],
    format: 'JSONEachRow',
  });
  await clickhouse.insert({
    table: 'insights',
    values: [
      { project_id: project, session_id: 's1', insight_id: 'i1', date },
      { project_id: project, session_id: 's3', insight_id: 'i3', date },
    ],
    format: 'JSONEachRow',
  });

  await promisify(execFile)(
    'npx',
    ['tsx', 'processor/src/erase-cli.ts', '--project', project, '--user', 'u1'],
    {
      cwd: root,
      env: {
        ...process.env,
        GOSIGHT_CLICKHOUSE_URL: config.clickhouseUrl,
        GOSIGHT_CLICKHOUSE_DB: config.clickhouseDatabase,
        GOSIGHT_POSTGRES_URL: config.postgresUrl,
      },
      timeout: 60_000,
    },
  );
  const sessionsIn = async (table: string) => {
    const result = await clickhouse.query({
      query: `SELECT DISTINCT session_id FROM ${table} WHERE project_id = '${project}' ORDER BY session_id`,
      format: 'JSONEachRow',
    });
    return (await result.json<{ session_id: string }>()).map((row) => row.session_id);
  };
  // The user's identified session is gone everywhere; the device's anonymous one stays.
  expect(await sessionsIn('events')).toEqual(['s2', 's3', 's4']);
  // The clicks' copy for page-level queries (a materialized view of events).
  expect(await sessionsIn('page_events')).toEqual(['s2', 's3', 's4']);
  expect(await sessionsIn('page_clicks')).toEqual(['s2', 's3', 's4']);
  // The user's own URL is gone; the one another session (s2) viewed stays.
  expect(await urls()).toEqual(['https://x.test/d2-only', 'https://x.test/shared']);
  expect(await sessionsIn('mouse_samples')).toEqual(['s3']);
  expect(await sessionsIn('replay_chunks')).toEqual(['s2', 's3']);
  expect(await sessionsIn('sessions')).toEqual(['s3']);
  expect(await sessionsIn('insights')).toEqual(['s3']);

  const pool = createPostgres(config.postgresUrl, 1);
  const result = await eraseSubject(
    clickhouse,
    pool,
    { projectId: project, kind: 'device', subject: 'd2' },
    30_000,
  );
  expect(result.sessionIds).toEqual(['s3']);
  expect(await sessionsIn('events')).toEqual(['s2', 's4']);
  expect(await sessionsIn('page_events')).toEqual(['s2', 's4']);
  expect(await sessionsIn('page_clicks')).toEqual(['s2', 's4']);
  expect(await urls()).toEqual(['https://x.test/shared']);
  expect(await sessionsIn('mouse_samples')).toEqual([]);
  expect(await sessionsIn('replay_chunks')).toEqual(['s2']);
  expect(await sessionsIn('sessions')).toEqual([]);
  expect(await sessionsIn('insights')).toEqual([]);

  const log = await pool.query(
    'SELECT subject_kind, subject_sha256, sessions_erased FROM erasure_log WHERE project_id = $1 ORDER BY id',
    [project],
  );
  await pool.end();
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  expect(log.rows).toEqual([
    { subject_kind: 'user', subject_sha256: sha('u1'), sessions_erased: 1 },
    { subject_kind: 'device', subject_sha256: sha('d2'), sessions_erased: 1 },
  ]);
  await clickhouse.close();
});
