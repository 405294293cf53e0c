import { createClient, createRouterTransport } from '@connectrpc/connect';
import { type ClickHouseClient, createClickHouse } from '@gosight/common/clickhouse';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSessionService } from './session-service.ts';

let infra: TestInfra;
let clickhouse: ClickHouseClient;
const projectId = uniqueId('proj');

function eventRow(sessionId: string, eventId: string, timestampMs: number, type: string, extra: object = {}) {
  return {
    project_id: projectId,
    session_id: sessionId,
    device_id: 'dev',
    event_id: eventId,
    type,
    timestamp_ms: timestampMs,
    received_at_ms: timestampMs,
    sequence: 0,
    date: '2026-11-22',
    url: 'https://shop.example/',
    ...extra,
  };
}

beforeAll(async () => {
  infra = await createTestInfra('api');
  clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  const start = 1_790_000_000_000;
  const rows = [
    eventRow('older', 'o1', start, 'page_view', { url: 'https://shop.example/home' }),
    eventRow('newer', 'n1', start + 1000, 'page_view', { url: 'https://shop.example/cart' }),
    eventRow('newer', 'n2', start + 2000, 'click', { selector: '#buy', page_x: 5, page_y: 6 }),
  ];
  // n2 is stored twice, as after a redelivery: it must be counted and listed once.
  await clickhouse.insert({ table: 'events', values: [...rows, rows[2]!], format: 'JSONEachRow' });
  await clickhouse.insert({
    table: 'replay_chunks',
    values: [1, 0, 1].map((sequence) => ({
      project_id: projectId,
      session_id: 'newer',
      sequence,
      first_timestamp_ms: start + sequence,
      last_timestamp_ms: start + sequence,
      date: '2026-11-22',
      events_json: `[{"type":${sequence === 0 ? 2 : 3}}]`,
    })),
    format: 'JSONEachRow',
  });
});

afterAll(async () => {
  await clickhouse?.close();
  await infra?.cleanup();
});

const client = () =>
  createClient(
    SessionService,
    createRouterTransport((router) => router.service(SessionService, createSessionService(clickhouse))),
  );

it('lists sessions newest first with distinct counts and replay presence', async () => {
  const { sessions } = await client().listSessions({ projectId });
  expect(sessions.map((s) => s.sessionId)).toEqual(['newer', 'older']);
  expect(sessions[0]).toMatchObject({
    entryUrl: 'https://shop.example/cart',
    pageViews: 1,
    clicks: 1,
    events: 2,
    hasReplay: true,
  });
  expect(sessions[1]).toMatchObject({ pageViews: 1, clicks: 0, hasReplay: false });
});

it('returns one session with its events once each, oldest first', async () => {
  const { session, events } = await client().getSession({ projectId, sessionId: 'newer' });
  expect(session?.events).toBe(2);
  expect(events.map((e) => [e.eventId, e.type])).toEqual([
    ['n1', 'page_view'],
    ['n2', 'click'],
  ]);
  expect(events[1]).toMatchObject({ selector: '#buy', pageX: 5, pageY: 6 });
});

it('returns the replay chunks in order, each once', async () => {
  const { chunks } = await client().getSessionReplay({ projectId, sessionId: 'newer' });
  expect(chunks.map((c) => c.sequence)).toEqual([0, 1]);
  expect(JSON.parse(chunks[0]!.eventsJson)).toEqual([{ type: 2 }]);
});

it('answers NotFound for an unknown session and InvalidArgument without a project', async () => {
  await expect(client().getSession({ projectId, sessionId: 'missing' })).rejects.toThrow(/not found/);
  await expect(client().listSessions({ projectId: '' })).rejects.toThrow(/project_id is required/);
});

it('treats quotes in identifiers as data, not SQL', async () => {
  const { sessions } = await client().listSessions({ projectId: "x' OR '1'='1" });
  expect(sessions).toEqual([]);
});
