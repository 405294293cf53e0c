import { gzipSync } from 'node:zlib';
import { create, toBinary } from '@bufbuild/protobuf';
import { ReplayEncoding } from '@gosight/proto/v1/events_pb';
import { ReplayChunkRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeReplayChunk, MAX_REPLAY_CHUNK_JSON_BYTES } from './replay-topic.ts';

const message = (data: Uint8Array, encoding: ReplayEncoding) =>
  ({
    value: Buffer.from(
      toBinary(
        ReplayChunkRecordSchema,
        create(ReplayChunkRecordSchema, {
          projectId: 'p1',
          sessionId: 's1',
          receivedAtMs: 1_700_000_000_000n,
          chunk: { sequence: 0, eventCount: 1, encoding, data },
        }),
      ),
    ),
  }) as KafkaMessage;

describe('decodeReplayChunk', () => {
  it('decodes a gzip-compressed chunk of rrweb events', () => {
    const decoded = decodeReplayChunk(message(gzipSync('[{"type":4,"data":{}}]'), ReplayEncoding.GZIP_JSON));
    expect(decoded.ok && decoded.rows[0]?.events_json).toBe('[{"type":4,"data":{}}]');
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{oops'), ReplayEncoding.JSON, /JSON/],
    ['not an array', new TextEncoder().encode('{"type":4}'), ReplayEncoding.JSON, /not a JSON array/],
    ['invalid UTF-8', Uint8Array.of(0x5b, 0xff, 0x5d), ReplayEncoding.JSON, /encoded data was not valid/],
    ['not gzip', new TextEncoder().encode('[]'), ReplayEncoding.GZIP_JSON, /incorrect header check/],
  ])('dead-letters a chunk that is %s', (_name, data, encoding, reason) => {
    const decoded = decodeReplayChunk(message(data, encoding));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(reason);
  });

  it('dead-letters a gzip bomb instead of expanding it', () => {
    // A few hundred kilobytes that would expand past the limit.
    const bomb = gzipSync(Buffer.alloc(MAX_REPLAY_CHUNK_JSON_BYTES + 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(MAX_REPLAY_CHUNK_JSON_BYTES / 100);
    const decoded = decodeReplayChunk(message(bomb, ReplayEncoding.GZIP_JSON));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toMatch(
      /Cannot create a Buffer larger than|maxOutputLength|buffer/i,
    );
  });
});
