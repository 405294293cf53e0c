import { createTopics, LOCAL_TOPIC_LAYOUT, type TopicLayout } from './create-topics.ts';
import type { InfraConfig } from './infra-config.ts';
import { createKafka } from './kafka.ts';
import { migrateClickHouse } from './migrate-clickhouse.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { createPostgres } from './postgres.ts';
import { topicsFor } from './topics.ts';

// Brings ClickHouse, PostgreSQL and the Kafka topics to the current schema.
export async function migrateAll(
  config: InfraConfig,
  log: (line: string) => void,
  topicLayout: TopicLayout = LOCAL_TOPIC_LAYOUT,
): Promise<void> {
  await migrateClickHouse(config.clickhouseUrl, config.clickhouseDatabase, log);
  const pool = createPostgres(config.postgresUrl, 1);
  try {
    await migratePostgres(pool, log);
  } finally {
    await pool.end();
  }
  await createTopics(
    createKafka(config.kafkaBrokers, 'gosight-migrate'),
    topicsFor(config.topicPrefix),
    topicLayout,
    log,
  );
}
