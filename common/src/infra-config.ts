import { type Env, stringFrom } from './env.ts';

// Where the infrastructure servers are. Defaults match deploy/local/stack.sh.
export interface InfraConfig {
  kafkaBrokers: string[];
  // Prefix of every topic name, so that test runs can use their own topics.
  topicPrefix: string;
  clickhouseUrl: string;
  clickhouseDatabase: string;
  postgresUrl: string;
  redisUrl: string;
}

export function infraConfigFrom(env: Env): InfraConfig {
  return {
    kafkaBrokers: stringFrom(env, 'GOSIGHT_KAFKA_BROKERS', '127.0.0.1:19092').split(','),
    topicPrefix: stringFrom(env, 'GOSIGHT_TOPIC_PREFIX', 'gosight'),
    clickhouseUrl: stringFrom(env, 'GOSIGHT_CLICKHOUSE_URL', 'http://127.0.0.1:18123'),
    clickhouseDatabase: stringFrom(env, 'GOSIGHT_CLICKHOUSE_DB', 'gosight'),
    postgresUrl: stringFrom(
      env,
      'GOSIGHT_POSTGRES_URL',
      'postgres://gosight:gosight@127.0.0.1:15432/gosight',
    ),
    redisUrl: stringFrom(env, 'GOSIGHT_REDIS_URL', 'redis://127.0.0.1:16379'),
  };
}
