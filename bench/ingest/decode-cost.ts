// CPU per request body of the ingestor's binary decoding and event checks,
// before a batch is published: the request read with the wire view, then
// each event either decoded with protobuf-es and validated (the path every
// event took until 2026-11-23, and still the one of events the wire check
// declines) or checked on its bytes (ingestor/src/event-wire-check.ts).
// Run: npx tsx bench/ingest/decode-cost.ts
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { EventSchema } from '@gosight/proto/v1/events_pb';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { incomingFromBytes } from '../../ingestor/src/incoming-events.ts';
import { validateEvent } from '../../ingestor/src/validate-event.ts';
import { IngestBatchRequestViewSchema } from '../../ingestor/src/wire-view.ts';
import { benchBatch } from './batches.ts';

export function decodeCostMicros(batchSize: number, iterations = 4000) {
  const body = toBinary(
    IngestBatchRequestSchema,
    benchBatch('key', 'session', batchSize, (kind, i) => `${kind}-${i}-0123456789abcdef`),
  );
  const measure = (decode: () => unknown) => {
    for (let i = 0; i < iterations / 4; i++) decode();
    const started = process.cpuUsage();
    for (let i = 0; i < iterations; i++) decode();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / iterations;
  };
  return {
    protobufEs: measure(() =>
      fromBinary(IngestBatchRequestViewSchema, body).events.map((bytes, i) =>
        validateEvent(fromBinary(EventSchema, bytes), i),
      ),
    ),
    wireCheck: measure(() => incomingFromBytes(fromBinary(IngestBatchRequestViewSchema, body).events)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cost = decodeCostMicros(50);
  console.log(
    `decode and check one request body of 50 events: ${cost.protobufEs.toFixed(0)} µs with protobuf-es per event, ${cost.wireCheck.toFixed(0)} µs checked on the wire`,
  );
}
