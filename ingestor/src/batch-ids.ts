import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { type IngestBatchResponse, IngestBatchResponseSchema } from '@gosight/proto/v1/ingest_pb';
import type { Redis } from 'ioredis';

export interface BatchIds {
  // The answer given when this batch was first accepted, or undefined.
  seen(projectId: string, batchId: string): Promise<IngestBatchResponse | undefined>;
  // Called only after Kafka acknowledged the batch, so a failed publish is
  // retried by the client rather than answered as a duplicate.
  remember(projectId: string, batchId: string, response: IngestBatchResponse): Promise<void>;
}

// Accepted batch ids in Redis, with the first answer, for ttlSeconds.
export function createBatchIds(redis: Redis, ttlSeconds: number): BatchIds {
  const key = (projectId: string, batchId: string) => `gosight:batch:${projectId}:${batchId}`;
  return {
    async seen(projectId, batchId) {
      // Redis down: publish again; events are deduplicated downstream by event id.
      const stored = await redis.getBuffer(key(projectId, batchId)).catch(() => null);
      return stored === null ? undefined : fromBinary(IngestBatchResponseSchema, stored);
    },
    async remember(projectId, batchId, response) {
      await redis.set(
        key(projectId, batchId),
        Buffer.from(toBinary(IngestBatchResponseSchema, response)),
        'EX',
        ttlSeconds,
      );
    },
  };
}
