import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ReplayPanel } from '@/components/replay-panel';
import { SessionEventsPanel } from '@/components/session-events';
import { SessionSummaryPanel } from '@/components/session-summary';
import { PanelSkeleton, TableSkeleton } from '@/components/skeletons';
import { momentFrom } from '@/lib/replay-events';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Session' };

type Params = { projectId: string; sessionId: string };

// ?t=<epoch ms> (links from insights and alerts) opens the replay at that moment.
export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ t?: string | string[] }>;
}) {
  const { projectId, sessionId } = await params;
  const atMs = momentFrom((await searchParams).t);
  return (
    <>
      <nav className="crumbs">
        <Link href={`/projects/${encodeURIComponent(projectId)}/sessions`}>← Sessions</Link>
      </nav>
      <div className="page-head">
        <h1>Session</h1>
        <code className="muted">{sessionId}</code>
      </div>
      <Suspense fallback={<PanelSkeleton height={96} />}>
        <SessionSummaryPanel projectId={projectId} sessionId={sessionId} />
      </Suspense>
      <div className="session-grid">
        <section>
          <h2>Replay</h2>
          <Suspense fallback={<PanelSkeleton height={480} />}>
            <ReplayPanel projectId={projectId} sessionId={sessionId} atMs={atMs} />
          </Suspense>
        </section>
        <section>
          <h2>Events</h2>
          <Suspense fallback={<TableSkeleton rows={8} />}>
            <SessionEventsPanel projectId={projectId} sessionId={sessionId} />
          </Suspense>
        </section>
      </div>
    </>
  );
}
