import type { ClickHouseClient } from '@gosight/common/clickhouse';
import type { InfraConfig } from '@gosight/common/infra-config';
import type { Pool } from '@gosight/common/postgres';
import type { Topics } from '@gosight/common/topics';
import type { Kafka } from 'kafkajs';
import type { BatchConsumerOptions, RunningConsumer } from './batch-consumer.ts';
import type { ClickHouseTarget } from './clickhouse-writer.ts';
import type { ProcessorConfig } from './config.ts';
import type { ProcessorMetrics } from './metrics.ts';
import type { ProjectSettingsSource } from './project-settings.ts';

// What every role gets from the processor. Clients are shared by the roles of
// one process.
export interface RoleContext {
  config: ProcessorConfig;
  infra: InfraConfig;
  kafka: Kafka;
  clickhouse: ClickHouseClient;
  // Where inserts go (clickhouse-writer.ts).
  clickhouseTarget: ClickHouseTarget;
  // Created on first use: roles that do not need PostgreSQL never connect.
  postgres(): Pool;
  projects(): ProjectSettingsSource;
  topics: Topics;
  metrics: ProcessorMetrics;
  log(line: string): void;
  // Options every batch consumer shares (Kafka, DLQ, flush policy, metrics, log).
  consumerDefaults: Pick<
    BatchConsumerOptions<unknown>,
    | 'kafka'
    | 'dlqTopic'
    | 'maxRows'
    | 'maxAgeMs'
    | 'metrics'
    | 'log'
    | 'pauseAfterWriteMs'
    | 'sessionTimeoutMs'
  >;
}

export type RunningRole = RunningConsumer;

export type StartRole = (context: RoleContext) => Promise<RunningRole>;

// A role made of several parts (consumers, timers) is ready when all are.
export function combineRoles(parts: RunningRole[]): RunningRole {
  return {
    ready: () => parts.every((part) => part.ready()),
    stop: async () => {
      await Promise.all(parts.map((part) => part.stop()));
    },
  };
}
