import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import { dateCondition, type Range, rows, timeCondition } from './query-helpers.ts';

export interface ErrorGroupRow {
  group_key: string;
  last_message: string;
  last_source: string;
  sample_stack: string;
  occurrences: string;
  sessions: string;
  users: string;
  first_seen_ms: string;
  last_seen_ms: string;
  sample_session_ids: string[];
}

// Groups the errors view (one row per js_error event) by the processor's
// fingerprint; rows stored before fingerprints existed group by message and source.
export function queryErrorGroups(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  limit: number,
): Promise<ErrorGroupRow[]> {
  return rows(
    client,
    `SELECT if(fingerprint != '', fingerprint, lower(hex(cityHash64(message, source)))) AS group_key,
       argMax(message, timestamp_ms) AS last_message, argMax(source, timestamp_ms) AS last_source,
       argMax(stack, timestamp_ms) AS sample_stack,
       uniqExact(event_id) AS occurrences, uniqExact(session_id) AS sessions, uniqExact(device_id) AS users,
       min(timestamp_ms) AS first_seen_ms, max(timestamp_ms) AS last_seen_ms,
       arraySlice(groupUniqArray(session_id), 1, 5) AS sample_session_ids
     FROM errors
     WHERE project_id = ${sqlString(projectId)} AND ${dateCondition(range)} AND ${timeCondition(range)}
     GROUP BY group_key ORDER BY occurrences DESC, last_seen_ms DESC LIMIT ${sqlInt(limit)}`,
  );
}
