import { parseArgs } from 'node:util';
import { createClient as createClickHouseClient } from '@clickhouse/client';
import { createClient, createRouterTransport } from '@connectrpc/connect';
import { createClickHouse } from '@gosight/common/clickhouse';
import { createPostgres } from '@gosight/common/postgres';
import { createTestInfra } from '@gosight/common/test-infra';
import { AnalyticsService } from '@gosight/proto/v1/analytics_service_pb';
import { HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { ensureUser } from '../../api/src/accounts/ensure-user.ts';
import { startSession } from '../../api/src/accounts/users.ts';
import { createAuthenticate } from '../../api/src/auth/authenticate.ts';
import { createAuthInterceptor } from '../../api/src/auth/interceptor.ts';
import { registerApi } from '../../api/src/routes.ts';
import { FUNNEL_URLS, generate } from './generate.ts';
import { measure, type Query } from './measure.ts';

// npx tsx bench/queries/run.ts [--events 10000000] [--days 30] [--runs 40] [--repeats 3]
// Generates the events into a private ClickHouse database, then measures the
// API's session list, heatmap and funnel calls end to end in process (auth
// against PostgreSQL included) and prints p50/p95 per query, per repeat and
// the median of the repeats. The database is dropped afterwards.

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    days: { type: 'string', default: '30' },
    runs: { type: 'string', default: '40' },
    repeats: { type: 'string', default: '3' },
  },
});
const events = Number(values.events);
const days = Number(values.days);
const runs = Number(values.runs);
const repeats = Number(values.repeats);
const DAY_MS = 86_400_000;

const infra = await createTestInfra('bench_queries');
const clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
// Generating and merging take minutes on a busy machine: no 30 s request timeout.
const loader = createClickHouseClient({
  url: infra.config.clickhouseUrl,
  database: infra.config.clickhouseDatabase,
  request_timeout: 600_000,
  clickhouse_settings: {},
});
const pool = createPostgres(infra.config.postgresUrl, 4);
try {
  const projectId = 'bench';
  const now = Date.now();
  const started = performance.now();
  const generated = await generate(loader, projectId, events, days, now);
  const generateSeconds = (performance.now() - started) / 1000;
  console.log(
    `generated ${generated.events.toLocaleString('en')} events in ${generated.sessions.toLocaleString('en')} sessions over ${days} days in ${generateSeconds.toFixed(1)} s`,
  );
  // Let background merges of the fresh parts settle, as on a live server.
  await loader.command({ query: 'OPTIMIZE TABLE events' }).catch(() => {});
  await loader.command({ query: 'OPTIMIZE TABLE sessions' }).catch(() => {});
  await loader.command({ query: 'OPTIMIZE TABLE page_events' }).catch(() => {});
  await loader.command({ query: 'OPTIMIZE TABLE page_view_urls' }).catch(() => {});
  await loader.command({ query: 'OPTIMIZE TABLE page_clicks' }).catch(() => {});
  await loader.command({ query: 'OPTIMIZE TABLE mouse_samples' }).catch(() => {});

  const { userId } = await ensureUser(pool, {
    email: 'bench@example.test',
    password: 'bench password',
    name: 'Bench',
    projectId,
    role: 'owner',
  });
  const { token } = await startSession(pool, userId, 3_600_000);
  const transport = createRouterTransport(
    (router) =>
      registerApi(router, { clickhouse, pool, sessionTtlMs: DAY_MS, telegramApiUrl: 'http://127.0.0.1:9' }),
    {
      router: { interceptors: [createAuthInterceptor(createAuthenticate(pool))] },
    },
  );
  const headers = { authorization: `Bearer ${token}` };
  const sessions = createClient(SessionService, transport);
  const heatmaps = createClient(HeatmapService, transport);
  const analytics = createClient(AnalyticsService, transport);
  const range = (rangeDays: number, offset = 0) => ({
    fromMs: BigInt(now - (rangeDays + offset) * DAY_MS),
    toMs: BigInt(now - offset * DAY_MS),
  });
  const page2 = (await sessions.listSessions({ projectId, limit: 50 }, { headers })).nextCursor;

  // Each run varies the range a little, so the server's caches do not answer.
  const queries: Query[] = [
    [
      'session list, last 7 days, first page',
      (i) => sessions.listSessions({ projectId, filter: { timeRange: range(7, i % 3) } }, { headers }),
    ],
    [
      'session list, next page (cursor)',
      () => sessions.listSessions({ projectId, cursor: page2 }, { headers }),
    ],
    [
      'session list, 30 days, Firefox + has error',
      (i) =>
        sessions.listSessions(
          { projectId, filter: { timeRange: range(30 - (i % 3)), browser: 'Firefox', hasError: true } },
          { headers },
        ),
    ],
    [
      'session list, 30 days, visited URL contains "/cart"',
      (i) =>
        sessions.listSessions(
          { projectId, filter: { timeRange: range(30 - (i % 3)), url: '/cart' } },
          { headers },
        ),
    ],
    [
      'click map, home page, desktop, 30 days',
      (i) =>
        heatmaps.getClickMap(
          {
            query: {
              projectId,
              url: FUNNEL_URLS[0],
              viewportClass: ViewportClass.DESKTOP,
              timeRange: range(30 - (i % 3)),
            },
          },
          { headers },
        ),
    ],
    [
      'scroll map, home page, mobile, 30 days',
      (i) =>
        heatmaps.getScrollMap(
          {
            query: {
              projectId,
              url: FUNNEL_URLS[0],
              viewportClass: ViewportClass.MOBILE,
              timeRange: range(30 - (i % 3)),
            },
          },
          { headers },
        ),
    ],
    [
      'movement map, home page, mobile, 30 days',
      (i) =>
        heatmaps.getMovementMap(
          {
            query: {
              projectId,
              url: FUNNEL_URLS[0],
              viewportClass: ViewportClass.MOBILE,
              timeRange: range(30 - (i % 3)),
            },
          },
          { headers },
        ),
    ],
    [
      'funnel, 4 steps, 7 days',
      (i) =>
        analytics.getFunnel(
          {
            projectId,
            timeRange: range(7, i % 3),
            steps: FUNNEL_URLS.slice(1).map((url) => ({
              match: { case: 'urlContains' as const, value: new URL(url).pathname },
            })),
          },
          { headers },
        ),
    ],
    [
      'funnel, 4 steps, 30 days',
      (i) =>
        analytics.getFunnel(
          {
            projectId,
            timeRange: range(30 - (i % 3)),
            steps: FUNNEL_URLS.slice(1).map((url) => ({
              match: { case: 'urlContains' as const, value: new URL(url).pathname },
            })),
          },
          { headers },
        ),
    ],
  ];
  await measure(queries, runs, repeats);
} finally {
  await clickhouse.close();
  await loader.close();
  await pool.end();
  await infra.cleanup();
}
