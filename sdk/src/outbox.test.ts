import { describe, expect, it } from 'vitest';
import { createOutbox, type OutboxStorage } from './outbox.ts';
import type { QueueItem } from './queue-item.ts';

function memoryStorage(): OutboxStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const item = (id: number, chunk = false, bytes = 4): QueueItem => ({
  sessionId: 's1',
  tabId: 't1',
  chunk,
  bytes: new Uint8Array(bytes).fill(id),
});
const firstBytes = (items: QueueItem[]) => items.map((i) => i.bytes[0]);

describe('createOutbox', () => {
  it('keeps batches and items across a reload of the tab, then forgets them', () => {
    const storage = memoryStorage();
    const options = { tabId: 't1', maxChars: 100_000, orphanAfterMs: 60_000, now: () => 1000 };
    createOutbox<string>(storage, options).save({
      batches: [{ batchId: 'b1', page: 'p1', items: [item(1), item(2, true)], droppedEvents: 3 }],
      items: [item(3)],
    });
    const content = createOutbox<string>(storage, options).take();
    expect(content.batches.map((b) => [b.batchId, b.page, firstBytes(b.items), b.droppedEvents])).toEqual([
      ['b1', 'p1', [1, 2], 3],
    ]);
    expect(content.batches[0]?.items[1]).toEqual(item(2, true));
    expect(firstBytes(content.items)).toEqual([3]);
    expect(content.lost).toEqual({ events: 0, chunks: 0 });
    expect(storage.map.size).toBe(0);
  });

  it('removes the key when the queue is empty', () => {
    const storage = memoryStorage();
    const outbox = createOutbox<string>(storage, { tabId: 't1', maxChars: 1000, orphanAfterMs: 1 });
    outbox.save({ batches: [], items: [item(1)] });
    expect(storage.map.size).toBe(1);
    outbox.save({ batches: [], items: [] });
    expect(storage.map.size).toBe(0);
  });

  it('adopts the queue of a closed tab, not of a live one', () => {
    const storage = memoryStorage();
    let now = 0;
    const other = createOutbox<string>(storage, {
      tabId: 't2',
      maxChars: 10_000,
      orphanAfterMs: 60_000,
      now: () => now,
    });
    other.save({ batches: [], items: [item(9)] });
    const mine = createOutbox<string>(storage, {
      tabId: 't1',
      maxChars: 10_000,
      orphanAfterMs: 60_000,
      now: () => now,
    });
    now = 30_000;
    expect(mine.take().items).toEqual([]);
    now = 61_000;
    expect(firstBytes(mine.take().items)).toEqual([9]);
    expect(storage.map.size).toBe(0);
  });

  it('drops replay chunks before events past its size bound, and counts them', () => {
    const storage = memoryStorage();
    const outbox = createOutbox<string>(storage, { tabId: 't1', maxChars: 250, orphanAfterMs: 1 });
    outbox.save({
      batches: [],
      items: [item(1), item(2, true, 60), item(3), item(4, true, 60), item(5), item(6), item(7)],
    });
    const content = outbox.take();
    expect(content.lost.chunks).toBe(2);
    expect(content.items.every((i) => !i.chunk)).toBe(true);
    expect(firstBytes(content.items)).toEqual([1, 3, 5, 6, 7].slice(0, content.items.length));
  });

  it('ignores what it cannot parse', () => {
    const storage = memoryStorage();
    storage.setItem('gosight_outbox_t1', '{nope');
    expect(
      createOutbox<string>(storage, { tabId: 't1', maxChars: 100, orphanAfterMs: 1 }).take().items,
    ).toEqual([]);
    expect(storage.map.size).toBe(0);
  });
});
