import { gzipSync } from 'node:zlib';
import { toBinary, toJsonString } from '@bufbuild/protobuf';
import { type IngestBatchRequest, IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { visitDemoShop } from '../../deploy/local/demo-visitor.ts';
import { startDemoServer } from '../../sdk/demo/server.ts';
import { launchChromium } from '../../sdk/test/chromium.ts';
import { startFakeIngestServer } from '../../sdk/test/fake-ingest-server.ts';
import type { PayloadSizes } from './payload-sizes.ts';

export interface RecordedPayloads {
  visits: number;
  batches: number;
  events: number;
  replayChunks: number;
  // Summed over every batch of the visits, each batch encoded on its own.
  total: PayloadSizes;
  // The same without the replay chunks (the analytics events alone).
  eventsOnly: PayloadSizes;
}

function sizes(message: IngestBatchRequest): PayloadSizes {
  const protobuf = toBinary(IngestBatchRequestSchema, message);
  const json = Buffer.from(toJsonString(IngestBatchRequestSchema, message));
  return {
    protobuf: protobuf.length,
    protobufGzip: gzipSync(protobuf).length,
    json: json.length,
    jsonGzip: gzipSync(json).length,
  };
}

const add = (a: PayloadSizes, b: PayloadSizes): PayloadSizes => ({
  protobuf: a.protobuf + b.protobuf,
  protobufGzip: a.protobufGzip + b.protobufGzip,
  json: a.json + b.json,
  jsonGzip: a.jsonGzip + b.jsonGzip,
});
const ZERO: PayloadSizes = { protobuf: 0, protobufGzip: 0, json: 0, jsonGzip: 0 };

// Recorded sessions, not a synthetic batch: Debian's Chromium walks the demo
// shop (desktop and phone) with the built SDK, replay on; the batches it sends
// are kept as received and each is measured as Protobuf (what the SDK sends)
// and as Connect JSON of the same message, raw and gzipped.
export async function recordedPayloads(visits: number): Promise<RecordedPayloads> {
  const ingest = await startFakeIngestServer();
  const shop = await startDemoServer({ port: 0, ingestUrl: ingest.url, projectKey: 'gs_payloads' });
  const browser = await launchChromium();
  try {
    for (let i = 0; i < visits; i++) {
      const viewport = i % 2 === 0 ? { width: 1280, height: 800 } : { width: 390, height: 844 };
      await visitDemoShop(browser, shop.url, { viewport });
    }
    // The last page's final batch leaves on page hide; give it a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  } finally {
    await browser.close();
    await shop.close();
    await ingest.close();
  }
  const accepted = ingest.batches.filter((batch) => batch.accepted).map((batch) => batch.request);
  return {
    visits,
    batches: accepted.length,
    events: accepted.reduce((n, batch) => n + batch.events.length, 0),
    replayChunks: accepted.reduce((n, batch) => n + batch.replayChunks.length, 0),
    total: accepted.map(sizes).reduce(add, ZERO),
    eventsOnly: accepted.map((batch) => sizes({ ...batch, replayChunks: [] })).reduce(add, ZERO),
  };
}
