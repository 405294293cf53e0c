import { getSession } from '@/lib/api/sessions';
import { formatDateTime, formatDuration } from '@/lib/format';
import { renderApiError } from './api-error-notice';
import { ReplayBadge } from './replay-badge';

export async function SessionSummaryPanel({
  projectId,
  sessionId,
}: {
  projectId: string;
  sessionId: string;
}) {
  let session: Awaited<ReturnType<typeof getSession>>['session'];
  try {
    ({ session } = await getSession(projectId, sessionId));
  } catch (err) {
    return renderApiError(err);
  }
  if (!session) {
    return <div className="notice">The API returned no summary for this session.</div>;
  }

  return (
    <dl className="summary" data-testid="session-summary">
      <div>
        <dt>Started</dt>
        <dd>{formatDateTime(session.startedAtMs)}</dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{formatDuration(session.endedAtMs - session.startedAtMs)}</dd>
      </div>
      <div className="wide">
        <dt>Entry URL</dt>
        <dd className="url">{session.entryUrl || '—'}</dd>
      </div>
      <div>
        <dt>Page views</dt>
        <dd>{session.pageViews}</dd>
      </div>
      <div>
        <dt>Clicks</dt>
        <dd>{session.clicks}</dd>
      </div>
      <div>
        <dt>Events</dt>
        <dd>{session.events}</dd>
      </div>
      <div>
        <dt>Device</dt>
        <dd>
          <code>{session.deviceId || '—'}</code>
        </dd>
      </div>
      {session.hasReplay ? (
        <div>
          <dt>Recording</dt>
          <dd>
            <ReplayBadge />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
