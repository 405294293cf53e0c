import { create } from '@bufbuild/protobuf';
import { type ReplayChunk, ReplayChunkSchema, ReplayEncoding } from '@gosight/proto/v1/events_pb';
import { type RawChunk, summarizeChunk } from './replay-chunk.ts';

// JSON, gzipped with CompressionStream where the browser has it. `compress`
// is false while the page unloads: the stream finishes too late to be sent.
export async function encodeChunk(raw: RawChunk, compress: boolean): Promise<ReplayChunk> {
  const json = new TextEncoder().encode(JSON.stringify(raw.events));
  let data: Uint8Array = json;
  let encoding = ReplayEncoding.JSON;
  if (compress && typeof CompressionStream === 'function') {
    try {
      data = await gzip(json);
      encoding = ReplayEncoding.GZIP_JSON;
    } catch {}
  }
  return chunkMessage(raw, data, encoding);
}

export function encodeChunkSync(raw: RawChunk): ReplayChunk {
  return chunkMessage(raw, new TextEncoder().encode(JSON.stringify(raw.events)), ReplayEncoding.JSON);
}

function chunkMessage(raw: RawChunk, data: Uint8Array, encoding: ReplayEncoding): ReplayChunk {
  const summary = summarizeChunk(raw.events);
  return create(ReplayChunkSchema, {
    sequence: raw.sequence,
    firstTimestampMs: BigInt(summary.firstTimestampMs),
    lastTimestampMs: BigInt(summary.lastTimestampMs),
    eventCount: summary.eventCount,
    hasFullSnapshot: summary.hasFullSnapshot,
    encoding,
    data,
  });
}

async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
