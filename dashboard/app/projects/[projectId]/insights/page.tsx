import type { Metadata } from 'next';
import { Suspense } from 'react';
import { InsightSummary } from '@/components/insight-summary';
import { PanelSkeleton } from '@/components/skeletons';
import { TimelineRangeForm } from '@/components/timeline-range-form';
import { resolveRange } from '@/lib/timeline-range';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Insights' };

export default async function InsightsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ range?: string | string[] }>;
}) {
  const { projectId } = await params;
  const range = resolveRange((await searchParams).range, Date.now());
  return (
    <>
      <div className="page-head">
        <h1>Insights</h1>
        <span className="muted">Frustration signals · {range.label}</span>
      </div>
      <TimelineRangeForm action={`/projects/${encodeURIComponent(projectId)}/insights`} range={range.key} />
      <Suspense key={range.key} fallback={<PanelSkeleton height={320} />}>
        <InsightSummary projectId={projectId} range={range} />
      </Suspense>
    </>
  );
}
