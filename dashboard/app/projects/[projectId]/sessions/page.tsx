import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { SessionTable } from '@/components/session-table';
import { TableSkeleton } from '@/components/skeletons';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sessions' };

export default async function SessionsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  return (
    <>
      <div className="page-head">
        <h1>Sessions</h1>
        <span className="muted">
          Project <code>{projectId}</code> · <Link href={`/projects/${projectId}/alerts`}>Alerts</Link>
        </span>
      </div>
      <Suspense fallback={<TableSkeleton />}>
        <SessionTable projectId={projectId} />
      </Suspense>
    </>
  );
}
