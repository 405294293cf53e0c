import { startBatchConsumer } from '../batch-consumer.ts';
import type { InsightRow } from '../insights-topic.ts';
import { combineRoles, type RoleContext, type RunningRole } from '../role.ts';
import {
  createSessionsWriter,
  type DirtySession,
  decodeDirtyFromEvents,
  decodeDirtyFromReplay,
  decodeInsight,
} from './sessions-role.ts';

// The sessions role: three consumer groups (events, insights, replay) that
// each mark session ids dirty and recompute them from ClickHouse before
// committing. The insights consumer also stores the insights table.
export async function startSessionsRole(context: RoleContext): Promise<RunningRole> {
  const writer = createSessionsWriter(context.clickhouse, context.clickhouseTarget, context.projects());
  const prefix = context.infra.topicPrefix;
  const parts = await Promise.all([
    startBatchConsumer<DirtySession>({
      ...context.consumerDefaults,
      groupId: `${prefix}.sessions-events`,
      topic: context.topics.events,
      decode: decodeDirtyFromEvents,
      write: writer.recompute,
    }),
    startBatchConsumer<InsightRow>({
      ...context.consumerDefaults,
      groupId: `${prefix}.sessions-insights`,
      topic: context.topics.insights,
      decode: decodeInsight,
      write: writer.writeInsights,
    }),
    startBatchConsumer<DirtySession>({
      ...context.consumerDefaults,
      groupId: `${prefix}.sessions-replay`,
      topic: context.topics.replay,
      decode: decodeDirtyFromReplay,
      write: writer.recompute,
    }),
  ]);
  return combineRoles(parts);
}
