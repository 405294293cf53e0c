import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
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

// npx tsx bench/queries/run.ts [--events 10000000] [--days 30] [--runs 40]
// Generates the events into a private ClickHouse database, then measures the
// API's session list, heatmap and funnel calls end to end in process (auth
// against PostgreSQL included) and prints p50/p95 per query. The database is
// dropped afterwards.

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    days: { type: 'string', default: '30' },
    runs: { type: 'string', default: '40' },
  },
});
const events = Number(values.events);
const days = Number(values.days);
const runs = Number(values.runs);
const DAY_MS = 86_400_000;

const infra = await createTestInfra('bench_queries');
const clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
const pool = createPostgres(infra.config.postgresUrl, 4);
try {
  const projectId = 'bench';
  const now = Date.now();
  let started = performance.now();
  const generated = await generate(clickhouse, projectId, events, days, now);
  const generateSeconds = (performance.now() - started) / 1000;
  console.log(
    `generated ${generated.events.toLocaleString('en')} events in ${generated.sessions.toLocaleString('en')} sessions over ${days} days in ${generateSeconds.toFixed(1)} s`,
  );
  // Let background merges of the fresh parts settle, as on a live server.
  await clickhouse.command({ query: 'OPTIMIZE TABLE events' }).catch(() => {});
  await clickhouse.command({ query: 'OPTIMIZE TABLE sessions' }).catch(() => {});

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
  const queries: [string, (i: number) => Promise<unknown>][] = [
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
  // Other work on the machine shows in the figures: the load average says how much.
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(' ');
  console.log(
    `\n${runs} runs each after 3 warm-ups, sequential (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load()})`,
  );
  console.log('query'.padEnd(52), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'max ms'.padStart(8));
  for (const [name, run] of queries) {
    for (let i = 0; i < 3; i++) await run(i);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      started = performance.now();
      await run(i);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
    console.log(
      name.padEnd(52),
      at(0.5).toFixed(0).padStart(8),
      at(0.95).toFixed(0).padStart(8),
      at(1).toFixed(0).padStart(8),
    );
  }
  console.log(`load average at the end: ${load()}`);
} finally {
  await clickhouse.close();
  await pool.end();
  await infra.cleanup();
}
