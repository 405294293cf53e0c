import { create } from '@bufbuild/protobuf';
import { type ClickHouseClient, createClickHouse } from '@gosight/common/clickhouse';
import { readMigrations } from '@gosight/common/migrations';
import { createTestInfra, type TestInfra } from '@gosight/common/test-infra';
import { InsightType } from '@gosight/proto/v1/insights_pb';
import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { SessionFilterSchema } from '@gosight/proto/v1/session_service_pb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNNEL_URLS, generate } from '../../../bench/queries/generate.ts';
import { type FunnelMatch, queryFunnelLevels, stepCondition } from './analytics-queries.ts';
import { queryClickMap, queryScrollDepths } from './heatmap-queries.ts';
import { type Range, rows } from './query-helpers.ts';
import { querySessions } from './session-queries.ts';
import {
  referenceClickMap,
  referenceFunnel,
  referenceScrollDepths,
  referenceSessions,
} from './test/events-reference.ts';

// The page-level queries read page_events (migration 0009) and page_clicks
// (0011, with FINAL), resolve URL substrings to exact URLs from page_view_urls (0010), and
// look up session versions only for the newest matching rows' ids; on the
// benchmark's data shape, with redelivered events and sessions in up to three
// versions, every answer must equal the former queries' over events.

const PROJECT = 'p';
const NOW = Date.UTC(2026, 10, 20, 12);
const DAY = 86_400_000;
const last = (days: number, endDaysAgo = 0): Range => ({
  fromMs: NOW - (days + endDaysAgo) * DAY,
  toMs: NOW - endDaysAgo * DAY,
});

let infra: TestInfra;
let clickhouse: ClickHouseClient;

beforeAll(async () => {
  infra = await createTestInfra('api_page_events');
  clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  await generate(clickhouse, PROJECT, 40_000, 30, NOW);
  // Custom events, so funnels can have every kind of step.
  await clickhouse.command({
    query: `INSERT INTO events (project_id, session_id, event_id, type, event_name, timestamp_ms, date, url)
      SELECT project_id, session_id, concat('c', event_id), 'custom', 'signup', timestamp_ms + 500, date, url
      FROM events WHERE type = 'page_view' AND cityHash64(session_id) % 3 = 0`,
  });
  // A later version of some sessions that no longer matches a filter an
  // earlier one matched, or now matches one it did not.
  await clickhouse.command({
    query: `INSERT INTO sessions SELECT project_id, session_id, session_key, 3, date, device_id, user_id, start_ms,
        end_ms + 60000, duration_ms + 60000, events, page_views, clicks, if(errors > 0, 0, 1), rage_clicks,
        dead_clicks, error_clicks, thrashed_cursors, entry_url, exit_url, if(browser = 'Firefox', 'Chrome', 'Firefox'),
        os, device_type, country, has_replay
      FROM sessions WHERE version = 1 AND cityHash64(session_id) % 4 = 0`,
  });
  // An installation upgraded with events already stored: the migration backfills.
  for (const table of ['page_events', 'page_view_urls', 'page_clicks']) {
    await clickhouse.command({ query: `DROP TABLE ${table}_mv` });
    await clickhouse.command({ query: `DROP TABLE ${table}` });
  }
  const migrations = await readMigrations(new URL('../../../common/migrations/clickhouse/', import.meta.url));
  for (const version of [9, 10, 11])
    for (const statement of migrations.find((migration) => migration.version === version)!.statements)
      await clickhouse.command({ query: statement });
  // Redelivered events, written again through the materialized view.
  await clickhouse.command({
    query: 'INSERT INTO events SELECT * FROM events WHERE cityHash64(event_id) % 7 = 0',
  });
});

afterAll(async () => {
  await clickhouse?.close();
  await infra?.cleanup();
});

it('fills page_events with every page event, from the backfill and the view', async () => {
  const [counts] = await rows<{ events: string; pages: string }>(
    clickhouse,
    `SELECT (SELECT count() FROM events WHERE type IN ('page_view', 'click', 'scroll', 'page_leave', 'custom')) AS events,
       (SELECT count() FROM page_events) AS pages`,
  );
  expect(Number(counts!.pages)).toBeGreaterThan(30_000);
  expect(counts!.pages).toBe(counts!.events);
  const [clicks] = await rows<{ events: string; clicks: string }>(
    clickhouse,
    `SELECT (SELECT count() FROM events WHERE type = 'click') AS events, (SELECT count() FROM page_clicks) AS clicks`,
  );
  expect(Number(clicks!.clicks)).toBeGreaterThan(10_000);
  expect(clicks!.clicks).toBe(clicks!.events);
});

it('lists every viewed URL per day in page_view_urls, from the backfill and the view', async () => {
  const distinct = (table: string) =>
    `SELECT DISTINCT project_id, date, url FROM ${table} WHERE type = 'page_view' ORDER BY project_id, date, url`;
  const listed = await rows(clickhouse, distinct('page_view_urls').replace(" WHERE type = 'page_view'", ''));
  expect(listed.length).toBeGreaterThan(30);
  expect(listed).toEqual(await rows(clickhouse, distinct('events')));
});

describe('session list', () => {
  const cases: [string, Parameters<typeof referenceSessions>[1], Range][] = [
    ['no filter, 7 days', {}, last(7)],
    ['Firefox with an error, 30 days', { browser: 'Firefox', hasError: true }, last(30)],
    ['visited URL contains "/CART", 30 days', { url: '/CART' }, last(30)],
    [
      'mobile, visited "/checkout", 10 days ending 3 days ago',
      { device: 'mobile', url: '/checkout' },
      last(10, 3),
    ],
  ];
  it.each(cases)('%s', async (_name, filter, range) => {
    const request = create(SessionFilterSchema, { ...filter, hasSignal: InsightType.UNSPECIFIED });
    const first = await querySessions(clickhouse, PROJECT, { filter: request, range, limit: 50 });
    expect(first.length).toBeGreaterThan(0);
    expect(first).toEqual(await rows(clickhouse, referenceSessions(PROJECT, filter, range, 50)));
    const end = first.at(-1)!;
    const after: [number, string] = [Number(end.end_ms), end.session_key];
    const next = await querySessions(clickhouse, PROJECT, { filter: request, range, limit: 500, after });
    expect(next).toEqual(await rows(clickhouse, referenceSessions(PROJECT, filter, range, 500, after)));
  });

  // A small pool of newest matches: exact from the pool when the page ranks
  // within it, otherwise the query over every session answers.
  it.each([1, 20, 60])('Firefox with an error or "/cart", pages of 25 from a pool of %i', async (pool) => {
    for (const filter of [{ browser: 'Firefox', hasError: true }, { url: '/cart' }]) {
      const request = create(SessionFilterSchema, { ...filter, hasSignal: InsightType.UNSPECIFIED });
      let after: [number, string] | undefined;
      for (let page = 0; page < 3; page++) {
        const found = await querySessions(clickhouse, PROJECT, {
          filter: request,
          range: last(30),
          limit: 25,
          after,
          pool,
        });
        expect(found).toHaveLength(25);
        expect(found).toEqual(
          await rows(clickhouse, referenceSessions(PROJECT, filter, last(30), 25, after)),
        );
        after = [Number(found.at(-1)!.end_ms), found.at(-1)!.session_key];
      }
    }
  });

  it('finds no session for a URL nobody viewed', async () => {
    const request = create(SessionFilterSchema, { url: '/nowhere', hasSignal: InsightType.UNSPECIFIED });
    expect(await querySessions(clickhouse, PROJECT, { filter: request, range: last(30), limit: 50 })).toEqual(
      [],
    );
  });
});

describe('heatmaps', () => {
  const scopes = [
    { url: FUNNEL_URLS[0]!, viewportClass: ViewportClass.DESKTOP, range: last(30) },
    { url: FUNNEL_URLS[0]!, viewportClass: ViewportClass.MOBILE, range: last(7) },
    { url: FUNNEL_URLS[2]!, viewportClass: ViewportClass.UNSPECIFIED, range: last(14, 2) },
  ].map((scope) => ({ ...scope, projectId: PROJECT }));
  it.each(scopes)('click map and scroll map of $url, viewport class $viewportClass', async (scope) => {
    const clicks = await queryClickMap(clickhouse, scope, 10, 50);
    expect(clicks.length).toBeGreaterThan(0);
    expect(clicks).toEqual(await rows(clickhouse, referenceClickMap(scope, 10, 50)));
    const depths = await queryScrollDepths(clickhouse, scope);
    expect(depths.length).toBeGreaterThan(0);
    expect(depths).toEqual(await rows(clickhouse, referenceScrollDepths(scope)));
  });

  // The click map reads its range as two halves of time, each FINAL: both
  // halves hold redelivered copies, and a range of 1 ms has an empty half.
  const halves = [
    { url: FUNNEL_URLS[1]!, viewportClass: ViewportClass.TABLET, range: last(5, 3) },
    { url: FUNNEL_URLS[0]!, viewportClass: ViewportClass.UNSPECIFIED, range: { fromMs: NOW - 1, toMs: NOW } },
  ].map((scope) => ({ ...scope, projectId: PROJECT }));
  it.each(halves)('click map of $url over both halves of its range', async (scope) => {
    const middle = scope.range.fromMs + Math.floor((scope.range.toMs - scope.range.fromMs) / 2);
    const copies = (from: number, to: number) =>
      rows<{ copies: string }>(
        clickhouse,
        `SELECT count() - uniqExact(event_id) AS copies FROM page_clicks
         WHERE project_id = '${PROJECT}' AND timestamp_ms >= ${from} AND timestamp_ms < ${to}`,
      );
    if (scope.range.toMs - scope.range.fromMs > 1) {
      expect(Number((await copies(scope.range.fromMs, middle))[0]!.copies)).toBeGreaterThan(0);
      expect(Number((await copies(middle, scope.range.toMs))[0]!.copies)).toBeGreaterThan(0);
    }
    expect(await queryClickMap(clickhouse, scope, 8, 20)).toEqual(
      await rows(clickhouse, referenceClickMap(scope, 8, 20)),
    );
  });
});

describe('funnels', () => {
  const pages = (paths: string[]): FunnelMatch[] => paths.map((value) => ({ case: 'urlContains', value }));
  const cases: [string, FunnelMatch[], Range, number][] = [
    ['4 pages, 7 days', pages(['/products', '/product/42', '/cart', '/checkout']), last(7), DAY],
    [
      '4 pages, 30 days, 1 minute',
      pages(['/products', '/product/42', '/cart', '/checkout']),
      last(30),
      60_000,
    ],
    [
      'page, click, custom event',
      [
        { case: 'urlContains', value: '/PRODUCT' },
        { case: 'clickSelector', value: '#buy' },
        { case: 'customEvent', value: 'signup' },
      ],
      last(30),
      DAY,
    ],
    ['a step no URL matches', pages(['/products', '/nowhere', '/cart']), last(30), DAY],
  ];
  it.each(cases)('%s', async (_name, steps, range, windowMs) => {
    const levels = await queryFunnelLevels(clickhouse, PROJECT, range, steps, windowMs);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels).toEqual(
      await rows(clickhouse, referenceFunnel(PROJECT, range, steps.map(stepCondition), windowMs)),
    );
  });
});
