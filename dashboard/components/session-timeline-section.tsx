import { listSessionInsights } from '@/lib/api/insights';
import { getSession } from '@/lib/api/sessions';
import { buildTimeline } from '@/lib/timeline-markers';
import { renderApiError } from './api-error-notice';
import { SessionEventsPanel } from './session-events';
import { SessionWorkspace } from './session-workspace';

/** The session's replay (for Members and up), timeline, signals and events. */
export async function SessionTimelineSection({
  projectId,
  sessionId,
  canReplay,
  atMs,
  chunksPerStep,
}: {
  projectId: string;
  sessionId: string;
  canReplay: boolean;
  atMs?: number;
  /** Passed on to the replay route as ?chunks= (it checks the value). */
  chunksPerStep?: string;
}) {
  let timeline: ReturnType<typeof buildTimeline>;
  try {
    const { session, events } = await getSession(projectId, sessionId);
    const bounds = session ?? {
      startedAtMs: events[0]?.timestampMs ?? 0n,
      endedAtMs: events.at(-1)?.timestampMs ?? 0n,
    };
    const insights = await listSessionInsights(projectId, { sessionId, ...bounds });
    timeline = buildTimeline(bounds, events, insights);
  } catch (err) {
    return renderApiError(err);
  }
  const notice = canReplay ? (
    <div className="notice" data-testid="replay-missing">
      No recording was stored for this session. Recording happens only where the snippet has it enabled; the
      timeline below still shows what happened.
    </div>
  ) : (
    <div className="notice" data-testid="viewer-notice">
      Your role in this project is Viewer: you see what happened in this session as figures and a timeline,
      but not the recording of the page or text typed or shown in it. A project Owner or Admin can give you
      the Member role.
    </div>
  );
  return (
    <SessionWorkspace
      // A new ?t= (a link followed within the app) starts the workspace again at that moment.
      key={atMs ?? 'start'}
      // Never offered to a Viewer: the API would refuse it, and the page must not offer it.
      replayUrl={
        canReplay
          ? `/projects/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(sessionId)}/replay${
              chunksPerStep ? `?chunks=${encodeURIComponent(chunksPerStep)}` : ''
            }`
          : null
      }
      notice={notice}
      markers={timeline.markers}
      durationMs={timeline.endMs - timeline.startMs}
      initialAtMs={atMs}
      events={<SessionEventsPanel projectId={projectId} sessionId={sessionId} />}
    />
  );
}
