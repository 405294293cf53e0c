import { getSession } from '@/lib/api/sessions';
import { formatDateTime, formatDuration } from '@/lib/format';
import { renderApiError } from './api-error-notice';
import { ReplayBadge } from './replay-badge';
import { SessionBadges } from './session-badges';

export async function SessionSummaryPanel({
  projectId,
  sessionId,
  canReplay,
}: {
  projectId: string;
  sessionId: string;
  canReplay: boolean;
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
        <dt>Errors</dt>
        <dd>{session.errors}</dd>
      </div>
      <div>
        <dt>Device</dt>
        <dd>
          {[session.device, session.browser, session.os, session.country].filter(Boolean).join(' · ') || '—'}
        </dd>
      </div>
      {session.userId ? (
        <div>
          <dt>User</dt>
          <dd>
            <code>{session.userId}</code>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Signals</dt>
        <dd>
          <SessionBadges session={session} />
          {session.rageClicks +
            session.deadClicks +
            session.errorClicks +
            session.thrashedCursors +
            session.errors ===
          0
            ? 'None'
            : null}
        </dd>
      </div>
      {canReplay && session.hasReplay ? (
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
