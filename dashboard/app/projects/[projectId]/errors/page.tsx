import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ErrorGroups } from '@/components/error-groups';
import { TableSkeleton } from '@/components/skeletons';
import { TimelineRangeForm } from '@/components/timeline-range-form';
import { resolveRange } from '@/lib/timeline-range';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Errors' };

export default async function ErrorsPage({
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
        <h1>Errors</h1>
        <span className="muted">Grouped by fingerprint, most frequent first · {range.label}</span>
      </div>
      <TimelineRangeForm action={`/projects/${encodeURIComponent(projectId)}/errors`} range={range.key} />
      <Suspense key={range.key} fallback={<TableSkeleton rows={4} />}>
        <ErrorGroups projectId={projectId} range={range} />
      </Suspense>
    </>
  );
}
