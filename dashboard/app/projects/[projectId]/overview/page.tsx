import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OverviewFigures } from '@/components/overview-figures';
import { OverviewRangePicker } from '@/components/overview-range-picker';
import { OverviewTrends } from '@/components/overview-trends';
import { PanelSkeleton } from '@/components/skeletons';
import { parseRange, RANGES, rangeBounds } from './range';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const projectId = decodeURIComponent((await params).projectId);
  const range = parseRange((await searchParams).range);
  // One "now" for both panels, so figures and charts cover the same range.
  const { fromMs, toMs } = rangeBounds(range, Date.now());
  const label = RANGES[range].label;
  return (
    <>
      <div className="page-head">
        <h1>Overview</h1>
        <span className="muted">{label}</span>
        <OverviewRangePicker
          basePath={`/projects/${encodeURIComponent(projectId)}/overview`}
          current={range}
        />
      </div>
      <Suspense key={`figures-${range}`} fallback={<PanelSkeleton height={150} />}>
        <OverviewFigures projectId={projectId} fromMs={fromMs} toMs={toMs} rangeLabel={label} />
      </Suspense>
      <Suspense key={`trends-${range}`} fallback={<PanelSkeleton height={300} />}>
        <OverviewTrends projectId={projectId} fromMs={fromMs} toMs={toMs} />
      </Suspense>
    </>
  );
}
