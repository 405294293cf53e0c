import { createBatchSender } from './batch-sender.ts';
import type { Fetch } from './connect-unary.ts';
import type { PageContextInit } from './encode-batch.ts';
import { loadExtras } from './extras-loader.ts';
import type { KeyValueStore } from './key-value-store.ts';
import type { Outbox, OutboxStorage } from './outbox.ts';
import type { QueueItem } from './queue-item.ts';
import { createSendQueue, QUEUE_FULL } from './send-queue.ts';

// Browsers refuse keepalive bodies past 64 KiB, counted over all keepalive
// requests in flight; the batch envelopes take the rest of this margin.
const KEEPALIVE_BUDGET_BYTES = 60_000;
const SEND_TIMEOUT_MS = 15_000;
const OUTBOX_MAX_CHARS = 1_500_000;
const OUTBOX_ORPHAN_MS = 2 * 60_000;

export interface DeliveryOptions {
  endpoint: string;
  projectKey: string;
  deviceId: string;
  tabId: string;
  compress: boolean;
  maxBatchEvents: number;
  maxBatchBytes: number;
  maxQueuedItems: number;
  maxQueuedBytes: number;
  newId: () => string;
  pageContext: () => PageContextInit;
  store: KeyValueStore;
  // localStorage, for the offline queue; without it the queue is memory only.
  outboxStorage: OutboxStorage | undefined;
  fetch?: Fetch;
  win: Window;
}

export interface Delivery {
  push(item: QueueItem): void;
  pendingEvents(): number;
  // Sends what is queued, in the background.
  flush(): void;
  // The page is being hidden or unloaded: send what fits in keepalive requests
  // if the ingestor is reachable, and save the rest in the offline queue.
  flushForUnload(): void;
  // Sends what is queued (one attempt per batch) and stops; or, with
  // send false (the visitor opted out), forgets it, offline queue included.
  stop(send: boolean): Promise<void>;
}

// Batching, retries, the offline queue and the last flush: everything between
// an encoded event and the ingestor.
export function createDelivery(options: DeliveryOptions): Delivery {
  const { win } = options;
  const isOnline = () => win.navigator.onLine !== false;
  // Events dropped for a full queue, not yet reported in a batch.
  let droppedEvents = 0;
  const countDrops = (items: readonly QueueItem[], reason: string) => {
    if (reason === QUEUE_FULL) droppedEvents += items.filter((item) => !item.chunk).length;
  };
  const send = createBatchSender({
    endpoint: options.endpoint,
    projectKey: options.projectKey,
    deviceId: options.deviceId,
    timeoutMs: SEND_TIMEOUT_MS,
    compress: options.compress,
    store: options.store,
    fetch: options.fetch,
    isOnline,
  });
  // The offline queue comes with the extras, a moment after init.
  let outbox: Outbox<PageContextInit> | undefined;
  // Whether the offline queue holds something that may since have been sent.
  let outboxDirty = false;
  let discarded = false;
  const saveOutbox = () => {
    if (!outbox) return;
    const snapshot = queue.snapshot();
    outbox.save(snapshot);
    outboxDirty = snapshot.batches.length > 0 || snapshot.items.length > 0;
  };

  const queue = createSendQueue<PageContextInit>({
    maxEvents: options.maxBatchEvents,
    maxChunks: 50,
    maxBytes: options.maxBatchBytes,
    maxQueuedItems: options.maxQueuedItems,
    maxQueuedBytes: options.maxQueuedBytes,
    isOnline,
    newBatch(items) {
      const batch = { batchId: options.newId(), page: options.pageContext(), items, droppedEvents };
      droppedEvents = 0;
      return batch;
    },
    send,
    onDrop: countDrops,
    onSettled() {
      if (!discarded && (outboxDirty || !queue.healthy())) saveOutbox();
    },
  });

  const storage = options.outboxStorage;
  if (storage) {
    loadExtras()
      .then((extras) => {
        if (discarded) return;
        outbox = extras.createOutbox<PageContextInit>(storage, {
          tabId: options.tabId,
          maxChars: OUTBOX_MAX_CHARS,
          orphanAfterMs: OUTBOX_ORPHAN_MS,
        });
        const saved = outbox.take();
        droppedEvents += saved.lost.events;
        queue.restore(saved.batches, saved.items);
        // Until these are acknowledged, a reload must find them again.
        if (saved.batches.length > 0 || saved.items.length > 0 || !queue.healthy()) saveOutbox();
        void queue.drain();
      })
      .catch(() => {});
  }

  const onOnline = () => {
    queue.hurry();
    void queue.drain();
  };
  win.addEventListener('online', onOnline);

  return {
    push: (item) => queue.push(item),
    pendingEvents: () => queue.pendingEvents(),
    flush: () => void queue.drain(),
    flushForUnload() {
      if (queue.healthy()) {
        for (const batch of queue.takeForUnload(KEEPALIVE_BUDGET_BYTES)) {
          // If the page lives on (it was only hidden) and this failed, the
          // batch goes back to the front of the queue.
          void send(batch, true).then((error) => {
            if (error) {
              queue.restore([batch], []);
              void queue.drain();
            }
          });
        }
      }
      saveOutbox();
    },
    async stop(sendQueued) {
      win.removeEventListener('online', onOnline);
      queue.stop();
      if (!sendQueued) {
        discarded = true;
        outbox?.save({ batches: [], items: [] });
        outboxDirty = false;
        return;
      }
      await queue.drain();
      saveOutbox();
    },
  };
}
