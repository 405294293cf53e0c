import { gunzipSync } from 'node:zlib';
import { fromBinary } from '@bufbuild/protobuf';
import { ReplayChunkSchema, ReplayEncoding } from '@gosight/proto/v1/events_pb';
import { describe, expect, it } from 'vitest';
import { encodeReplayChunk } from './encode-batch.ts';
import { chunkInit, chunkInitSync } from './encode-chunk.ts';
import type { RawChunk } from './replay-chunk.ts';

const encodeChunk = async (raw: RawChunk, compress: boolean) =>
  encodeReplayChunk(await chunkInit(raw, compress));
const encodeChunkSync = (raw: RawChunk) => encodeReplayChunk(chunkInitSync(raw));

const raw = {
  sessionId: 's1',
  sequence: 4,
  events: [
    { type: 4, timestamp: 1_000, data: { href: 'http://x/' } },
    { type: 2, timestamp: 1_001, data: { node: {} } },
    { type: 3, timestamp: 1_500, data: { source: 1 } },
  ],
};

describe('encodeChunk', () => {
  it('gzips the JSON array and fills the summary', async () => {
    const chunk = fromBinary(ReplayChunkSchema, await encodeChunk(raw, true));
    expect(chunk.encoding).toBe(ReplayEncoding.GZIP_JSON);
    expect(JSON.parse(gunzipSync(chunk.data).toString('utf8'))).toEqual(raw.events);
    expect(chunk).toMatchObject({
      sequence: 4,
      firstTimestampMs: 1_000n,
      lastTimestampMs: 1_500n,
      eventCount: 3,
      hasFullSnapshot: true,
    });
  });

  it('sends plain JSON when asked not to compress', async () => {
    for (const bytes of [await encodeChunk(raw, false), encodeChunkSync(raw)]) {
      const chunk = fromBinary(ReplayChunkSchema, bytes);
      expect(chunk.encoding).toBe(ReplayEncoding.JSON);
      expect(JSON.parse(new TextDecoder().decode(chunk.data))).toEqual(raw.events);
    }
  });
});
