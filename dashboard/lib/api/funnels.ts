import { createClient } from '@connectrpc/connect';
import { AnalyticsService } from '@gosight/proto/v1/analytics_service_pb';
import { type FunnelRow, funnelRows, type StepDraft, toFunnelSteps } from '../funnel-steps';
import { call, transport } from './client';

const analytics = createClient(AnalyticsService, transport);

export interface FunnelQuery {
  projectId: string;
  steps: StepDraft[];
  windowMinutes: number;
  fromMs: bigint;
  toMs: bigint;
}

export function getFunnel(funnel: FunnelQuery): Promise<FunnelRow[]> {
  return call('GetFunnel', async (headers) =>
    funnelRows(
      await analytics.getFunnel(
        {
          projectId: funnel.projectId,
          timeRange: { fromMs: funnel.fromMs, toMs: funnel.toMs },
          steps: toFunnelSteps(funnel.steps),
          windowMs: BigInt(funnel.windowMinutes * 60_000),
        },
        { headers },
      ),
    ),
  );
}
