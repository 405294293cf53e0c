import { createClient } from '@connectrpc/connect';
import {
  type GetInsightSummaryResponse,
  InsightService,
  type ListInsightsResponse,
} from '@gosight/proto/v1/insight_service_pb';
import { InsightType } from '@gosight/proto/v1/insights_pb';
import { cache } from 'react';
import { call, transport } from './client';

const insights = createClient(InsightService, transport);

type Range = { fromMs: bigint; toMs: bigint };

export function listInsights(
  projectId: string,
  options: {
    timeRange: Range;
    type?: InsightType;
    url?: string;
    sessionId?: string;
    limit?: number;
    cursor?: string;
  },
): Promise<ListInsightsResponse> {
  return call('ListInsights', (headers) =>
    insights.listInsights(
      {
        projectId,
        timeRange: options.timeRange,
        type: options.type ?? InsightType.UNSPECIFIED,
        url: options.url ?? '',
        sessionId: options.sessionId ?? '',
        limit: options.limit ?? 50,
        cursor: options.cursor ?? '',
      },
      { headers },
    ),
  );
}

export const getInsightSummary = cache(
  (projectId: string, fromMs: bigint, toMs: bigint): Promise<GetInsightSummaryResponse> =>
    call('GetInsightSummary', (headers) =>
      insights.getInsightSummary({ projectId, timeRange: { fromMs, toMs }, top: 10 }, { headers }),
    ),
);

/** The signals of one session segment: its SDK session's, within the segment's time span. */
export async function listSessionInsights(
  projectId: string,
  session: { sessionId: string; startedAtMs: bigint; endedAtMs: bigint },
) {
  // A session key names a segment of an SDK session ("<id>~<n>"); insights carry the SDK session id.
  const baseId = session.sessionId.split('~')[0];
  const margin = 60_000n;
  const { insights: found } = await listInsights(projectId, {
    timeRange: { fromMs: session.startedAtMs - margin, toMs: session.endedAtMs + margin },
    sessionId: baseId,
    limit: 500,
  });
  return found;
}
