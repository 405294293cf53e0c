import { type Client, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-web';
import { IngestService } from '@gosight/proto/v1/ingest_pb';

// Browsers refuse keepalive bodies past 64 KiB (shared by all in-flight ones).
const KEEPALIVE_MAX_BYTES = 60_000;

export type IngestClient = Client<typeof IngestService>;

// `unloading` asks for keepalive fetches, which outlive the page, when the
// body is small enough for the browser to accept them.
export function createIngestClient(endpoint: string, unloading: () => boolean): IngestClient {
  const transport = createConnectTransport({
    baseUrl: endpoint,
    useBinaryFormat: true,
    fetch: (input, init) => {
      const body = init?.body;
      const small = body instanceof Uint8Array && body.byteLength <= KEEPALIVE_MAX_BYTES;
      return globalThis.fetch(input, unloading() && small ? { ...init, keepalive: true } : init);
    },
  });
  return createClient(IngestService, transport);
}
