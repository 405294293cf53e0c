import { createClickHouse } from '@gosight/common/clickhouse';
import { createKafka } from '@gosight/common/kafka';
import { topicsFor } from '@gosight/common/topics';
import { type RunningConsumer, startBatchConsumer } from './batch-consumer.ts';
import { createTableWriter } from './clickhouse-writer.ts';
import type { ProcessorConfig } from './config.ts';
import { decodeEventBatch, type EventRow } from './events-topic.ts';
import { decodeReplayChunk, type ReplayChunkRow } from './replay-topic.ts';

export interface RunningProcessor {
  stop(): Promise<void>;
}

export async function startProcessor(
  config: ProcessorConfig,
  log: (line: string) => void,
): Promise<RunningProcessor> {
  const { infra } = config;
  const kafka = createKafka(infra.kafkaBrokers, 'gosight-processor');
  const clickhouse = createClickHouse(infra.clickhouseUrl, infra.clickhouseDatabase);
  const topics = topicsFor(infra.topicPrefix);
  const common = { kafka, dlqTopic: topics.dlq, maxRows: config.flushRows, maxAgeMs: config.flushAgeMs, log };
  const consumers: RunningConsumer[] = [];
  for (const role of config.roles) {
    if (role === 'events') {
      consumers.push(
        await startBatchConsumer<EventRow>({
          ...common,
          groupId: `${infra.topicPrefix}.events-writer`,
          topic: topics.events,
          decode: decodeEventBatch,
          write: createTableWriter(clickhouse, 'events'),
        }),
      );
    } else {
      consumers.push(
        await startBatchConsumer<ReplayChunkRow>({
          ...common,
          groupId: `${infra.topicPrefix}.replay-writer`,
          topic: topics.replay,
          decode: decodeReplayChunk,
          write: createTableWriter(clickhouse, 'replay_chunks'),
        }),
      );
    }
    log(`role ${role} started`);
  }
  return {
    async stop() {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await clickhouse.close();
    },
  };
}
