import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import { dateCondition, type InsightTypeName, type Range, rows, timeCondition } from './query-helpers.ts';

export interface InsightRow {
  insight_id: string;
  type: string;
  session_id: string;
  timestamp_ms: string;
  end_timestamp_ms: string;
  detected_at_ms: string;
  url: string;
  selector: string;
  page_x: number;
  page_y: number;
  click_count: number;
  path_length_px: number;
  direction_changes: number;
  mean_speed_px_per_s: number;
  error_message: string;
  event_ids: string[];
}

function where(
  projectId: string,
  range: Range,
  type?: InsightTypeName,
  url?: string,
  sessionId?: string,
): string {
  return [
    `project_id = ${sqlString(projectId)}`,
    dateCondition(range),
    timeCondition(range),
    type ? `type = ${sqlString(type)}` : '1',
    url ? `positionCaseInsensitive(url, ${sqlString(url)}) > 0` : '1',
    sessionId ? `session_id = ${sqlString(sessionId)}` : '1',
  ].join(' AND ');
}

export function queryInsights(
  client: ClickHouseClient,
  projectId: string,
  options: {
    range: Range;
    type?: InsightTypeName;
    url?: string;
    sessionId?: string;
    limit: number;
    after?: [number, string];
  },
): Promise<InsightRow[]> {
  const after = options.after
    ? `AND (timestamp_ms < ${sqlInt(options.after[0])} OR (timestamp_ms = ${sqlInt(options.after[0])} AND insight_id < ${sqlString(options.after[1])}))`
    : '';
  return rows(
    client,
    `SELECT insight_id, type, session_id, timestamp_ms, end_timestamp_ms, detected_at_ms, url, selector, page_x, page_y,
       click_count, path_length_px, direction_changes, mean_speed_px_per_s, error_message, event_ids
     FROM insights WHERE ${where(projectId, options.range, options.type, options.url, options.sessionId)} ${after}
     ORDER BY timestamp_ms DESC, insight_id DESC LIMIT 1 BY insight_id LIMIT ${sqlInt(options.limit)}`,
  );
}

export interface InsightTotalsRow {
  type: string;
  count: string;
  sessions: string;
}

export function queryInsightTotals(client: ClickHouseClient, projectId: string, range: Range) {
  return rows<InsightTotalsRow>(
    client,
    `SELECT type, uniqExact(insight_id) AS count, uniqExact(session_id) AS sessions
     FROM insights WHERE ${where(projectId, range)} GROUP BY type`,
  );
}

export function queryInsightTrend(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  bucketMs: number,
) {
  return rows<{ type: string; bucket: string; count: string }>(
    client,
    `SELECT type, intDiv(timestamp_ms, ${sqlInt(bucketMs)}) * ${sqlInt(bucketMs)} AS bucket, uniqExact(insight_id) AS count
     FROM insights WHERE ${where(projectId, range)} GROUP BY type, bucket ORDER BY type, bucket`,
  );
}

// The most affected pages (selector empty) or elements, top N per type.
export function queryInsightTargets(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  byElement: boolean,
  top: number,
) {
  return rows<{ type: string; url: string; selector: string; count: string; sessions: string }>(
    client,
    `SELECT type, url, ${byElement ? 'selector' : "'' AS selector"}, uniqExact(insight_id) AS count,
       uniqExact(session_id) AS sessions
     FROM insights WHERE ${where(projectId, range)} ${byElement ? "AND selector != ''" : ''}
     GROUP BY type, url${byElement ? ', selector' : ''}
     ORDER BY type, count DESC, url LIMIT ${sqlInt(top)} BY type`,
  );
}
