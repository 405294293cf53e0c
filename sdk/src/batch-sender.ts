import { type CallError, callUnary, type Fetch } from './connect-unary.ts';
import { encodeBatch, type PageContextInit } from './encode-batch.ts';
import { loadedExtras } from './extras-loader.ts';
import type { KeyValueStore } from './key-value-store.ts';
import type { Batch } from './queue-item.ts';

export const INGEST_PATH = '/gosight.v1.IngestService/IngestBatch';
// Smaller bodies gain little from gzip.
const GZIP_MIN_BYTES = 1024;
const NO_GZIP_KEY = 'gosight_no_gzip';

export interface BatchSenderOptions {
  endpoint: string;
  projectKey: string;
  deviceId: string;
  timeoutMs: number;
  compress: boolean;
  store: KeyValueStore;
  fetch?: Fetch;
  isOnline?: () => boolean;
}

export type BatchSender = (
  batch: Batch<PageContextInit>,
  keepalive: boolean,
) => Promise<CallError | undefined>;

// Sends one batch as IngestService.IngestBatch over Connect, gzipped when the
// browser can and it is mostly events (over 1 KiB of them). When a gzipped
// call fails at the network level while the browser is online (a proxy, or a
// browser whose CORS preflight checks Content-Encoding against an ingestor
// that does not allow it), the same batch goes again uncompressed, and if that
// works this browser stops compressing for that endpoint. Keepalive sends are
// never compressed: the page is going away and cannot wait for the stream.
// Compression comes with the extras (loaded at init, well before the first
// batch); until they are here, bodies go as they are.
export function createBatchSender(options: BatchSenderOptions): BatchSender {
  const url = options.endpoint + INGEST_PATH;
  const fetchFn: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const isOnline = options.isOnline ?? (() => true);
  let compress =
    options.compress &&
    typeof CompressionStream === 'function' &&
    options.store.get(NO_GZIP_KEY) !== options.endpoint;

  return async (batch, keepalive) => {
    const first = batch.items[0];
    const body = encodeBatch(
      {
        projectKey: options.projectKey,
        batchId: batch.batchId,
        sessionId: first?.sessionId ?? '',
        deviceId: options.deviceId,
        tabId: first?.tabId ?? '',
        page: batch.page,
        sentAtMs: Date.now(),
        droppedEvents: batch.droppedEvents,
      },
      batch.items.filter((item) => !item.chunk).map((item) => item.bytes),
      batch.items.filter((item) => item.chunk).map((item) => item.bytes),
    );
    const call = { url, body, gzip: false, keepalive, timeoutMs: options.timeoutMs };
    // Replay chunks come gzipped already; compressing them again costs CPU for nothing.
    const chunkBytes = batch.items.reduce((n, item) => (item.chunk ? n + item.bytes.byteLength : n), 0);
    const worth = body.byteLength - chunkBytes >= GZIP_MIN_BYTES && chunkBytes < body.byteLength / 2;
    const extras = loadedExtras();
    if (!compress || keepalive || !worth || !extras) return callUnary(fetchFn, call);
    const { error, refused } = await extras.callGzipped((c) => callUnary(fetchFn, c), call, isOnline);
    if (refused) {
      compress = false;
      options.store.set(NO_GZIP_KEY, options.endpoint);
    }
    return error;
  };
}
