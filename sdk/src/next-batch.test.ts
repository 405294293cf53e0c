import { create } from '@bufbuild/protobuf';
import { EventSchema, ReplayChunkSchema } from '@gosight/proto/v1/events_pb';
import { describe, expect, it } from 'vitest';
import { nextBatchSize } from './next-batch.ts';
import type { QueueItem } from './queue-item.ts';

const event = (sessionId = 's1'): QueueItem => ({ sessionId, event: create(EventSchema) });
const chunk = (bytes: number, sessionId = 's1'): QueueItem => ({
  sessionId,
  chunk: create(ReplayChunkSchema, { data: new Uint8Array(bytes) }),
});

const limits = { maxEvents: 3, maxChunkBytes: 100 };

describe('nextBatchSize', () => {
  const cases: { name: string; items: QueueItem[]; size: number }[] = [
    { name: 'empty queue', items: [], size: 0 },
    { name: 'everything fits', items: [event(), chunk(10), event()], size: 3 },
    { name: 'stops at maxEvents', items: [event(), event(), chunk(10), event(), event()], size: 4 },
    { name: 'stops at the chunk byte budget', items: [chunk(60), event(), chunk(60), event()], size: 2 },
    { name: 'an oversized chunk still goes alone', items: [chunk(500), chunk(1)], size: 1 },
    { name: 'one session per batch', items: [event('a'), chunk(1, 'a'), event('b'), event('a')], size: 2 },
  ];
  it.each(cases)('$name', ({ items, size }) => {
    expect(nextBatchSize(items, limits)).toBe(size);
  });
});
