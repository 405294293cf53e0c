import { formatOffset } from '@/lib/format';
import { isJumpTarget, type TimelineMarker } from '@/lib/timeline-markers';
import styles from './timeline.module.css';

/**
 * The session from start to end with a mark at each click, signal and error.
 * With `onJump`, signals and errors are buttons that seek the player.
 */
export function TimelineBar({
  markers,
  durationMs,
  onJump,
}: {
  markers: readonly TimelineMarker[];
  durationMs: number;
  onJump?: (marker: TimelineMarker) => void;
}) {
  return (
    <div className={styles.timeline} data-testid="session-timeline">
      <div className={styles.track}>
        {markers.map((marker) => {
          const title = `${marker.label} at ${formatOffset(marker.offsetMs)}${marker.detail ? ` — ${marker.detail}` : ''}`;
          const common = {
            className: `${styles.marker} ${styles[marker.kind] ?? ''}`,
            style: { left: `${marker.percent}%` },
            title,
            'data-testid': 'timeline-marker',
            'data-kind': marker.kind,
            'data-at-ms': marker.atMs,
          };
          return onJump && isJumpTarget(marker.kind) ? (
            <button
              key={marker.key}
              type="button"
              {...common}
              aria-label={`Jump to ${title}`}
              onClick={() => onJump(marker)}
            />
          ) : (
            <span key={marker.key} {...common} />
          );
        })}
      </div>
      <div className={styles.scale}>
        <span>{formatOffset(0)}</span>
        <span>{formatOffset(durationMs)}</span>
      </div>
      <ul className={styles.legend} aria-label="Legend">
        {(['click', 'rage_click', 'dead_click', 'error_click', 'thrashed_cursor', 'error'] as const).map(
          (kind) => (
            <li key={kind}>
              <span className={`${styles.swatch} ${styles[kind]}`} />
              {LEGEND[kind]}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}

const LEGEND = {
  click: 'Click',
  rage_click: 'Rage click',
  dead_click: 'Dead click',
  error_click: 'Error click',
  thrashed_cursor: 'Thrashed cursor',
  error: 'Error',
} as const;
