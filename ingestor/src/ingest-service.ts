import { create, toBinary } from '@bufbuild/protobuf';
import { Code, ConnectError, type ServiceImpl } from '@connectrpc/connect';
import { sessionKey, type Topics } from '@gosight/common/topics';
import type { IngestService } from '@gosight/proto/v1/ingest_pb';
import { EventBatchRecordSchema, ReplayChunkRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import type { BatchPublisher, OutgoingMessage } from './batch-publisher.ts';
import type { KeyResolver } from './key-resolver.ts';
import { validateBatch } from './validate-batch.ts';

export interface IngestDeps {
  keys: KeyResolver;
  publisher: BatchPublisher;
  topics: Topics;
  now: () => number;
}

export function createIngestService(deps: IngestDeps): ServiceImpl<typeof IngestService> {
  return {
    async ingestBatch(request, context) {
      const violations = validateBatch(request);
      if (violations.length > 0) {
        const text = violations.map((v) => `${v.path}: ${v.reason}`).join('; ');
        throw new ConnectError(`invalid batch: ${text}`, Code.InvalidArgument);
      }
      const projectId = await deps.keys.resolve(request.projectKey);
      if (projectId === undefined)
        throw new ConnectError('unknown or revoked project key', Code.Unauthenticated);

      const receivedAtMs = BigInt(deps.now());
      const key = sessionKey(projectId, request.sessionId);
      const messages: OutgoingMessage[] = [];
      if (request.events.length > 0) {
        const record = create(EventBatchRecordSchema, {
          projectId,
          sessionId: request.sessionId,
          deviceId: request.deviceId,
          batchId: request.batchId,
          receivedAtMs,
          page: request.page,
          userAgent: context.requestHeader.get('user-agent') ?? '',
          events: request.events,
        });
        messages.push({
          topic: deps.topics.events,
          message: { key, value: Buffer.from(toBinary(EventBatchRecordSchema, record)) },
        });
      }
      for (const chunk of request.replayChunks) {
        const record = create(ReplayChunkRecordSchema, {
          projectId,
          sessionId: request.sessionId,
          deviceId: request.deviceId,
          receivedAtMs,
          url: request.page?.url ?? '',
          chunk,
        });
        messages.push({
          topic: deps.topics.replay,
          message: { key, value: Buffer.from(toBinary(ReplayChunkRecordSchema, record)) },
        });
      }
      try {
        await deps.publisher.publish(messages);
      } catch (error) {
        throw new ConnectError(
          'the event queue is unavailable; retry later',
          Code.Unavailable,
          undefined,
          undefined,
          error,
        );
      }
      return { acceptedEvents: request.events.length, acceptedReplayChunks: request.replayChunks.length };
    },
  };
}
