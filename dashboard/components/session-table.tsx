import Link from 'next/link';
import { listSessions } from '@/lib/api/sessions';
import { formatDateTime, formatDuration } from '@/lib/format';
import { renderApiError } from './api-error-notice';
import { ReplayBadge } from './replay-badge';

export async function SessionTable({ projectId }: { projectId: string }) {
  let sessions: Awaited<ReturnType<typeof listSessions>>;
  try {
    sessions = await listSessions(projectId);
  } catch (err) {
    return renderApiError(err);
  }

  if (sessions.length === 0) {
    return (
      <div className="notice" data-testid="sessions-empty">
        No sessions yet — add the snippet to your site.
      </div>
    );
  }

  return (
    <table className="table sessions">
      <thead>
        <tr>
          <th>Started</th>
          <th>Duration</th>
          <th>Entry URL</th>
          <th className="num">Page views</th>
          <th className="num">Clicks</th>
          <th className="num">Events</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => {
          const href = `/projects/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(s.sessionId)}`;
          return (
            <tr key={s.sessionId} data-testid="session-row" data-session-id={s.sessionId}>
              <td>
                {/* The link's ::after covers the whole row, so any cell opens the session. */}
                <Link href={href} className="row-link">
                  {formatDateTime(s.startedAtMs)}
                </Link>
              </td>
              <td>{formatDuration(s.endedAtMs - s.startedAtMs)}</td>
              <td className="url" title={s.entryUrl}>
                {s.entryUrl}
              </td>
              <td className="num">{s.pageViews}</td>
              <td className="num">{s.clicks}</td>
              <td className="num">{s.events}</td>
              <td>{s.hasReplay ? <ReplayBadge /> : null}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
