import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { SessionSummaryPanel } from '@/components/session-summary';
import { SessionTimelineSection } from '@/components/session-timeline-section';
import { PanelSkeleton } from '@/components/skeletons';
import { canSeeRecordings } from '@/lib/api/sessions';
import { momentFrom } from '@/lib/replay-events';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Session' };

type Params = { projectId: string; sessionId: string };

// ?t=<epoch ms> (links from insights, errors and alerts) opens the replay at that moment;
// ?chunks=<n> sets how many recording chunks the player fetches per step (1-200, default 4).
export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ t?: string | string[]; chunks?: string | string[] }>;
}) {
  const { projectId, sessionId: rawSessionId } = await params;
  const sessionId = decodeURIComponent(rawSessionId);
  const search = await searchParams;
  const atMs = momentFrom(search.t);
  const chunksPerStep = typeof search.chunks === 'string' ? search.chunks : undefined;
  const canReplay = await canSeeRecordings(projectId);
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
        <SessionSummaryPanel projectId={projectId} sessionId={sessionId} canReplay={canReplay} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton height={480} />}>
        <SessionTimelineSection
          projectId={projectId}
          sessionId={sessionId}
          canReplay={canReplay}
          atMs={atMs}
          chunksPerStep={chunksPerStep}
        />
      </Suspense>
    </>
  );
}
