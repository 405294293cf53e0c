import { createClient } from '@clickhouse/client';
import { sqlInt, sqlString } from './clickhouse.ts';
import { readMigrations } from './migrations.ts';

const folder = new URL('../migrations/clickhouse/', import.meta.url);

// Creates the database if needed and applies the migrations it has not seen.
export async function migrateClickHouse(
  url: string,
  database: string,
  log: (line: string) => void,
): Promise<void> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database))
    throw new Error(`invalid ClickHouse database name "${database}"`);
  const server = createClient({ url });
  try {
    await server.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  } finally {
    await server.close();
  }
  // A migration may backfill a table from events (e.g. 0009): give it far longer than a query,
  // with progress headers so that proxies do not drop the idle connection meanwhile.
  const client = createClient({
    url,
    database,
    request_timeout: 30 * 60_000,
    clickhouse_settings: { send_progress_in_http_headers: 1, http_headers_progress_interval_ms: '10000' },
  });
  try {
    await client.command({
      query: `CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, applied_at_ms Int64)
              ENGINE = MergeTree() ORDER BY version`,
    });
    const result = await client.query({
      query: 'SELECT version FROM schema_migrations',
      format: 'JSONEachRow',
    });
    const applied = new Set((await result.json<{ version: number }>()).map((row) => Number(row.version)));
    for (const migration of await readMigrations(folder)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await client.command({ query: statement });
      await client.command({
        query: `INSERT INTO schema_migrations VALUES (${migration.version}, ${sqlString(migration.name)}, ${sqlInt(Date.now())})`,
      });
      log(`clickhouse: applied ${String(migration.version).padStart(4, '0')}_${migration.name}`);
    }
  } finally {
    await client.close();
  }
}
