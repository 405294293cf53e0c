import { createClient } from '@clickhouse/client';
import { type InfraConfig, infraConfigFrom } from './infra-config.ts';
import { createKafka } from './kafka.ts';
import { migrateAll } from './migrate.ts';
import { createPostgres } from './postgres.ts';
import { topicsFor } from './topics.ts';

export interface TestInfra {
  config: InfraConfig;
  cleanup(): Promise<void>;
}

// Real servers, private names: a test gets its own Kafka topics, ClickHouse
// database and PostgreSQL database, migrated like production, and removed afterwards.
export async function createTestInfra(name: string): Promise<TestInfra> {
  const suffix = `${name}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const shared = infraConfigFrom(process.env);
  const postgresDatabase = `test_${suffix}`;
  await withPostgres(shared.postgresUrl, (pool) => pool.query(`CREATE DATABASE ${postgresDatabase}`));
  const postgresUrl = new URL(shared.postgresUrl);
  postgresUrl.pathname = `/${postgresDatabase}`;
  const config: InfraConfig = {
    ...shared,
    topicPrefix: `test.${suffix}`,
    clickhouseDatabase: `test_${suffix}`,
    postgresUrl: postgresUrl.toString(),
  };
  await migrateAll(config, () => {});
  return {
    config,
    async cleanup() {
      const clickhouse = createClient({ url: config.clickhouseUrl });
      await clickhouse.command({ query: `DROP DATABASE IF EXISTS ${config.clickhouseDatabase}` });
      await clickhouse.close();
      const admin = createKafka(config.kafkaBrokers, 'gosight-test-cleanup').admin();
      await admin.connect();
      await admin.deleteTopics({ topics: Object.values(topicsFor(config.topicPrefix)) });
      await admin.disconnect();
      await dropPostgresDatabase(shared.postgresUrl, postgresDatabase);
    },
  };
}

// FORCE ends the test's own connections, but not a background worker that
// happens to be on the database (e.g. autovacuum, run by the superuser):
// PostgreSQL then refuses, and the worker is gone a moment later.
async function dropPostgresDatabase(url: string, database: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await withPostgres(url, (pool) => pool.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      return;
    } catch (error) {
      const insufficientPrivilege = (error as { code?: string }).code === '42501';
      if (!insufficientPrivilege || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

async function withPostgres(
  url: string,
  action: (pool: ReturnType<typeof createPostgres>) => Promise<unknown>,
) {
  const pool = createPostgres(url, 1);
  try {
    await action(pool);
  } finally {
    await pool.end();
  }
}

export function uniqueId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
