import type { ReplayChunkInit } from './encode-batch.ts';
import { gzip } from './gzip.ts';
import { type RawChunk, summarizeChunk } from './replay-chunk.ts';

// ReplayEncoding values (events.proto) as numbers, keeping the generated
// module out of the page.
const JSON_ENCODING = 1;
const GZIP_JSON_ENCODING = 2;

// A ReplayChunk to encode: the rrweb events as JSON, gzipped with
// CompressionStream when `compress` (false while the page unloads: the
// stream would finish too late to be sent) and the browser has it. Part of
// the recorder's chunk: pages that do not record never load it.
export async function chunkInit(raw: RawChunk, compress: boolean): Promise<ReplayChunkInit> {
  const json = new TextEncoder().encode(JSON.stringify(raw.events));
  if (compress && typeof CompressionStream === 'function') {
    try {
      return withSummary(raw, await gzip(json), GZIP_JSON_ENCODING);
    } catch {}
  }
  return withSummary(raw, json, JSON_ENCODING);
}

export function chunkInitSync(raw: RawChunk): ReplayChunkInit {
  return withSummary(raw, new TextEncoder().encode(JSON.stringify(raw.events)), JSON_ENCODING);
}

function withSummary(raw: RawChunk, data: Uint8Array, encoding: number): ReplayChunkInit {
  const summary = summarizeChunk(raw.events);
  return {
    sequence: raw.sequence,
    firstTimestampMs: BigInt(summary.firstTimestampMs),
    lastTimestampMs: BigInt(summary.lastTimestampMs),
    eventCount: summary.eventCount,
    hasFullSnapshot: summary.hasFullSnapshot,
    encoding: encoding as ReplayChunkInit['encoding'],
    data,
  };
}
