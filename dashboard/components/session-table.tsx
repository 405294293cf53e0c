import Link from 'next/link';
import {
  type SessionFilterParams,
  toQuery,
  toSessionFilter,
} from '@/app/projects/[projectId]/sessions/filters';
import { listSessions } from '@/lib/api/sessions';
import { formatDateTime, formatDuration } from '@/lib/format';
import { resolveRange } from '@/lib/timeline-range';
import { renderApiError } from './api-error-notice';
import { ReplayBadge } from './replay-badge';
import { SessionBadges } from './session-badges';

const PAGE_SIZE = 25;

export async function SessionTable({
  projectId,
  params,
  canReplay,
}: {
  projectId: string;
  params: SessionFilterParams;
  canReplay: boolean;
}) {
  const base = `/projects/${encodeURIComponent(projectId)}/sessions`;
  const { fromMs, toMs } = resolveRange(params.range, Date.now());
  let page: Awaited<ReturnType<typeof listSessions>>;
  try {
    page = await listSessions(projectId, {
      filter: { ...toSessionFilter(params), timeRange: { fromMs, toMs } },
      cursor: params.cursor,
      limit: PAGE_SIZE,
    });
  } catch (err) {
    return renderApiError(err);
  }
  const { sessions, nextCursor } = page;
  const filtered = toQuery(params, { range: '7d', cursor: '' }) !== '';

  if (sessions.length === 0) {
    return (
      <div className="notice" data-testid="sessions-empty">
        {params.cursor
          ? 'No more sessions match these filters.'
          : filtered
            ? 'No sessions match these filters in this time range. Widen the range or clear a filter.'
            : 'No sessions in this time range yet. Add the snippet to your site, or choose a longer range.'}{' '}
        {params.cursor ? <Link href={`${base}${toQuery(params, { cursor: '' })}`}>First page</Link> : null}
      </div>
    );
  }

  return (
    <>
      <table className="table sessions" data-testid="sessions-table">
        <thead>
          <tr>
            <th>Started</th>
            <th>Duration</th>
            <th>Entry URL</th>
            <th>Device</th>
            <th className="num">Pages</th>
            <th className="num">Clicks</th>
            <th>Signals and errors</th>
            {canReplay ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.sessionId} data-testid="session-row" data-session-id={s.sessionId}>
              <td>
                {/* The link's ::after covers the whole row, so any cell opens the session. */}
                <Link href={`${base}/${encodeURIComponent(s.sessionId)}`} className="row-link">
                  {formatDateTime(s.startedAtMs)}
                </Link>
              </td>
              <td>{formatDuration(s.endedAtMs - s.startedAtMs)}</td>
              <td className="url" title={s.entryUrl}>
                {s.entryUrl}
              </td>
              <td className="muted">
                {[s.device, s.browser, s.country].filter(Boolean).join(' · ') || '—'}
                {s.userId ? (
                  <>
                    <br />
                    <code>{s.userId}</code>
                  </>
                ) : null}
              </td>
              <td className="num">{s.pageViews}</td>
              <td className="num">{s.clicks}</td>
              <td>
                <SessionBadges session={s} />
              </td>
              {canReplay ? <td>{s.hasReplay ? <ReplayBadge /> : null}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="inline-form" aria-label="Pages">
        {params.cursor ? <Link href={`${base}${toQuery(params, { cursor: '' })}`}>First page</Link> : null}
        {nextCursor ? (
          <Link href={`${base}${toQuery(params, { cursor: nextCursor })}`} data-testid="sessions-next">
            Next page
          </Link>
        ) : (
          <span className="muted">No more sessions.</span>
        )}
      </nav>
    </>
  );
}
