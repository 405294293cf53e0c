import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PanelSkeleton } from '@/components/skeletons';
import { parseHeatmapParams } from '@/lib/heatmap-params';
import { resolveRange } from '@/lib/timeline-range';
import { HeatmapPanel } from './heatmap-panel';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Heatmaps' };

type Search = Record<string, string | string[] | undefined>;

export default async function HeatmapsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Search>;
}) {
  const { projectId } = await params;
  const search = await searchParams;
  const choice = parseHeatmapParams(search);
  const range = resolveRange(search.range, Date.now());
  return (
    <>
      <div className="page-head">
        <h1>Heatmaps</h1>
        <span className="muted">
          Where visitors click, how far they scroll and where the mouse goes, drawn over a recorded copy of
          the page · {range.label}
        </span>
      </div>
      <Suspense key={`${choice.url}|${choice.device}|${range.key}`} fallback={<PanelSkeleton height={480} />}>
        <HeatmapPanel projectId={projectId} choice={choice} range={range} />
      </Suspense>
    </>
  );
}
