import type { CallError } from './connect-unary.ts';
import { loadedExtras } from './extras-loader.ts';
import { type BatchLimits, nextBatchSize } from './next-batch.ts';
import type { Batch, QueueItem } from './queue-item.ts';
import { RETRY_MAX_MS, type RetryDecision } from './retry-policy.ts';

export interface SendQueueOptions<Page> extends BatchLimits {
  // Cuts a batch: gives it its id and page, once; retries reuse it.
  newBatch(items: QueueItem[]): Batch<Page>;
  send(batch: Batch<Page>, keepalive: boolean): Promise<CallError | undefined>;
  // Bounds on what waits in memory; past them new items are dropped.
  maxQueuedItems: number;
  maxQueuedBytes: number;
  random?: () => number;
  isOnline?: () => boolean;
  onDrop?: (items: readonly QueueItem[], reason: string) => void;
  // After each send attempt, when what is unacknowledged changed or failed.
  onSettled?: () => void;
}

export interface SendQueue<Page> {
  push(item: QueueItem): void;
  // Puts batches and items (from the offline queue, or a failed last send)
  // in front of everything queued.
  restore(batches: readonly Batch<Page>[], items: readonly QueueItem[]): void;
  // Events waiting for a batch (not the one in flight).
  pendingEvents(): number;
  // Sends until the queue is empty; one loop at a time, batches in order.
  drain(): Promise<void>;
  // Cuts the current wait short (back online, the page is being hidden).
  hurry(): void;
  // After this, a failed send ends the loop instead of waiting to retry.
  stop(): void;
  // Whether the last send attempt succeeded (and the browser is online).
  healthy(): boolean;
  // Takes waiting batches, up to maxBytes of events and chunks in all, for a
  // keepalive send as the page goes away; the one in flight stays.
  takeForUnload(maxBytes: number): Batch<Page>[];
  // Everything not yet acknowledged, in order, for the offline queue.
  snapshot(): { batches: Batch<Page>[]; items: QueueItem[] };
}

export const QUEUE_FULL = 'queue full';

export function createSendQueue<Page>(options: SendQueueOptions<Page>): SendQueue<Page> {
  const random = options.random ?? Math.random;
  const isOnline = options.isOnline ?? (() => true);
  let items: QueueItem[] = [];
  let queuedBytes = 0;
  let ready: Batch<Page>[] = [];
  let inFlight: Batch<Page> | undefined;
  let attempt = 0;
  let lastOk = true;
  let running: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let stopped = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const cut = (size = nextBatchSize(items, options)): Batch<Page> | undefined => {
    if (size === 0) return undefined;
    const taken = items.splice(0, size);
    for (const item of taken) queuedBytes -= item.bytes.byteLength;
    return options.newBatch(taken);
  };

  const loop = async () => {
    for (;;) {
      if (!inFlight) {
        inFlight = ready.shift() ?? cut();
        attempt = 0;
        if (!inFlight) return;
      }
      if (!isOnline()) {
        lastOk = false;
        if (stopped) return;
        // The `online` event hurries this along.
        await sleep(RETRY_MAX_MS);
        continue;
      }
      const batch = inFlight;
      const error = await options.send(batch, false);
      if (!error) {
        lastOk = true;
        inFlight = undefined;
        options.onSettled?.();
        continue;
      }
      lastOk = false;
      // The retry policy comes with the extras (loaded at init); should they
      // be missing, every failure is tried again after the longest back-off.
      const decide =
        loadedExtras()?.retryDecision ?? ((): RetryDecision => ({ retry: true, delayMs: RETRY_MAX_MS }));
      const decision = decide(error, attempt++, random());
      if (!decision.retry) {
        inFlight = undefined;
        options.onDrop?.(batch.items, `[${error.code}] ${error.message}`);
        options.onSettled?.();
        continue;
      }
      options.onSettled?.();
      if (stopped) return;
      await sleep(decision.delayMs);
    }
  };

  return {
    push(item) {
      if (
        items.length >= options.maxQueuedItems ||
        queuedBytes + item.bytes.byteLength > options.maxQueuedBytes
      ) {
        options.onDrop?.([item], QUEUE_FULL);
        return;
      }
      items.push(item);
      queuedBytes += item.bytes.byteLength;
    },
    restore(batches, restored) {
      ready = [...batches, ...ready];
      items = [...restored, ...items];
      for (const item of restored) queuedBytes += item.bytes.byteLength;
    },
    pendingEvents: () => items.reduce((n, item) => (item.chunk ? n : n + 1), 0),
    drain() {
      running ??= loop().finally(() => {
        running = undefined;
      });
      return running;
    },
    hurry: () => wake?.(),
    stop() {
      stopped = true;
      wake?.();
    },
    healthy: () => lastOk && isOnline(),
    takeForUnload(maxBytes) {
      const taken: Batch<Page>[] = [];
      let budget = maxBytes;
      const size = (batch: Batch<Page>) => batch.items.reduce((n, item) => n + item.bytes.byteLength, 0);
      while (ready[0] && size(ready[0]) <= budget) {
        budget -= size(ready[0]);
        taken.push(ready.shift()!);
      }
      while (ready.length === 0 && items.length > 0) {
        const count = nextBatchSize(items, { ...options, maxBytes: budget });
        const bytes = items.slice(0, count).reduce((n, item) => n + item.bytes.byteLength, 0);
        if (count === 0 || bytes > budget) break;
        budget -= bytes;
        taken.push(cut(count)!);
      }
      return taken;
    },
    snapshot: () => ({ batches: [...(inFlight ? [inFlight] : []), ...ready], items: [...items] }),
  };
}
