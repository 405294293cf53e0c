import Link from 'next/link';
import { listErrorGroups } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/format';
import type { ResolvedRange } from '@/lib/timeline-range';
import { renderApiError } from './api-error-notice';
import styles from './error-groups.module.css';

/** JavaScript errors grouped by fingerprint, most frequent first, with a stack trace and affected sessions. */
export async function ErrorGroups({ projectId, range }: { projectId: string; range: ResolvedRange }) {
  let groups: Awaited<ReturnType<typeof listErrorGroups>>;
  try {
    groups = await listErrorGroups(projectId, range.fromMs, range.toMs);
  } catch (err) {
    return renderApiError(err);
  }
  if (groups.length === 0) {
    return (
      <div className="notice" data-testid="errors-empty">
        No JavaScript errors in this time range. Uncaught errors and unhandled promise rejections that the SDK
        sees are grouped here; choose a longer range to look further back.
      </div>
    );
  }
  const sessionsBase = `/projects/${encodeURIComponent(projectId)}/sessions`;
  return (
    <ol className={styles.groups} data-testid="error-groups">
      {groups.map((group) => (
        <li key={group.fingerprint} className={styles.group} data-testid="error-group">
          <h2 className={styles.message} data-testid="error-message">
            {group.message || '(no message)'}
          </h2>
          {group.source ? <div className={`muted ${styles.source}`}>{group.source}</div> : null}
          <dl className={styles.figures}>
            <div>
              <dt>Occurrences</dt>
              <dd data-testid="error-count">{String(group.count)}</dd>
            </div>
            <div>
              <dt>Sessions</dt>
              <dd>{String(group.sessions)}</dd>
            </div>
            <div>
              <dt>Users</dt>
              <dd>{String(group.users)}</dd>
            </div>
            <div>
              <dt>First seen</dt>
              <dd>{formatDateTime(group.firstSeenMs)}</dd>
            </div>
            <div>
              <dt>Last seen</dt>
              <dd>{formatDateTime(group.lastSeenMs)}</dd>
            </div>
          </dl>
          <details className={styles.stack}>
            <summary>Stack trace</summary>
            <pre data-testid="error-stack">
              {group.sampleStack || 'No stack trace was recorded for this error.'}
            </pre>
          </details>
          {group.sampleSessionIds.length > 0 ? (
            <p className={styles.sessions}>
              Affected sessions:{' '}
              {/* Session ids start with their time (UUIDv7): the tail tells them apart. */}
              {group.sampleSessionIds.map((sessionId, index) => (
                <span key={sessionId}>
                  {index > 0 ? ', ' : null}
                  <Link href={`${sessionsBase}/${encodeURIComponent(sessionId)}`} data-testid="error-session">
                    <code title={sessionId}>…{sessionId.slice(-8)}</code>
                  </Link>
                </span>
              ))}
              {group.sessions > BigInt(group.sampleSessionIds.length) ? (
                <>
                  {' '}
                  · <Link href={`${sessionsBase}?error=1`}>all sessions with errors</Link>
                </>
              ) : null}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
