import type { QueueItem } from './queue-item.ts';

export interface BatchLimits {
  maxEvents: number;
  maxChunks: number;
  // Encoded size of the events and chunks together.
  maxBytes: number;
}

// How many items from the head of the queue go into the next batch: one
// session and tab per batch (the request names one of each), within the
// limits, but always at least one item.
export function nextBatchSize(items: readonly QueueItem[], limits: BatchLimits): number {
  const head = items[0];
  if (!head) return 0;
  let events = 0;
  let chunks = 0;
  let bytes = 0;
  let size = 0;
  for (const item of items) {
    if (item.sessionId !== head.sessionId || item.tabId !== head.tabId) break;
    const full = item.chunk ? chunks + 1 > limits.maxChunks : events + 1 > limits.maxEvents;
    if (size > 0 && (full || bytes + item.bytes.byteLength > limits.maxBytes)) break;
    if (item.chunk) chunks++;
    else events++;
    bytes += item.bytes.byteLength;
    size++;
  }
  return size;
}
