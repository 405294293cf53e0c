import { ConnectError } from '@connectrpc/connect';
import type { IngestBatchRequest } from '@gosight/proto/v1/ingest_pb';
import { type BatchLimits, nextBatchSize } from './next-batch.ts';
import type { QueueItem } from './queue-item.ts';
import { isRetryable, retryDelayMs } from './retry-policy.ts';

export interface SendQueueOptions extends BatchLimits {
  // Builds a batch once; a retry sends the same request (batch id, event ids).
  buildRequest(sessionId: string, items: readonly QueueItem[]): IngestBatchRequest;
  send(request: IngestBatchRequest): Promise<void>;
  // Without the durable offline queue, memory is the bound: newer items are
  // dropped past it while the ingestor stays unreachable.
  maxQueuedItems: number;
  random?: () => number;
  onDrop?: (reason: string) => void;
}

export interface SendQueue {
  push(item: QueueItem): void;
  // Events waiting for a batch (not the one in flight).
  pendingEvents(): number;
  // Sends until the queue is empty; one loop at a time, batches in order.
  drain(): Promise<void>;
  // Cuts the current back-off short (the page is being hidden).
  hurry(): void;
  // After this, a failed send ends the loop instead of waiting to retry.
  stop(): void;
}

export function createSendQueue(options: SendQueueOptions): SendQueue {
  const random = options.random ?? Math.random;
  const items: QueueItem[] = [];
  let inFlight: IngestBatchRequest | undefined;
  let attempt = 0;
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

  const loop = async () => {
    for (;;) {
      if (!inFlight) {
        const size = nextBatchSize(items, options);
        const head = items[0];
        if (size === 0 || !head) return;
        inFlight = options.buildRequest(head.sessionId, items.splice(0, size));
        attempt = 0;
      }
      try {
        await options.send(inFlight);
        inFlight = undefined;
      } catch (error) {
        const connectError = ConnectError.from(error);
        if (!isRetryable(connectError.code)) {
          inFlight = undefined;
          options.onDrop?.(connectError.message);
          continue;
        }
        if (stopped) return;
        await sleep(retryDelayMs(attempt++, random()));
      }
    }
  };

  return {
    push(item) {
      if (items.length >= options.maxQueuedItems) {
        options.onDrop?.('queue full');
        return;
      }
      items.push(item);
    },
    pendingEvents: () => items.reduce((n, item) => (item.event ? n + 1 : n), 0),
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
  };
}
