'use client';

import 'rrweb-player/dist/style.css';
import { useEffect, useRef, useState } from 'react';
import type RRWebPlayer from 'rrweb-player';
import { seekOffsetMs } from '@/lib/replay-events';
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

/**
 * Plays a recording whose events may still be arriving: the player starts
 * with the first events and takes each later one as it comes. Each new `seek`
 * moves it to that moment, paused, once the events up to it are there.
 */
export function ReplayPlayer({
  events,
  badChunks,
  complete,
  seek,
}: {
  events: readonly unknown[];
  badChunks: readonly number[];
  complete: boolean;
  seek?: SeekRequest;
}) {
  const targetRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<MountedPlayer | undefined>(undefined);
  const eventsRef = useRef(events);
  eventsRef.current = events;
  // How many of `events` the player has; the rest are added as they come.
  const fedRef = useRef(0);
  const appliedSeekRef = useRef<SeekRequest | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [mounted, setMounted] = useState(false);
  const startable = events.length >= 2;

  useEffect(() => {
    const target = targetRef.current;
    if (!target || !startable) return;
    let unmounted = false;
    // Loaded in the browser only: the player touches the DOM as soon as it is created.
    import('rrweb-player')
      .then(({ default: Player }) => {
        if (unmounted) return;
        const initial = [...eventsRef.current];
        const width = target.clientWidth;
        playerRef.current = new Player({
          target,
          props: {
            events: initial as PlayerEvents,
            width,
            height: replayHeight(initial, width),
            autoPlay: false,
          },
        }) as MountedPlayer;
        fedRef.current = initial.length;
        setMounted(true);
      })
      .catch((err: unknown) => {
        if (!unmounted) setFailure(err instanceof Error ? err.message : String(err));
      });
    return () => {
      unmounted = true;
      const player = playerRef.current;
      playerRef.current = undefined;
      fedRef.current = 0;
      appliedSeekRef.current = undefined;
      setMounted(false);
      if (!player) return;
      player.getReplayer().destroy();
      player.$destroy();
    };
  }, [startable]);

  useEffect(() => {
    const player = playerRef.current;
    const target = targetRef.current;
    if (!mounted || !player || !target) return;
    for (const event of events.slice(fedRef.current)) player.addEvent(event as PlayerEvents[number]);
    fedRef.current = events.length;
    target.dataset.loadedEvents = String(events.length);
    if (seek && seek !== appliedSeekRef.current && (complete || loadedPast(events, seek.atMs))) {
      appliedSeekRef.current = seek;
      applySeek(player, target, events, seek);
    }
  }, [mounted, events, complete, seek]);

  if (!startable) {
    return complete ? (
      <div className="notice" data-testid="replay-missing">
        This recording is too short to play ({events.length} rrweb event{events.length === 1 ? '' : 's'}).
      </div>
    ) : (
      <div className="notice" data-testid="replay-loading">
        Loading the recording…
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
        data-complete={complete}
      />
    </>
  );
}

/** Whether the events that arrived reach `atMs` (epoch ms), so a seek there lands where it should. */
function loadedPast(events: readonly unknown[], atMs: number): boolean {
  const last = (events.at(-1) as { timestamp?: unknown } | undefined)?.timestamp;
  return typeof last === 'number' && last >= atMs;
}

/** Moves the player to the request's moment and notes on the element where it now is (ms from the start). */
function applySeek(
  player: MountedPlayer,
  target: HTMLElement,
  events: readonly unknown[],
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
