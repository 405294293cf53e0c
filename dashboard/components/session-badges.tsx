import type { SessionSummary } from '@gosight/proto/v1/session_service_pb';
import styles from './session-badges.module.css';

const SIGNAL_BADGES = [
  ['rageClicks', 'rage_click', 'Rage click'],
  ['deadClicks', 'dead_click', 'Dead click'],
  ['errorClicks', 'error_click', 'Error click'],
  ['thrashedCursors', 'thrashed_cursor', 'Thrashed cursor'],
] as const;

/** A badge per frustration signal and for errors, with their counts. */
export function SessionBadges({ session }: { session: SessionSummary }) {
  const badges = SIGNAL_BADGES.filter(([field]) => session[field] > 0).map(([field, kind, label]) => (
    <span key={kind} className={`badge ${styles.signal}`} data-testid="signal-badge" data-kind={kind}>
      {label}
      {session[field] > 1 ? ` ×${session[field]}` : ''}
    </span>
  ));
  if (session.errors > 0) {
    badges.push(
      <span key="error" className={`badge ${styles.error}`} data-testid="signal-badge" data-kind="error">
        {session.errors === 1 ? '1 error' : `${session.errors} errors`}
      </span>,
    );
  }
  return badges.length > 0 ? <span className={styles.badges}>{badges}</span> : null;
}
