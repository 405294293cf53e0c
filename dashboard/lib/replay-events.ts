import type { ReplayChunkView } from '@gosight/proto/v1/session_service_pb';

/** What the player needs from a stored chunk (plain data, so it can cross to a client component). */
export type ReplayChunkData = Pick<ReplayChunkView, 'sequence' | 'eventsJson'>;

export interface MergedReplay {
  events: unknown[];
  /** Sequence numbers of chunks whose JSON could not be read; the rest still plays. */
  badChunks: number[];
}

/** Concatenates the chunks' rrweb events in chunk order. */
export function mergeReplayChunks(chunks: readonly ReplayChunkData[]): MergedReplay {
  const events: unknown[] = [];
  const badChunks: number[] = [];
  for (const chunk of [...chunks].sort((a, b) => a.sequence - b.sequence)) {
    try {
      const parsed: unknown = JSON.parse(chunk.eventsJson);
      if (!Array.isArray(parsed)) throw new Error('not an array');
      events.push(...parsed);
    } catch {
      badChunks.push(chunk.sequence);
    }
  }
  return { events, badChunks };
}
