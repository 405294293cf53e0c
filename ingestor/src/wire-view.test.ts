import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { describe, expect, it } from 'vitest';
import { sampleBatch } from './test-harness.ts';
import { IngestBatchRequestViewSchema, IngestServiceView } from './wire-view.ts';

describe('the IngestBatchRequest wire view', () => {
  it('reads a request with each event as its bytes and writes it back identically', () => {
    const request = sampleBatch('key');
    const bytes = toBinary(IngestBatchRequestSchema, request);
    const view = fromBinary(IngestBatchRequestViewSchema, bytes);
    expect(view.sessionId).toBe(request.sessionId);
    expect(view.replayChunks).toHaveLength(1);
    expect(view.events.map((event) => event instanceof Uint8Array)).toEqual([true, true]);
    expect(Buffer.from(toBinary(IngestBatchRequestViewSchema, view)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('serves the same RPC path', () => {
    expect(IngestServiceView.typeName).toBe('gosight.v1.IngestService');
    expect(IngestServiceView.method.ingestBatch.name).toBe('IngestBatch');
  });
});
