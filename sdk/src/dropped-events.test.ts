import { fromBinary } from '@bufbuild/protobuf';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { describe, expect, it } from 'vitest';
import type { Fetch } from './connect-unary.ts';
import { createDelivery } from './delivery.ts';
import { encodeEvent, encodeReplayChunk } from './encode-batch.ts';
import { createMemoryStore } from './key-value-store.ts';
import type { QueueItem } from './queue-item.ts';

// A window as far as delivery uses it: online, with online listeners.
const win = {
  navigator: { onLine: true },
  addEventListener() {},
  removeEventListener() {},
} as unknown as Window;

let seq = 0;
const event = (): QueueItem => ({
  sessionId: 's1',
  tabId: 't1',
  chunk: false,
  bytes: encodeEvent({ eventId: `e${++seq}`, timestampMs: 1n, sequence: seq, url: 'https://a/' }),
});
const chunk = (): QueueItem => ({
  sessionId: 's1',
  tabId: 't1',
  chunk: true,
  bytes: encodeReplayChunk({ sequence: ++seq, eventCount: 1 }),
});

describe('IngestBatchRequest.dropped_events', () => {
  it('reports events dropped for a full queue in the next batch, once, and leaves chunks out', async () => {
    const sent: Uint8Array[] = [];
    const fetch: Fetch = async (_url, init) => {
      sent.push(init.body as Uint8Array);
      return new Response(new Uint8Array(), { status: 200 });
    };
    let ids = 0;
    const delivery = createDelivery({
      endpoint: 'https://gs.example',
      projectKey: 'gs_key',
      deviceId: 'd1',
      tabId: 't1',
      compress: false,
      maxBatchEvents: 50,
      maxBatchBytes: 512 * 1024,
      maxQueuedItems: 3,
      maxQueuedBytes: 1024 * 1024,
      newId: () => `b${++ids}`,
      pageContext: () => ({ url: 'https://a/' }),
      store: createMemoryStore(),
      outboxStorage: undefined,
      fetch,
      win,
    });
    for (const item of [event(), event(), chunk(), event(), event(), chunk()]) delivery.push(item);
    delivery.flush();
    await new Promise((resolve) => setTimeout(resolve, 10));
    delivery.push(event());
    await delivery.stop(true);

    const batches = sent.map((body) => fromBinary(IngestBatchRequestSchema, body));
    expect(batches.map((b) => [b.batchId, b.events.length, b.replayChunks.length, b.droppedEvents])).toEqual([
      ['b1', 2, 1, 2],
      ['b2', 1, 0, 0],
    ]);
    expect(batches.some((b) => b.events.some((e) => e.kind.case === 'custom'))).toBe(false);
  });
});
