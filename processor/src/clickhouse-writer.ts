import type { ClickHouseClient } from '@gosight/common/clickhouse';

export function createTableWriter<Row>(
  client: ClickHouseClient,
  table: string,
): (rows: Row[]) => Promise<void> {
  return async (rows) => {
    await client.insert({ table, values: rows, format: 'JSONEachRow' });
  };
}
