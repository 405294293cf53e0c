import { create } from '@bufbuild/protobuf';
import { ClickSchema, type Event, EventSchema, PageViewSchema } from '@gosight/proto/v1/events_pb';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { captureClicks } from './click-capture.ts';
import { loadDeviceId } from './device-id.ts';
import { encodeChunk, encodeChunkSync } from './encode-chunk.ts';
import { createIngestClient } from './ingest-client.ts';
import { createBrowserStore } from './key-value-store.ts';
import type { ResolvedOptions } from './options.ts';
import { pageContext } from './page-context.ts';
import { capturePageViews } from './page-view-capture.ts';
import { type ReplayRecorder, startReplayRecorder } from './replay-recorder.ts';
import { createSendQueue } from './send-queue.ts';
import { createSessionTracker } from './session-tracker.ts';
import { createUuidV7 } from './uuidv7.ts';

const MAX_CHUNK_BYTES_PER_BATCH = 512 * 1024;
const MAX_QUEUED_ITEMS = 5000;
const SEND_TIMEOUT_MS = 15_000;

export interface Tracker {
  stop(): Promise<void>;
}

// Wires capture, replay and delivery together for one page.
export function startTracker(options: ResolvedOptions): Tracker {
  const newId = createUuidV7();
  const store = createBrowserStore();
  const deviceId = loadDeviceId(store, newId);
  const session = createSessionTracker(store, newId);
  let unloading = false;
  const client = createIngestClient(options.endpoint, () => unloading);

  const queue = createSendQueue({
    maxEvents: options.maxBatchEvents,
    maxChunkBytes: MAX_CHUNK_BYTES_PER_BATCH,
    maxQueuedItems: MAX_QUEUED_ITEMS,
    buildRequest: (sessionId, items) =>
      create(IngestBatchRequestSchema, {
        projectKey: options.projectKey,
        batchId: newId(),
        sessionId,
        deviceId,
        page: pageContext(window),
        events: items.flatMap((item) => (item.event ? [item.event] : [])),
        replayChunks: items.flatMap((item) => (item.chunk ? [item.chunk] : [])),
      }),
    send: async (request) => {
      request.sentAtMs = BigInt(Date.now());
      await client.ingestBatch(request, { timeoutMs: SEND_TIMEOUT_MS });
    },
  });

  let recorder: ReplayRecorder | undefined;
  const track = (kind: Event['kind']) => {
    const now = Date.now();
    const { sessionId, sequence } = session.nextEventSequence(now);
    queue.push({
      sessionId,
      event: create(EventSchema, { eventId: newId(), timestampMs: BigInt(now), sequence, kind }),
    });
    if (queue.pendingEvents() >= options.maxBatchEvents) void flush();
  };

  // Gzip is asynchronous; chaining keeps chunks in recording order in the queue.
  let encoding = Promise.resolve();
  const flush = (): Promise<void> => {
    const chunks = recorder?.cut() ?? [];
    encoding = encoding.then(async () => {
      for (const raw of chunks) queue.push({ sessionId: raw.sessionId, chunk: await encodeChunk(raw, true) });
    });
    return encoding.then(() => void queue.drain());
  };

  // Best effort while the page goes away: no awaits before the request starts.
  const flushNow = () => {
    for (const raw of recorder?.cut() ?? [])
      queue.push({ sessionId: raw.sessionId, chunk: encodeChunkSync(raw) });
    queue.hurry();
    void queue.drain();
  };
  const onVisibility = () => {
    unloading = document.visibilityState === 'hidden';
    if (unloading) flushNow();
  };
  const onPageHide = () => {
    unloading = true;
    flushNow();
  };
  const onPageShow = () => {
    unloading = false;
  };
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  const timer = setInterval(() => void flush(), options.flushIntervalMs);

  // The first page view starts (or continues) the session before the recorder
  // subscribes, so the recorder's own initial snapshot opens its replay.
  const stopPageViews = capturePageViews(window, (view) =>
    track({ case: 'pageView', value: create(PageViewSchema, view) }),
  );
  const stopClicks = captureClicks(document, (click) =>
    track({ case: 'click', value: create(ClickSchema, click) }),
  );
  recorder = options.replay ? startReplayRecorder(session) : undefined;

  return {
    async stop() {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      stopPageViews();
      stopClicks();
      recorder?.stop();
      await flush();
      queue.stop();
      await queue.drain();
    },
  };
}
