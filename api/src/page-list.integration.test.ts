import { Code, ConnectError } from '@connectrpc/connect';
import { HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from './test/api-harness.ts';
import { eventRow, NOW } from './test/fixtures.ts';

// HeatmapService.ListPages: the pages a heatmap can be drawn for, most viewed
// first, each page view counted once even when it was stored twice.

let api: ApiHarness;
let projectId: string;
let token: string;
const HOUR = 3_600_000;
const t0 = NOW - 5 * HOUR;
const SHOP = 'https://shop.example/';

beforeAll(async () => {
  api = await createApiHarness('api_pages');
  ({ projectId } = await api.project());
  token = (await api.user(projectId, 'viewer')).token;
  const view = (session: string, id: string, url: string, at = t0, viewport_width = 1280) =>
    eventRow(projectId, session, id, at, 'page_view', {
      url,
      viewport_width,
      date: new Date(at).toISOString().slice(0, 10),
    });
  const events = [
    view('a', 'a1', SHOP),
    view('a', 'a2', `${SHOP}cart`),
    view('a', 'a3', SHOP, t0 + 1000),
    view('b', 'b1', SHOP),
    view('b', 'b2', `${SHOP}cart`),
    view('c', 'c1', `${SHOP}cart`, t0, 390),
    view('c', 'c2', `${SHOP}blog`, t0, 390),
    // Outside the range asked for, and a click (not a page view).
    view('d', 'd1', `${SHOP}old`, t0 - 48 * HOUR),
    eventRow(projectId, 'a', 'a4', t0 + 2000, 'click', { url: `${SHOP}clicked`, selector: '#buy' }),
  ];
  // The first three stored twice, as after a redelivery.
  await api.clickhouse.insert({
    table: 'events',
    values: [...events, ...events.slice(0, 3)],
    format: 'JSONEachRow',
  });
});

afterAll(async () => {
  await api?.close();
});

const range = { fromMs: BigInt(t0 - HOUR), toMs: BigInt(NOW) };
const rows = (pages: { url: string; pageViews: bigint; sessions: bigint }[]) =>
  pages.map((page) => [page.url.replace(SHOP, '/'), page.pageViews, page.sessions]);

it('lists the viewed pages, most viewed first, each view counted once', async () => {
  const heatmaps = api.client(HeatmapService, token);
  const { pages } = await heatmaps.listPages({ projectId, timeRange: range });
  expect(rows(pages)).toEqual([
    ['/', 3n, 2n],
    ['/cart', 3n, 3n],
    ['/blog', 1n, 1n],
  ]);
});

it.each([
  [
    'desktop',
    ViewportClass.DESKTOP,
    [
      ['/', 3n, 2n],
      ['/cart', 2n, 2n],
    ],
  ],
  [
    'mobile',
    ViewportClass.MOBILE,
    [
      ['/blog', 1n, 1n],
      ['/cart', 1n, 1n],
    ],
  ],
  ['tablet', ViewportClass.TABLET, []],
] as const)('narrows to one viewport class: %s', async (_name, viewportClass, expected) => {
  const { pages } = await api
    .client(HeatmapService, token)
    .listPages({ projectId, timeRange: range, viewportClass });
  expect(rows(pages)).toEqual(expected);
});

it('honours the limit and the time range, and refuses an empty range', async () => {
  const heatmaps = api.client(HeatmapService, token);
  expect(rows((await heatmaps.listPages({ projectId, timeRange: range, limit: 1 })).pages)).toEqual([
    ['/', 3n, 2n],
  ]);
  const older = { fromMs: BigInt(t0 - 72 * HOUR), toMs: BigInt(t0 - 24 * HOUR) };
  expect(rows((await heatmaps.listPages({ projectId, timeRange: older })).pages)).toEqual([['/old', 1n, 1n]]);
  const error = await heatmaps
    .listPages({ projectId, timeRange: { fromMs: range.toMs, toMs: range.fromMs } })
    .catch((caught: unknown) => ConnectError.from(caught));
  expect(error).toMatchObject({
    code: Code.InvalidArgument,
    rawMessage: 'time_range.from_ms must be before to_ms',
  });
});
