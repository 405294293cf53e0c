'use client';

import 'rrweb-player/dist/style.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type RRWebPlayer from 'rrweb-player';
import { mergeReplayChunks, type ReplayChunkData, seekOffsetMs } from '@/lib/replay-events';

type PlayerEvents = ConstructorParameters<typeof RRWebPlayer>[0]['props']['events'];
// The player is a Svelte component; its typings name `svelte`, which is not installed, so `$destroy` is lost.
type MountedPlayer = RRWebPlayer & { $destroy(): void };

/** Plays a recording; `atMs` (epoch ms) opens it shortly before that moment. */
export function ReplayPlayer({ chunks, atMs }: { chunks: ReplayChunkData[]; atMs?: number }) {
  const { events, badChunks } = useMemo(() => mergeReplayChunks(chunks), [chunks]);
  const targetRef = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const target = targetRef.current;
    if (!target || events.length < 2) return;
    let player: MountedPlayer | undefined;
    let unmounted = false;
    // Loaded in the browser only: the player touches the DOM as soon as it is created.
    import('rrweb-player')
      .then(({ default: Player }) => {
        if (unmounted) return;
        const width = target.clientWidth;
        player = new Player({
          target,
          props: {
            events: events as PlayerEvents,
            width,
            height: replayHeight(events, width),
            autoPlay: false,
          },
        }) as MountedPlayer;
        const offset = seekOffsetMs(events, atMs);
        if (offset !== undefined) player.goto(offset, false);
      })
      .catch((err: unknown) => {
        if (!unmounted) setFailure(err instanceof Error ? err.message : String(err));
      });
    return () => {
      unmounted = true;
      if (!player) return;
      player.getReplayer().destroy();
      player.$destroy();
    };
  }, [events, atMs]);

  if (events.length < 2) {
    return (
      <div className="notice" data-testid="replay-missing">
        This recording is too short to play ({events.length} rrweb event{events.length === 1 ? '' : 's'}).
      </div>
    );
  }
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
      <div ref={targetRef} className="replay-player" data-testid="replay-player" />
    </>
  );
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
