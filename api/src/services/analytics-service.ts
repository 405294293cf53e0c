import { create } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import { type AnalyticsService, type Overview, OverviewSchema } from '@gosight/proto/v1/analytics_service_pb';
import type { Access } from '../auth/access.ts';
import {
  type FunnelMatch,
  type OverviewRow,
  queryFunnelLevels,
  queryOverview,
} from '../queries/analytics-queries.ts';
import { bucketFor, resolveRange } from '../queries/query-helpers.ts';

const MAX_STEPS = 10;
const HOUR_MS = 3_600_000;

function overview(row: OverviewRow | undefined): Overview {
  const sessions = Number(row?.sessions ?? 0);
  const rate = (value: string | undefined) => (sessions === 0 ? 0 : Number(value ?? 0) / sessions);
  return create(OverviewSchema, {
    sessions: BigInt(sessions),
    users: BigInt(row?.users ?? 0),
    pageViews: BigInt(row?.total_page_views ?? 0),
    bounceRate: rate(row?.bounces),
    averageDurationMs: Number(row?.average_duration_ms ?? 0),
    rageClickRate: rate(row?.rage),
    deadClickRate: rate(row?.dead),
    errorClickRate: rate(row?.error_clicks),
    thrashedCursorRate: rate(row?.thrashed),
    errorRate: rate(row?.with_errors),
  });
}

export function createAnalyticsService(
  clickhouse: ClickHouseClient,
  access: Access,
): ServiceImpl<typeof AnalyticsService> {
  return {
    async getOverview(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const [row] = await queryOverview(clickhouse, request.projectId, resolveRange(request.timeRange));
      return { overview: overview(row) };
    },

    async getTrends(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const range = resolveRange(request.timeRange);
      const bucketMs = request.bucketMs
        ? bucketFor(range, request.bucketMs)
        : range.toMs - range.fromMs <= 48 * HOUR_MS
          ? HOUR_MS
          : 24 * HOUR_MS;
      const found = await queryOverview(clickhouse, request.projectId, range, bucketMs);
      const byBucket = new Map(found.map((row) => [Number(row.bucket), row]));
      const buckets = [];
      for (
        let start = Math.floor(range.fromMs / bucketMs) * bucketMs;
        start < range.toMs;
        start += bucketMs
      ) {
        buckets.push({ bucketStartMs: BigInt(start), overview: overview(byBucket.get(start)) });
      }
      return { bucketMs: BigInt(bucketMs), buckets };
    },

    async getFunnel(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      if (request.steps.length < 2 || request.steps.length > MAX_STEPS) {
        throw new ConnectError(
          `a funnel has 2 to ${MAX_STEPS} steps, got ${request.steps.length}`,
          Code.InvalidArgument,
        );
      }
      const matches = request.steps.map((step, index): FunnelMatch => {
        if (step.match.case === undefined || !step.match.value) {
          throw new ConnectError(
            `steps[${index}] needs url_contains, click_selector or custom_event`,
            Code.InvalidArgument,
          );
        }
        return step.match as FunnelMatch;
      });
      const levels = await queryFunnelLevels(
        clickhouse,
        request.projectId,
        resolveRange(request.timeRange),
        matches,
        Number(request.windowMs) || HOUR_MS,
      );
      const reached = matches.map((_, index) =>
        levels.filter((row) => row.level >= index + 1).reduce((sum, row) => sum + Number(row.sessions), 0),
      );
      return {
        steps: request.steps.map((step, index) => {
          const sessions = reached[index]!;
          const previous = index === 0 ? sessions : reached[index - 1]!;
          return {
            name: step.name || String(step.match.value),
            sessions: BigInt(sessions),
            conversion: reached[0] ? sessions / reached[0] : 0,
            dropOff: index === 0 || previous === 0 ? 0 : 1 - sessions / previous,
          };
        }),
      };
    },
  };
}
