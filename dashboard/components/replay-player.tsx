'use client';

import 'rrweb-player/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type RRWebPlayer from 'rrweb-player';
import { mergeReplayChunks, type ReplayChunkData, seekOffsetMs } from '@/lib/replay-events';
import styles from './replay-player.module.css';

type PlayerEvents = ConstructorParameters<typeof RRWebPlayer>[0]['props']['events'];
// The player is a Svelte component; its typings name `svelte`, which is not installed, so `$destroy` is lost.
type MountedPlayer = RRWebPlayer & { $destroy(): void };

/** A request to show the recording at `atMs` (epoch ms), `leadMs` before it; `nonce` repeats a jump. */
export interface SeekRequest {
  atMs: number;
  leadMs: number;
  nonce: number;
}

/** Plays a recording; each new `seek` moves it to that moment, paused. */
export function ReplayPlayer({ chunks, seek }: { chunks: ReplayChunkData[]; seek?: SeekRequest }) {
  const { events, badChunks } = useMemo(() => mergeReplayChunks(chunks), [chunks]);
  const targetRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<MountedPlayer | undefined>(undefined);
  const seekRef = useRef(seek);
  seekRef.current = seek;
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const target = targetRef.current;
    if (!target || events.length < 2) return;
    let unmounted = false;
    // Loaded in the browser only: the player touches the DOM as soon as it is created.
    import('rrweb-player')
      .then(({ default: Player }) => {
        if (unmounted) return;
        const width = target.clientWidth;
        playerRef.current = new Player({
          target,
          props: {
            events: events as PlayerEvents,
            width,
            height: replayHeight(events, width),
            autoPlay: false,
          },
        }) as MountedPlayer;
        applySeek(playerRef.current, target, events, seekRef.current);
      })
      .catch((err: unknown) => {
        if (!unmounted) setFailure(err instanceof Error ? err.message : String(err));
      });
    return () => {
      unmounted = true;
      const player = playerRef.current;
      playerRef.current = undefined;
      if (!player) return;
      player.getReplayer().destroy();
      player.$destroy();
    };
  }, [events]);

  useEffect(() => {
    const target = targetRef.current;
    if (playerRef.current && target) applySeek(playerRef.current, target, events, seek);
  }, [events, seek]);

  if (events.length < 2) {
    return (
      <div className="notice" data-testid="replay-missing">
        This recording is too short to play ({events.length} rrweb event{events.length === 1 ? '' : 's'}).
      </div>
    );
  }
  const first = (events[0] as { timestamp?: unknown }).timestamp;
  return (
    <>
      {badChunks.length > 0 ? (
        <div className="notice notice-error">
          Skipped unreadable replay chunk(s) {badChunks.join(', ')}; the rest of the recording still plays.
        </div>
      ) : null}
      {failure ? (
        <div className="notice notice-error" role="alert">
          The replay player failed: {failure}
        </div>
      ) : null}
      <div
        ref={targetRef}
        className={`replay-player ${styles.frame}`}
        data-testid="replay-player"
        data-recording-start-ms={typeof first === 'number' ? first : undefined}
      />
    </>
  );
}

/** Moves the player to the request's moment and notes on the element where it now is (ms from the start). */
function applySeek(
  player: MountedPlayer,
  target: HTMLElement,
  events: unknown[],
  seek: SeekRequest | undefined,
) {
  const offset = seekOffsetMs(events, seek?.atMs, seek?.leadMs);
  if (offset === undefined) return;
  player.goto(offset, false);
  target.dataset.positionMs = String(Math.round(player.getReplayer().getCurrentTime()));
  target.dataset.seekAtMs = String(seek?.atMs);
}

/** Height of the replay area (the controls come below it), keeping the recorded viewport's aspect ratio. */
function replayHeight(events: readonly unknown[], width: number): number {
  const meta = events.find(isMetaEvent);
  const ratio = meta ? meta.data.height / meta.data.width : 9 / 16;
  return Math.round(Math.min(Math.max(width * ratio, 240), 720));
}

function isMetaEvent(event: unknown): event is { type: 4; data: { width: number; height: number } } {
  if (typeof event !== 'object' || event === null) return false;
  const { type, data } = event as { type?: unknown; data?: { width?: unknown; height?: unknown } };
  return type === 4 && typeof data?.width === 'number' && typeof data.height === 'number' && data.width > 0;
}
