import type { Metadata } from 'next';
import { LiveView } from '@/components/live-view';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Live' };

export default async function LivePage({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = decodeURIComponent((await params).projectId);
  return (
    <>
      <div className="page-head">
        <h1>Live</h1>
        <span className="muted">
          Sessions active in the last 5 minutes, events per second over the last 10 seconds
        </span>
      </div>
      <LiveView streamUrl={`/projects/${encodeURIComponent(projectId)}/live/stream`} />
    </>
  );
}
