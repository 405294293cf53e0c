import { create } from '@bufbuild/protobuf';
import type { ServiceImpl } from '@connectrpc/connect';
import type { ClickHouseClient } from '@gosight/common/clickhouse';
import type { InsightService } from '@gosight/proto/v1/insight_service_pb';
import { InsightSchema, InsightType } from '@gosight/proto/v1/insights_pb';
import type { Access } from '../auth/access.ts';
import {
  queryInsights,
  queryInsightTargets,
  queryInsightTotals,
  queryInsightTrend,
} from '../queries/insight-queries.ts';
import {
  bucketFor,
  decodeCursor,
  encodeCursor,
  INSIGHT_TYPES,
  limitFrom,
  resolveRange,
} from '../queries/query-helpers.ts';

export function insightTypeFromName(name: string): InsightType {
  const index = INSIGHT_TYPES.indexOf(name as (typeof INSIGHT_TYPES)[number]);
  return index < 0 ? InsightType.UNSPECIFIED : ((index + 1) as InsightType);
}

export function createInsightService(
  clickhouse: ClickHouseClient,
  access: Access,
): ServiceImpl<typeof InsightService> {
  return {
    async listInsights(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const limit = limitFrom(request.limit, 50, 500);
      const found = await queryInsights(clickhouse, request.projectId, {
        range: resolveRange(request.timeRange),
        type: INSIGHT_TYPES[request.type - 1],
        url: request.url,
        sessionId: request.sessionId,
        limit,
        after: decodeCursor(request.cursor),
      });
      const last = found.at(-1);
      return {
        insights: found.map((row) =>
          create(InsightSchema, {
            insightId: row.insight_id,
            type: insightTypeFromName(row.type),
            projectId: request.projectId,
            sessionId: row.session_id,
            timestampMs: BigInt(row.timestamp_ms),
            endTimestampMs: BigInt(row.end_timestamp_ms),
            detectedAtMs: BigInt(row.detected_at_ms),
            url: row.url,
            selector: row.selector,
            pageX: row.page_x,
            pageY: row.page_y,
            clickCount: row.click_count,
            pathLengthPx: row.path_length_px,
            directionChanges: row.direction_changes,
            meanSpeedPxPerS: row.mean_speed_px_per_s,
            errorMessage: row.error_message,
            eventIds: row.event_ids,
          }),
        ),
        nextCursor:
          last && found.length === limit ? encodeCursor([Number(last.timestamp_ms), last.insight_id]) : '',
      };
    },

    async getInsightSummary(request, context) {
      await access.project(context, request.projectId, 'analytics.read');
      const range = resolveRange(request.timeRange);
      const bucketMs = bucketFor(range, request.bucketMs);
      const top = limitFrom(request.top, 10, 100);
      const [totals, trend, pages, elements] = await Promise.all([
        queryInsightTotals(clickhouse, request.projectId, range),
        queryInsightTrend(clickhouse, request.projectId, range, bucketMs),
        queryInsightTargets(clickhouse, request.projectId, range, false, top),
        queryInsightTargets(clickhouse, request.projectId, range, true, top),
      ]);
      const targets = (list: typeof pages, type: string) =>
        list
          .filter((row) => row.type === type)
          .map((row) => ({
            url: row.url,
            selector: row.selector,
            count: BigInt(row.count),
            sessions: BigInt(row.sessions),
          }));
      return {
        bucketMs: BigInt(bucketMs),
        types: INSIGHT_TYPES.map((type) => {
          const total = totals.find((row) => row.type === type);
          return {
            type: insightTypeFromName(type),
            count: BigInt(total?.count ?? 0),
            sessions: BigInt(total?.sessions ?? 0),
            trend: trend
              .filter((row) => row.type === type)
              .map((row) => ({ bucketStartMs: BigInt(row.bucket), value: Number(row.count) })),
            topPages: targets(pages, type),
            topElements: targets(elements, type),
          };
        }),
      };
    },
  };
}
