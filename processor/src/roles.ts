import { startBatchConsumer } from './batch-consumer.ts';
import { createTableWriter, createTaggedWriter } from './clickhouse-writer.ts';
import { decodeEventBatch, type EventsTopicRow } from './events-topic.ts';
import { decodeReplayChunk, type ReplayChunkRow } from './replay-topic.ts';
import { startRetentionJob } from './retention/retention-role.ts';
import type { RoleContext, RunningRole } from './role.ts';
import { startSessionsRole } from './sessions/start-sessions-role.ts';

export { startSessionsRole };

export function startEventsRole(context: RoleContext): Promise<RunningRole> {
  return startBatchConsumer<EventsTopicRow>({
    ...context.consumerDefaults,
    groupId: `${context.infra.topicPrefix}.events-writer`,
    topic: context.topics.events,
    decode: decodeEventBatch,
    write: createTaggedWriter(context.clickhouseTarget),
  });
}

export function startReplayRole(context: RoleContext): Promise<RunningRole> {
  return startBatchConsumer<ReplayChunkRow>({
    ...context.consumerDefaults,
    groupId: `${context.infra.topicPrefix}.replay-writer`,
    topic: context.topics.replay,
    decode: decodeReplayChunk,
    write: createTableWriter(context.clickhouseTarget, 'replay_chunks'),
  });
}

export async function startRetentionRole(context: RoleContext): Promise<RunningRole> {
  const job = startRetentionJob(
    context.clickhouse,
    context.projects(),
    context.config.retentionIntervalMs ?? 3_600_000,
    context.log,
  );
  return { ready: () => true, stop: () => job.stop() };
}
