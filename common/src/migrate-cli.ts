import { LOCAL_TOPIC_LAYOUT } from './create-topics.ts';
import { intFrom } from './env.ts';
import { infraConfigFrom } from './infra-config.ts';
import { migrateAll } from './migrate.ts';

const log = (line: string) => console.log(`[migrate] ${line}`);
try {
  const env = process.env;
  await migrateAll(infraConfigFrom(env), log, {
    partitions: intFrom(env, 'GOSIGHT_KAFKA_PARTITIONS', LOCAL_TOPIC_LAYOUT.partitions, 1, 10_000),
    replicationFactor: intFrom(
      env,
      'GOSIGHT_KAFKA_REPLICATION_FACTOR',
      LOCAL_TOPIC_LAYOUT.replicationFactor,
      1,
      100,
    ),
  });
  log('schema is up to date');
} catch (error) {
  console.error('[migrate] failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
