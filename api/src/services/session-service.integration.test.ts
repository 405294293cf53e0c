import { InsightType } from '@gosight/proto/v1/insights_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from '../test/api-harness.ts';
import { eventRow, NOW, sessionRow, TODAY } from '../test/fixtures.ts';

let api: ApiHarness;
let projectId: string;
let member: string;
let viewer: string;
const start = NOW - 3_600_000;

beforeAll(async () => {
  api = await createApiHarness('api_sessions');
  ({ projectId } = await api.project());
  member = (await api.user(projectId, 'member')).token;
  viewer = (await api.user(projectId, 'viewer')).token;
  const ev = (session: string, id: string, at: number, type: string, extra = {}) =>
    eventRow(projectId, session, id, at, type, extra);
  const events = [
    ev('newer', 'n1', start + 1000, 'page_view', { url: 'https://shop.example/cart' }),
    ev('newer', 'n2', start + 2000, 'click', { selector: '#buy', page_x: 5, page_y: 6, text: 'Buy now' }),
    ev('newer', 'n3', start + 2100, 'js_error', { error_message: 'TypeError: total is undefined' }),
    ev('older', 'o1', start - 600_000, 'page_view', { url: 'https://shop.example/home' }),
    ev('fresh', 'f1', start + 5000, 'page_view', { url: 'https://shop.example/new' }),
  ];
  // n2 is stored twice, as after a redelivery: it must be listed once.
  await api.clickhouse.insert({ table: 'events', values: [...events, events[1]!], format: 'JSONEachRow' });
  const sessions = [
    // Version 1 of "newer" is superseded by version 2: only version 2 counts.
    sessionRow(projectId, 'newer', start, { version: 1, clicks: 9 }),
    sessionRow(projectId, 'newer', start, {
      version: 2,
      clicks: 1,
      has_replay: 1,
      rage_clicks: 1,
      user_id: 'u-42',
    }),
    sessionRow(projectId, 'older', start - 600_000, {
      end_ms: start - 500_000,
      browser: 'Firefox',
      device_type: 'mobile',
      country: 'FR',
      errors: 2,
    }),
    sessionRow(projectId, 'older~1', start - 400_000, { end_ms: start - 300_000 }),
  ];
  await api.clickhouse.insert({ table: 'sessions', values: sessions, format: 'JSONEachRow' });
  await api.clickhouse.insert({
    table: 'replay_chunks',
    values: [1, 0, 1, 2].map((sequence) => ({
      project_id: projectId,
      session_id: 'newer',
      sequence,
      first_timestamp_ms: start + sequence,
      last_timestamp_ms: start + sequence,
      has_full_snapshot: sequence === 0 ? 1 : 0,
      date: TODAY,
      events_json: `[{"type":${sequence === 0 ? 2 : 3}}]`,
    })),
    format: 'JSONEachRow',
  });
});

afterAll(async () => {
  await api?.close();
});

const client = (token = member) => api.client(SessionService, token);

it('lists the latest version of each session segment, most recently active first', async () => {
  const { sessions, nextCursor } = await client().listSessions({ projectId });
  expect(sessions.map((s) => s.sessionId)).toEqual(['newer', 'older~1', 'older']);
  expect(sessions[0]).toMatchObject({
    clicks: 1,
    hasReplay: true,
    rageClicks: 1,
    userId: 'u-42',
    durationMs: 60_000n,
  });
  expect(nextCursor).toBe('');
});

it('pages with a cursor without repeating or skipping a session', async () => {
  const first = await client().listSessions({ projectId, limit: 2 });
  expect(first.sessions.map((s) => s.sessionId)).toEqual(['newer', 'older~1']);
  const second = await client().listSessions({ projectId, limit: 2, cursor: first.nextCursor });
  expect(second.sessions.map((s) => s.sessionId)).toEqual(['older']);
  await expect(client().listSessions({ projectId, cursor: 'garbage' })).rejects.toThrow(/cursor/);
});

it.each([
  [{ browser: 'firefox' }, ['older']],
  [{ device: 'mobile' }, ['older']],
  [{ country: 'fr' }, ['older']],
  [{ userId: 'u-42' }, ['newer']],
  [{ hasError: true }, ['older']],
  [{ hasSignal: InsightType.RAGE_CLICK }, ['newer']],
  [{ url: '/CART' }, ['newer']],
  [{ minDurationMs: 60_001n }, ['older~1', 'older']],
  [{ maxDurationMs: 60_000n }, ['newer']],
  [{ timeRange: { fromMs: BigInt(start - 550_000), toMs: BigInt(start - 450_000) } }, ['older']],
])('filters sessions by %o', async (filter, expected) => {
  const { sessions } = await client().listSessions({ projectId, filter });
  expect(sessions.map((s) => s.sessionId)).toEqual(expected);
});

it('returns one session with its events once each; element text only for Member and up', async () => {
  const { session, events } = await client().getSession({ projectId, sessionId: 'newer' });
  expect(session?.hasReplay).toBe(true);
  expect(events.map((e) => [e.eventId, e.type])).toEqual([
    ['n1', 'page_view'],
    ['n2', 'click'],
    ['n3', 'js_error'],
  ]);
  expect(events[1]).toMatchObject({
    selector: '#buy',
    pageX: 5,
    pageY: 6,
    text: 'Buy now',
    errorMessage: '',
  });
  expect(events[2]).toMatchObject({ errorMessage: 'TypeError: total is undefined' });
  const asViewer = await client(viewer).getSession({ projectId, sessionId: 'newer' });
  expect(asViewer.events[1]).toMatchObject({ selector: '#buy', text: '' });
  // The Errors view shows messages to every role; so does the timeline.
  expect(asViewer.events[2]).toMatchObject({ errorMessage: 'TypeError: total is undefined' });
});

it('summarises a session from its events until the sessions role has written it', async () => {
  const { session, events } = await client().getSession({ projectId, sessionId: 'fresh' });
  expect(session).toMatchObject({ sessionId: 'fresh', pageViews: 1, entryUrl: 'https://shop.example/new' });
  expect(events).toHaveLength(1);
});

it('returns and streams the replay chunks in order, each once', async () => {
  const { chunks } = await client().getSessionReplay({ projectId, sessionId: 'newer' });
  expect(chunks.map((c) => c.sequence)).toEqual([0, 1, 2]);
  const streamed: number[][] = [];
  for await (const message of client().streamSessionReplay({
    projectId,
    sessionId: 'newer',
    chunksPerMessage: 2,
  })) {
    streamed.push(message.chunks.map((c) => c.sequence));
  }
  expect(streamed).toEqual([[0, 1], [2]]);
  expect(JSON.parse(chunks[0]!.eventsJson)).toEqual([{ type: 2 }]);
});

it('answers NotFound for an unknown session and treats quotes in ids as data', async () => {
  await expect(client().getSession({ projectId, sessionId: 'missing' })).rejects.toThrow(/not found/);
  await expect(client().getSession({ projectId, sessionId: "x' OR '1'='1" })).rejects.toThrow(/not found/);
  const { sessions } = await client().listSessions({ projectId, filter: { url: "' OR 1=1 --" } });
  expect(sessions).toEqual([]);
});
