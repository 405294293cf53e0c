import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SessionFilters } from '@/components/session-filters';
import { SessionTable } from '@/components/session-table';
import { TableSkeleton } from '@/components/skeletons';
import { canSeeRecordings } from '@/lib/api/sessions';
import { parseSessionFilters, toQuery } from './filters';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sessions' };

type Search = Record<string, string | string[] | undefined>;

export default async function SessionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Search>;
}) {
  const { projectId } = await params;
  const filters = parseSessionFilters(await searchParams);
  const canReplay = await canSeeRecordings(projectId);
  const action = `/projects/${encodeURIComponent(projectId)}/sessions`;
  return (
    <>
      <div className="page-head">
        <h1>Sessions</h1>
        <span className="muted">Most recently active first</span>
      </div>
      <SessionFilters params={filters} action={action} />
      <Suspense key={toQuery(filters)} fallback={<TableSkeleton />}>
        <SessionTable projectId={projectId} params={filters} canReplay={canReplay} />
      </Suspense>
    </>
  );
}
