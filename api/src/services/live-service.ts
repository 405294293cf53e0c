import type { ServiceImpl } from '@connectrpc/connect';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import type { LiveService } from '@gosight/proto/v1/live_service_pb';
import type { Access } from '../auth/access.ts';
import { queryLive, RATE_WINDOW_MS } from '../queries/live-queries.ts';

const MIN_INTERVAL_MS = 500;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export function createLiveService(
  clickhouse: ClickHouseClient,
  access: Access,
  now: () => number = Date.now,
): ServiceImpl<typeof LiveService> {
  return {
    async *streamLive(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const interval = Math.max(request.intervalMs || 2000, MIN_INTERVAL_MS);
      while (!context.signal.aborted) {
        const at = now();
        const { totals, pages } = await queryLive(clickhouse, request.projectId, at);
        yield {
          atMs: BigInt(at),
          activeSessions: BigInt(totals?.active_sessions ?? 0),
          eventsPerSecond: Number(totals?.recent_events ?? 0) / (RATE_WINDOW_MS / 1000),
          pages: pages.map((page) => ({ url: page.url, activeSessions: BigInt(page.active_sessions) })),
        };
        await sleep(interval, context.signal);
      }
    },
  };
}
