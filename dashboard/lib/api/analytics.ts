import { createClient } from '@connectrpc/connect';
import { AnalyticsService, type Overview, type TrendBucket } from '@gosight/proto/v1/analytics_service_pb';
import { cache } from 'react';
import { call, transport } from './client';

const analytics = createClient(AnalyticsService, transport);

/** A half-open [fromMs, toMs) range in epoch milliseconds. */
export type Range = { fromMs: number; toMs: number };

const timeRange = ({ fromMs, toMs }: Range) => ({ fromMs: BigInt(fromMs), toMs: BigInt(toMs) });

export const getOverview = cache(
  async (projectId: string, fromMs: number, toMs: number): Promise<Overview | undefined> =>
    call(
      'GetOverview',
      async (headers) =>
        (await analytics.getOverview({ projectId, timeRange: timeRange({ fromMs, toMs }) }, { headers }))
          .overview,
    ),
);

/** Buckets of the API's choosing: hours for ranges up to 2 days, else days. */
export const getTrends = cache(
  async (projectId: string, fromMs: number, toMs: number): Promise<TrendBucket[]> =>
    call(
      'GetTrends',
      async (headers) =>
        (await analytics.getTrends({ projectId, timeRange: timeRange({ fromMs, toMs }) }, { headers }))
          .buckets,
    ),
);
