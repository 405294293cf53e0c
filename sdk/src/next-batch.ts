import type { QueueItem } from './queue-item.ts';

export interface BatchLimits {
  maxEvents: number;
  maxChunkBytes: number;
}

// How many items from the head of the queue go into the next batch: one
// session per batch (the request carries one session_id), at most maxEvents
// events and maxChunkBytes of replay, but always at least one item.
export function nextBatchSize(items: readonly QueueItem[], limits: BatchLimits): number {
  const head = items[0];
  if (!head) return 0;
  let events = 0;
  let bytes = 0;
  let size = 0;
  for (const item of items) {
    if (item.sessionId !== head.sessionId) break;
    if (item.event) {
      if (events + 1 > limits.maxEvents && size > 0) break;
      events++;
    } else {
      if (bytes + item.chunk.data.byteLength > limits.maxChunkBytes && size > 0) break;
      bytes += item.chunk.data.byteLength;
    }
    size++;
  }
  return size;
}
