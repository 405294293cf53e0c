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

/**
 * Where in the recording (ms from its first event) a link's moment is, e.g. ?t=<epoch ms>
 * from an insight or an alert. A moment a little before a signal shows what led to it.
 * Undefined when there is no usable moment.
 */
export function seekOffsetMs(
  events: readonly unknown[],
  atMs: number | undefined,
  leadMs = 2000,
): number | undefined {
  if (atMs === undefined || !Number.isFinite(atMs)) return undefined;
  const first = (events[0] as { timestamp?: unknown } | undefined)?.timestamp;
  const last = (events.at(-1) as { timestamp?: unknown } | undefined)?.timestamp;
  if (typeof first !== 'number' || typeof last !== 'number') return undefined;
  return Math.min(Math.max(atMs - leadMs - first, 0), last - first);
}

/** The ?t= query parameter as epoch milliseconds, when it is one. */
export function momentFrom(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{10,16}$/.test(text)) return undefined;
  return Number(text);
}
