import { describe, expect, it } from 'vitest';
import { nextBatchSize } from './next-batch.ts';
import type { QueueItem } from './queue-item.ts';

const event = (sessionId = 's1', bytes = 10, tabId = 't1'): QueueItem => ({
  sessionId,
  tabId,
  chunk: false,
  bytes: new Uint8Array(bytes),
});
const chunk = (bytes: number, sessionId = 's1'): QueueItem => ({
  sessionId,
  tabId: 't1',
  chunk: true,
  bytes: new Uint8Array(bytes),
});

const limits = { maxEvents: 3, maxChunks: 2, maxBytes: 100 };

describe('nextBatchSize', () => {
  const cases: { name: string; items: QueueItem[]; size: number }[] = [
    { name: 'empty queue', items: [], size: 0 },
    { name: 'everything fits', items: [event(), chunk(10), event()], size: 3 },
    { name: 'stops at maxEvents', items: [event(), event(), chunk(10), event(), event()], size: 4 },
    { name: 'stops at maxChunks', items: [chunk(1), chunk(1), event(), chunk(1)], size: 3 },
    { name: 'stops at the byte budget', items: [chunk(60), event(), chunk(60), event()], size: 2 },
    { name: 'counts event bytes too', items: [event('s1', 50), event('s1', 40), event('s1', 20)], size: 2 },
    { name: 'an oversized chunk still goes alone', items: [chunk(500), chunk(1)], size: 1 },
    { name: 'one session per batch', items: [event('a'), chunk(1, 'a'), event('b'), event('a')], size: 2 },
    { name: 'one tab per batch', items: [event('a'), event('a', 10, 't2')], size: 1 },
  ];
  it.each(cases)('$name', ({ items, size }) => {
    expect(nextBatchSize(items, limits)).toBe(size);
  });
});
