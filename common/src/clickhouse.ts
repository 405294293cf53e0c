import { type ClickHouseClient, createClient } from '@clickhouse/client';

export type { ClickHouseClient };

export function createClickHouse(url: string, database: string): ClickHouseClient {
  return createClient({
    url,
    database,
    request_timeout: 30_000,
    // Old servers (18.16) reject settings they do not know; send none by default.
    clickhouse_settings: {},
  });
}

// ClickHouse 18.16 has no server-side query parameters, so values are quoted
// here. Every value that reaches SQL goes through one of these.
export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function sqlInt(value: number | bigint): string {
  const asBigInt = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
  return asBigInt.toString();
}
