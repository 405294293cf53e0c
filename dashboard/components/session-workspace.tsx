'use client';

import { type ReactNode, useCallback, useState } from 'react';
import { formatOffset } from '@/lib/format';
import { isJumpTarget, type TimelineMarker } from '@/lib/timeline-markers';
import type { SeekRequest } from './replay-player';
import { StreamedReplay } from './streamed-replay';
import styles from './timeline.module.css';
import { TimelineBar } from './timeline-bar';

// A jump shows the moment just before the signal, so the lead-up is visible.
const JUMP_LEAD_MS = 300;
// A ?t= link (from insights, errors, alerts) opens a little earlier.
const LINK_LEAD_MS = 2000;

/**
 * The player (when the caller may see it) with the session timeline under it,
 * and the signals and errors beside it. `replayUrl` (the replay route) is null
 * when the recording is not shown; `notice` then says why, and also stands in
 * when no recording was stored.
 */
export function SessionWorkspace({
  replayUrl,
  notice,
  markers,
  durationMs,
  initialAtMs,
  events,
}: {
  replayUrl: string | null;
  notice: ReactNode;
  markers: TimelineMarker[];
  durationMs: number;
  initialAtMs?: number;
  events: ReactNode;
}) {
  const [seek, setSeek] = useState<SeekRequest | undefined>(
    initialAtMs === undefined ? undefined : { atMs: initialAtMs, leadMs: LINK_LEAD_MS, nonce: 0 },
  );
  const jump = useCallback((marker: TimelineMarker) => {
    setSeek((previous) => ({ atMs: marker.atMs, leadMs: JUMP_LEAD_MS, nonce: (previous?.nonce ?? 0) + 1 }));
    // Keeps the moment in the address, so the page can be shared at it.
    const url = new URL(window.location.href);
    url.searchParams.set('t', String(marker.atMs));
    window.history.replaceState(window.history.state, '', url);
  }, []);
  const playable = replayUrl !== null;
  const onJump = playable ? jump : undefined;
  const jumpTargets = markers.filter((marker) => isJumpTarget(marker.kind));

  return (
    <div className="session-grid">
      <section>
        <h2>{playable ? 'Replay' : 'Timeline'}</h2>
        {playable ? <StreamedReplay url={replayUrl} seek={seek} empty={notice} /> : notice}
        <TimelineBar markers={markers} durationMs={durationMs} onJump={onJump} />
      </section>
      <section>
        <h2>Signals and errors</h2>
        {jumpTargets.length === 0 ? (
          <p className="muted" data-testid="no-signals">
            No frustration signals or errors in this session.
          </p>
        ) : (
          <ul className={styles.jumps} data-testid="session-signals">
            {jumpTargets.map((marker) => (
              <li key={marker.key} data-testid="session-signal" data-kind={marker.kind}>
                {onJump ? (
                  <button type="button" onClick={() => onJump(marker)} data-testid="jump-to">
                    {formatOffset(marker.offsetMs)}
                  </button>
                ) : (
                  <span className="mono">{formatOffset(marker.offsetMs)}</span>
                )}
                <span className={`badge ${styles.kindBadge} ${styles[marker.kind] ?? ''}`}>
                  {marker.label}
                </span>
                <span className={`muted ${styles.detail}`} title={marker.detail}>
                  {marker.detail}
                </span>
              </li>
            ))}
          </ul>
        )}
        <h2>Events</h2>
        {events}
      </section>
    </div>
  );
}
