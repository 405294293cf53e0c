import { fromBase64, toBase64 } from './base64.ts';
import type { Batch, QueueItem } from './queue-item.ts';

// The part of the Storage API the offline queue uses (localStorage).
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface OutboxContent<Page> {
  batches: Batch<Page>[];
  items: QueueItem[];
  // Items that did not fit when it was saved: lost, to be reported.
  lost: { events: number; chunks: number };
}

export interface Outbox<Page> {
  // Replaces this tab's saved queue (an empty one removes it).
  save(content: { batches: Batch<Page>[]; items: QueueItem[] }): void;
  // Takes this tab's saved queue, and those of tabs gone for orphanAfterMs,
  // out of storage.
  take(): OutboxContent<Page>;
}

export interface OutboxOptions {
  tabId: string;
  // Bound on one tab's saved queue, in characters of JSON.
  maxChars: number;
  // Another tab's queue unsaved for this long belongs to a closed tab.
  orphanAfterMs: number;
  now?: () => number;
}

const PREFIX = 'gosight_outbox_';

type SavedItem = [sessionId: string, tabId: string, chunk: 0 | 1, base64: string];
interface Saved<Page> {
  savedAt: number;
  batches: { id: string; page: Page; items: SavedItem[]; dropped?: number }[];
  items: SavedItem[];
  lost: { events: number; chunks: number };
}

// The offline queue: what is not yet acknowledged, in localStorage, one key
// per tab, so events outlive a reload or a closed tab while the network is
// down. Over maxChars, replay chunks go first (newest first), then events.
export function createOutbox<Page>(storage: OutboxStorage, options: OutboxOptions): Outbox<Page> {
  const now = options.now ?? Date.now;
  const key = PREFIX + options.tabId;

  return {
    save({ batches, items }) {
      try {
        if (batches.length === 0 && items.length === 0) {
          storage.removeItem(key);
          return;
        }
        const saved: Saved<Page> = {
          savedAt: now(),
          batches: batches.map((b) => ({
            id: b.batchId,
            page: b.page,
            items: b.items.map(toSaved),
            dropped: b.droppedEvents,
          })),
          items: items.map(toSaved),
          lost: { events: 0, chunks: 0 },
        };
        let json = JSON.stringify(saved);
        for (const chunks of [true, false]) {
          while (json.length > options.maxChars && dropLast(saved, chunks)) json = JSON.stringify(saved);
        }
        storage.setItem(key, json);
      } catch {
        // Storage full or unavailable: the queue still lives in memory.
      }
    },
    take() {
      const content: OutboxContent<Page> = { batches: [], items: [], lost: { events: 0, chunks: 0 } };
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k?.startsWith(PREFIX)) keys.push(k);
      }
      for (const k of keys) {
        const saved = parse<Page>(storage.getItem(k));
        if (k !== key && saved && now() - saved.savedAt < options.orphanAfterMs) continue;
        storage.removeItem(k);
        if (!saved) continue;
        for (const b of saved.batches) {
          content.batches.push({
            batchId: b.id,
            page: b.page,
            items: b.items.map(fromSaved),
            droppedEvents: b.dropped ?? 0,
          });
        }
        content.items.push(...saved.items.map(fromSaved));
        content.lost.events += saved.lost.events;
        content.lost.chunks += saved.lost.chunks;
      }
      return content;
    },
  };
}

function toSaved(item: QueueItem): SavedItem {
  return [item.sessionId, item.tabId, item.chunk ? 1 : 0, toBase64(item.bytes)];
}

function fromSaved([sessionId, tabId, chunk, base64]: SavedItem): QueueItem {
  return { sessionId, tabId, chunk: chunk === 1, bytes: fromBase64(base64) };
}

// Removes the newest saved item of one kind; false when there is none.
function dropLast<Page>(saved: Saved<Page>, chunks: boolean): boolean {
  const lists = [...saved.batches.map((b) => b.items), saved.items];
  for (let l = lists.length - 1; l >= 0; l--) {
    const list = lists[l]!;
    for (let i = list.length - 1; i >= 0; i--) {
      if ((list[i]![2] === 1) !== chunks) continue;
      list.splice(i, 1);
      if (chunks) saved.lost.chunks++;
      else saved.lost.events++;
      saved.batches = saved.batches.filter((b) => b.items.length > 0);
      return true;
    }
  }
  return false;
}

function parse<Page>(raw: string | null): Saved<Page> | undefined {
  if (!raw) return undefined;
  try {
    const saved = JSON.parse(raw) as Saved<Page>;
    return typeof saved?.savedAt === 'number' && Array.isArray(saved.batches) && Array.isArray(saved.items)
      ? saved
      : undefined;
  } catch {
    return undefined;
  }
}
