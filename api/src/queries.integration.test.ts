import { AnalyticsService } from '@gosight/proto/v1/analytics_service_pb';
import { ErrorService } from '@gosight/proto/v1/error_service_pb';
import { HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import { InsightService } from '@gosight/proto/v1/insight_service_pb';
import { InsightType } from '@gosight/proto/v1/insights_pb';
import { LiveService } from '@gosight/proto/v1/live_service_pb';
import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from './test/api-harness.ts';
import { eventRow, insightRow, NOW, sessionRow, TODAY } from './test/fixtures.ts';

// The dashboard's views over a small, hand-checked data set, with some rows
// stored twice (as after a redelivery): every figure must count them once.

let api: ApiHarness;
let projectId: string;
let token: string;
const HOUR = 3_600_000;
const t0 = Math.floor((NOW - 5 * HOUR) / HOUR) * HOUR;
const PAGE = 'https://shop.example/';

beforeAll(async () => {
  api = await createApiHarness('api_queries');
  ({ projectId } = await api.project());
  token = (await api.user(projectId, 'member')).token;
  const ev = (session: string, id: string, at: number, type: string, extra = {}) =>
    eventRow(projectId, session, id, at, type, extra);
  const events = [
    // a: home -> product -> cart (converts); b: home -> product; c: home only (bounce).
    ev('a', 'a1', t0 + 1000, 'page_view', { url: PAGE }),
    ev('a', 'a2', t0 + 2000, 'click', {
      url: PAGE,
      selector: '#buy',
      target_x_ratio: 0.05,
      target_y_ratio: 0.95,
    }),
    ev('a', 'a3', t0 + 3000, 'click', {
      url: PAGE,
      selector: '#buy',
      target_x_ratio: 0.99,
      target_y_ratio: 0.0,
    }),
    ev('a', 'a4', t0 + 4000, 'page_view', { url: `${PAGE}product/1` }),
    ev('a', 'a5', t0 + 5000, 'page_view', { url: `${PAGE}cart` }),
    ev('a', 'a6', t0 + 6000, 'scroll', { url: PAGE, scroll_depth_percent: 80 }),
    ev('b', 'b1', t0 + 1000, 'page_view', { url: PAGE }),
    ev('b', 'b2', t0 + 2000, 'click', {
      url: PAGE,
      selector: '#nav',
      target_x_ratio: 0.5,
      target_y_ratio: 0.5,
    }),
    ev('b', 'b3', t0 + 3000, 'page_view', { url: `${PAGE}product/2` }),
    ev('b', 'b4', t0 + 3500, 'scroll', { url: PAGE, scroll_depth_percent: 42 }),
    ev('b', 'b5', t0 + 3600, 'js_error', {
      error_fingerprint: 'fp1',
      error_message: 'x is undefined',
      error_stack: 'at f (app.js:1:2)',
      error_source: 'app.js',
    }),
    ev('c', 'c1', t0 + 1000, 'page_view', { url: PAGE, viewport_width: 390 }),
    ev('c', 'c2', t0 + 2000, 'click', { url: PAGE, selector: '#buy', viewport_width: 390 }),
    ev('c', 'c3', t0 + 2500, 'js_error', { error_fingerprint: 'fp1', error_message: 'x is undefined' }),
    ev('c', 'c4', t0 + 2600, 'js_error', { error_fingerprint: 'fp2', error_message: 'network down' }),
    ev('live', 'l1', NOW - 3000, 'page_view', { url: `${PAGE}live`, received_at_ms: NOW - 3000 }),
    ev('live', 'l2', NOW - 2000, 'click', { url: `${PAGE}live`, received_at_ms: NOW - 2000 }),
  ];
  await api.clickhouse.insert({
    table: 'events',
    values: [...events, ...events.slice(0, 3)],
    format: 'JSONEachRow',
  });
  await api.clickhouse.insert({
    table: 'sessions',
    values: [
      sessionRow(projectId, 'a', t0, { page_views: 3, duration_ms: 5000, rage_clicks: 1, user_id: 'u1' }),
      sessionRow(projectId, 'b', t0, { page_views: 2, duration_ms: 3000, errors: 1, user_id: 'u1' }),
      sessionRow(projectId, 'c', t0 + HOUR, { page_views: 1, duration_ms: 1000, errors: 2, dead_clicks: 1 }),
    ],
    format: 'JSONEachRow',
  });
  const insights = [
    insightRow(projectId, 'i1', 'rage_click', t0 + 2000, { session_id: 'a' }),
    insightRow(projectId, 'i2', 'rage_click', t0 + HOUR, { session_id: 'b', url: PAGE, selector: '#nav' }),
    insightRow(projectId, 'i3', 'dead_click', t0 + 2 * HOUR, { session_id: 'c' }),
  ];
  await api.clickhouse.insert({
    table: 'insights',
    values: [...insights, insights[0]!],
    format: 'JSONEachRow',
  });
  await api.clickhouse.insert({
    table: 'mouse_samples',
    values: [
      [10, 10],
      [15, 12],
      [55, 10],
    ].map(([x, y], index) => ({
      project_id: projectId,
      session_id: 'a',
      url: PAGE,
      event_id: 'm1',
      sample_index: index,
      timestamp_ms: t0 + 1500,
      date: TODAY,
      page_x: x,
      page_y: y,
      viewport_width: 1280,
    })),
    format: 'JSONEachRow',
  });
  await api.clickhouse.insert({
    table: 'replay_chunks',
    values: [
      {
        project_id: projectId,
        session_id: 'a',
        sequence: 0,
        first_timestamp_ms: t0 + 900,
        has_full_snapshot: 1,
        url: PAGE,
        date: TODAY,
        events_json: '[{"type":4,"data":{"width":1280}},{"type":2,"data":{"node":{}}},{"type":3}]',
      },
    ],
    format: 'JSONEachRow',
  });
});

afterAll(async () => {
  await api?.close();
});

const range = { fromMs: BigInt(t0 - HOUR), toMs: BigInt(NOW + 1000) };
const heatmap = (viewportClass = ViewportClass.DESKTOP) => ({
  projectId,
  url: PAGE,
  viewportClass,
  timeRange: range,
});

it('lists insights newest first and pages through them', async () => {
  const insights = api.client(InsightService, token);
  const first = await insights.listInsights({ projectId, timeRange: range, limit: 2 });
  expect(first.insights.map((i) => [i.insightId, i.type])).toEqual([
    ['i3', InsightType.DEAD_CLICK],
    ['i2', InsightType.RAGE_CLICK],
  ]);
  const rest = await insights.listInsights({
    projectId,
    timeRange: range,
    limit: 2,
    cursor: first.nextCursor,
  });
  expect(rest.insights.map((i) => i.insightId)).toEqual(['i1']);
  const rage = await insights.listInsights({ projectId, timeRange: range, type: InsightType.RAGE_CLICK });
  expect(rage.insights).toHaveLength(2);
  const ofSession = await insights.listInsights({ projectId, timeRange: range, sessionId: 'b' });
  expect(ofSession.insights.map((i) => i.insightId)).toEqual(['i2']);
  const quoted = await insights.listInsights({ projectId, timeRange: range, sessionId: "b' OR '1'='1" });
  expect(quoted.insights).toEqual([]);
});

it('summarises each signal with its trend, top pages and top elements', async () => {
  const { types, bucketMs } = await api
    .client(InsightService, token)
    .getInsightSummary({ projectId, timeRange: range, bucketMs: BigInt(HOUR) });
  expect(bucketMs).toBe(BigInt(HOUR));
  const rage = types.find((t) => t.type === InsightType.RAGE_CLICK)!;
  expect(rage).toMatchObject({ count: 2n, sessions: 2n });
  expect(rage.trend.map((p) => [Number(p.bucketStartMs - BigInt(t0)), p.value])).toEqual([
    [0, 1],
    [HOUR, 1],
  ]);
  expect(rage.topElements.map((e) => [e.url, e.selector, e.count])).toEqual([
    [PAGE, '#nav', 1n],
    [`${PAGE}cart`, '#buy', 1n],
  ]);
  expect(types.find((t) => t.type === InsightType.THRASHED_CURSOR)).toMatchObject({ count: 0n, trend: [] });
});

it('bins clicks by element and position inside it, per viewport class', async () => {
  const heatmaps = api.client(HeatmapService, token);
  const desktop = await heatmaps.getClickMap({ query: heatmap(), grid: 10 });
  expect(desktop.totalClicks).toBe(3n);
  expect(desktop.elements.map((e) => [e.selector, e.clicks])).toEqual([
    ['#buy', 2n],
    ['#nav', 1n],
  ]);
  const cells = desktop.elements[0]!.cells.map((c) => [c.x, c.y, c.clicks]).sort();
  expect(cells).toEqual([
    [0, 9, 1n],
    [9, 0, 1n],
  ]);
  const mobile = await heatmaps.getClickMap({ query: heatmap(ViewportClass.MOBILE) });
  expect(mobile.elements.map((e) => [e.selector, e.clicks])).toEqual([['#buy', 1n]]);
});

it('gives the scroll-depth distribution and the movement map', async () => {
  const heatmaps = api.client(HeatmapService, token);
  const scroll = await heatmaps.getScrollMap({ query: heatmap() });
  expect(scroll.pageViews).toBe(2n);
  expect(scroll.reached[8]).toBe(2n); // 40 %
  expect(scroll.reached[9]).toBe(1n); // 45 %
  expect(scroll.reached[16]).toBe(1n); // 80 %
  expect(scroll.reached[17]).toBe(0n);
  const movement = await heatmaps.getMovementMap({ query: heatmap(), cellPx: 20 });
  expect(movement.samples).toBe(3n);
  expect(movement.cells.map((c) => [c.x, c.y, c.samples])).toEqual([
    [0, 0, 2n],
    [2, 0, 1n],
  ]);
});

it('returns the rrweb meta and full snapshot of the page', async () => {
  const snapshot = await api.client(HeatmapService, token).getPageSnapshot({ query: heatmap() });
  expect(snapshot).toMatchObject({ found: true, sessionId: 'a' });
  expect(JSON.parse(snapshot.eventsJson).map((e: { type: number }) => e.type)).toEqual([4, 2]);
  const none = await api
    .client(HeatmapService, token)
    .getPageSnapshot({ query: heatmap(ViewportClass.TABLET) });
  expect(none.found).toBe(false);
});

it('groups errors by fingerprint with counts, sessions and first and last seen', async () => {
  const { groups } = await api.client(ErrorService, token).listErrorGroups({ projectId, timeRange: range });
  expect(groups.map((g) => [g.fingerprint, g.count, g.sessions])).toEqual([
    ['fp1', 2n, 2n],
    ['fp2', 1n, 1n],
  ]);
  expect(groups[0]).toMatchObject({
    message: 'x is undefined',
    firstSeenMs: BigInt(t0 + 2500),
    lastSeenMs: BigInt(t0 + 3600),
  });
  expect([...groups[0]!.sampleSessionIds].sort()).toEqual(['b', 'c']);
});

it('computes the overview and its trend from the sessions', async () => {
  const analytics = api.client(AnalyticsService, token);
  const { overview } = await analytics.getOverview({ projectId, timeRange: range });
  expect(overview).toMatchObject({ sessions: 3n, users: 2n, pageViews: 6n, averageDurationMs: 3000 });
  expect(overview?.bounceRate).toBeCloseTo(1 / 3);
  expect(overview?.rageClickRate).toBeCloseTo(1 / 3);
  expect(overview?.errorRate).toBeCloseTo(2 / 3);
  const trends = await analytics.getTrends({ projectId, timeRange: range, bucketMs: BigInt(HOUR) });
  const byStart = new Map(trends.buckets.map((b) => [Number(b.bucketStartMs) - t0, b.overview?.sessions]));
  expect(byStart.get(0)).toBe(2n);
  expect(byStart.get(HOUR)).toBe(1n);
  expect(byStart.get(2 * HOUR)).toBe(0n);
});

it('counts a funnel in order, with conversion and drop-off per step', async () => {
  const { steps } = await api.client(AnalyticsService, token).getFunnel({
    projectId,
    timeRange: range,
    steps: [
      { name: 'home', match: { case: 'urlContains', value: 'shop.example' } },
      { match: { case: 'urlContains', value: '/product/' } },
      { name: 'cart', match: { case: 'urlContains', value: '/cart' } },
    ],
  });
  expect(steps.map((s) => [s.name, s.sessions])).toEqual([
    ['home', 4n],
    ['/product/', 2n],
    ['cart', 1n],
  ]);
  expect(steps[1]).toMatchObject({ conversion: 0.5, dropOff: 0.5 });
  expect(steps[2]).toMatchObject({ conversion: 0.25, dropOff: 0.5 });
});

it('streams live activity', async () => {
  for await (const live of api.client(LiveService, token).streamLive({ projectId, intervalMs: 500 })) {
    expect(live.activeSessions).toBe(1n);
    expect(live.eventsPerSecond).toBeCloseTo(0.2);
    expect(live.pages.map((p) => p.url)).toEqual([`${PAGE}live`]);
    break;
  }
});
