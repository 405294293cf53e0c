import { gzipSync } from 'node:zlib';
import { toBinary, toJsonString } from '@bufbuild/protobuf';
import { IngestBatchRequestSchema } from '@gosight/proto/v1/ingest_pb';
import { benchBatch } from './batches.ts';

export interface PayloadSizes {
  protobuf: number;
  protobufGzip: number;
  json: number;
  jsonGzip: number;
}

// Bytes on the wire of one batch as Protobuf (what the SDK sends) and as
// Connect's JSON encoding of the same message, raw and gzipped.
export function payloadSizes(size: number): PayloadSizes {
  let n = 0;
  const id = (kind: string) =>
    `0193${(n++).toString(16).padStart(4, '0')}-7a1b-7c2d-8e3f-${kind === 'batch' ? 'b' : 'e'}1a2b3c4d5e6f`;
  const batch = benchBatch('gs_live_0123456789abcdef', '0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b', size, id);
  const protobuf = toBinary(IngestBatchRequestSchema, batch);
  const json = Buffer.from(toJsonString(IngestBatchRequestSchema, batch));
  return {
    protobuf: protobuf.length,
    protobufGzip: gzipSync(protobuf).length,
    json: json.length,
    jsonGzip: gzipSync(json).length,
  };
}
