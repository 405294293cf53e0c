import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallError } from './connect-unary.ts';
import { loadExtras, setExtrasLoader } from './extras-loader.ts';
import type { Batch, QueueItem } from './queue-item.ts';
import { createSendQueue, type SendQueueOptions } from './send-queue.ts';

// The retry policy comes with the extras, as in the page once they loaded.
setExtrasLoader(() => import('./extras.ts'));
await loadExtras();

const item = (id: number, sessionId = 's1', bytes = 10): QueueItem => ({
  sessionId,
  tabId: 't1',
  chunk: false,
  bytes: new Uint8Array(bytes).fill(id),
});

function setup(
  send: (batch: Batch<string>) => Promise<CallError | undefined>,
  extra: Partial<SendQueueOptions<string>> = {},
) {
  let batches = 0;
  const drops: string[] = [];
  const queue = createSendQueue<string>({
    maxEvents: 2,
    maxChunks: 2,
    maxBytes: 1000,
    maxQueuedItems: 10,
    maxQueuedBytes: 10_000,
    random: () => 0.5,
    onDrop: (items, reason) => drops.push(`${items.length} ${reason}`),
    newBatch: (items) => ({ batchId: `b${++batches}`, page: 'p', items, droppedEvents: 0 }),
    send: (batch) => send(batch),
    ...extra,
  });
  return { queue, drops };
}

const ids = (batch: Batch<string>) => batch.items.map((i) => i.bytes[0]);
const down: CallError = { code: 'unavailable', message: 'down' };

describe('createSendQueue', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends batches in order, split by size and session', async () => {
    const sent: Batch<string>[] = [];
    const { queue } = setup(async (batch) => void sent.push(batch));
    for (const i of [item(1), item(2), item(3), item(4, 's2')]) queue.push(i);
    expect(queue.pendingEvents()).toBe(4);
    await queue.drain();
    expect(sent.map((b) => [b.batchId, b.items[0]?.sessionId, ids(b)])).toEqual([
      ['b1', 's1', [1, 2]],
      ['b2', 's1', [3]],
      ['b3', 's2', [4]],
    ]);
    expect(queue.pendingEvents()).toBe(0);
  });

  it('retries the same batch with back-off 1 s, 2 s, 4 s', async () => {
    const attempts: { at: number; batch: Batch<string> }[] = [];
    const start = Date.now();
    const { queue } = setup(async (batch) => {
      attempts.push({ at: Date.now() - start, batch });
      return attempts.length <= 3 ? down : undefined;
    });
    queue.push(item(1));
    const done = queue.drain();
    queue.push(item(2));
    queue.push(item(3));
    expect(queue.healthy()).toBe(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(queue.healthy()).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(attempts.map((a) => a.at)).toEqual([0, 1000, 3000, 7000, 7000]);
    expect(attempts.slice(0, 4).map((a) => a.batch.batchId)).toEqual(['b1', 'b1', 'b1', 'b1']);
    expect(ids(attempts[4]!.batch)).toEqual([2, 3]);
    expect(queue.healthy()).toBe(true);
  });

  it('waits as long as the server asks with retry-after', async () => {
    const attempts: number[] = [];
    const start = Date.now();
    const { queue } = setup(async () => {
      attempts.push(Date.now() - start);
      return attempts.length === 1
        ? { code: 'resource_exhausted', message: 'slow down', retryAfterMs: 5000 }
        : undefined;
    });
    queue.push(item(1));
    const done = queue.drain();
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(attempts).toEqual([0, 5500]);
  });

  it('drops a batch the server rejects for good and goes on', async () => {
    const sent: string[] = [];
    const { queue, drops } = setup(async (batch) => {
      if (batch.batchId === 'b1') return { code: 'invalid_argument', message: 'bad batch' };
      sent.push(batch.batchId);
      return undefined;
    });
    for (const i of [item(1), item(2), item(3)]) queue.push(i);
    await queue.drain();
    expect(sent).toEqual(['b2']);
    expect(drops).toEqual(['2 [invalid_argument] bad batch']);
  });

  it('waits while offline and goes on when hurried', async () => {
    let online = false;
    const sent: string[] = [];
    const { queue } = setup(async (batch) => void sent.push(batch.batchId), { isOnline: () => online });
    queue.push(item(1));
    const done = queue.drain();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([]);
    expect(queue.healthy()).toBe(false);
    online = true;
    queue.hurry();
    await done;
    expect(sent).toEqual(['b1']);
  });

  it('hurry skips the wait; stop makes one last attempt and ends the loop', async () => {
    let calls = 0;
    const { queue } = setup(async () => {
      calls++;
      return down;
    });
    queue.push(item(1));
    const done = queue.drain();
    await vi.advanceTimersByTimeAsync(0);
    queue.hurry();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
    queue.stop();
    await done;
    expect(calls).toBe(3);
  });

  it('drops new items past maxQueuedItems and maxQueuedBytes', () => {
    const { queue, drops } = setup(async () => undefined);
    for (let i = 0; i < 12; i++) queue.push(item(i));
    expect(queue.pendingEvents()).toBe(10);
    expect(drops).toEqual(['1 queue full', '1 queue full']);
    const small = setup(async () => undefined, { maxQueuedBytes: 25 });
    for (let i = 0; i < 3; i++) small.queue.push(item(i));
    expect(small.queue.pendingEvents()).toBe(2);
  });

  it('hands out batches for the unload within a byte budget and snapshots the rest', async () => {
    const { queue } = setup(async () => down);
    queue.push(item(1, 's1', 100));
    const done = queue.drain();
    await vi.advanceTimersByTimeAsync(0);
    for (const i of [item(2, 's1', 100), item(3, 's1', 100), item(4, 's1', 300), item(5, 's1', 10)])
      queue.push(i);
    const taken = queue.takeForUnload(350);
    expect(taken.map(ids)).toEqual([[2, 3]]);
    const snapshot = queue.snapshot();
    expect(snapshot.batches.map((b) => [b.batchId, ids(b)])).toEqual([['b1', [1]]]);
    expect(snapshot.items.map((i) => i.bytes[0])).toEqual([4, 5]);
    queue.restore(taken, []);
    expect(queue.snapshot().batches.map((b) => b.batchId)).toEqual(['b1', 'b2']);
    queue.stop();
    await done;
  });
});
