import type { ReplayEncoding } from '@gosight/proto/v1/events_pb';
import { encodeReplayChunk } from './encode-batch.ts';
import { gzip } from './gzip.ts';
import { type RawChunk, summarizeChunk } from './replay-chunk.ts';

// ReplayEncoding values (events.proto) as numbers, keeping the generated
// module out of the page.
const JSON_ENCODING = 1 as ReplayEncoding;
const GZIP_JSON_ENCODING = 2 as ReplayEncoding;

// An encoded ReplayChunk: the rrweb events as JSON, gzipped with
// CompressionStream when `compress` (false while the page unloads: the
// stream would finish too late to be sent) and the browser has it.
export async function encodeChunk(raw: RawChunk, compress: boolean): Promise<Uint8Array> {
  const json = new TextEncoder().encode(JSON.stringify(raw.events));
  if (compress && typeof CompressionStream === 'function') {
    try {
      return chunkBytes(raw, await gzip(json), GZIP_JSON_ENCODING);
    } catch {}
  }
  return chunkBytes(raw, json, JSON_ENCODING);
}

export function encodeChunkSync(raw: RawChunk): Uint8Array {
  return chunkBytes(raw, new TextEncoder().encode(JSON.stringify(raw.events)), JSON_ENCODING);
}

function chunkBytes(raw: RawChunk, data: Uint8Array, encoding: ReplayEncoding): Uint8Array {
  const summary = summarizeChunk(raw.events);
  return encodeReplayChunk({
    sequence: raw.sequence,
    firstTimestampMs: BigInt(summary.firstTimestampMs),
    lastTimestampMs: BigInt(summary.lastTimestampMs),
    eventCount: summary.eventCount,
    hasFullSnapshot: summary.hasFullSnapshot,
    encoding,
    data,
  });
}
