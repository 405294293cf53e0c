'use client';

import { type ReactNode, useEffect, useState } from 'react';
import { mergeReplayChunks } from '@/lib/replay-events';
import { readReplayStream } from '@/lib/replay-stream';
import { ReplayPlayer, type SeekRequest } from './replay-player';

type Loaded = { events: unknown[]; badChunks: number[]; chunks: number; complete: boolean; error?: string };

const START: Loaded = { events: [], badChunks: [], chunks: 0, complete: false };

/**
 * Fetches the recording from the replay route while the player already plays
 * what arrived. `empty` is shown when no chunk was stored for the session.
 */
export function StreamedReplay({ url, seek, empty }: { url: string; seek?: SeekRequest; empty: ReactNode }) {
  const [loaded, setLoaded] = useState<Loaded>(START);

  useEffect(() => {
    const abort = new AbortController();
    setLoaded(START);
    (async () => {
      const response = await fetch(url, { signal: abort.signal, cache: 'no-store' });
      if (!response.ok || !response.body) throw new Error(`the replay route answered ${response.status}`);
      for await (const batch of readReplayStream(response.body)) {
        const merged = mergeReplayChunks(batch);
        setLoaded((previous) => ({
          ...previous,
          events: [...previous.events, ...merged.events],
          badChunks: [...previous.badChunks, ...merged.badChunks],
          chunks: previous.chunks + batch.length,
        }));
      }
      setLoaded((previous) => ({ ...previous, complete: true }));
    })().catch((err: unknown) => {
      if (abort.signal.aborted) return;
      const error = err instanceof Error ? err.message : String(err);
      setLoaded((previous) => ({ ...previous, complete: true, error }));
    });
    return () => abort.abort();
  }, [url]);

  if (loaded.complete && loaded.chunks === 0 && !loaded.error) return empty;
  return (
    <>
      {loaded.error ? (
        <div className="notice notice-error" role="alert" data-testid="replay-failed">
          The recording could not be loaded{loaded.events.length > 0 ? ' completely' : ''}: {loaded.error}
        </div>
      ) : null}
      {loaded.events.length > 0 || !loaded.error ? (
        <ReplayPlayer
          events={loaded.events}
          badChunks={loaded.badChunks}
          complete={loaded.complete}
          seek={seek}
        />
      ) : null}
    </>
  );
}
