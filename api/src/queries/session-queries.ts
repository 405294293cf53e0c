import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';

// Queries run on ClickHouse 18.16 and current releases. Rows may exist twice
// until ClickHouse merges them (redelivery), so every count is over distinct
// event ids and every listing keeps one row per id (LIMIT 1 BY).

export interface SessionRow {
  session_id: string;
  device_id: string;
  started_at_ms: string;
  ended_at_ms: string;
  entry_url: string;
  page_views: string;
  clicks: string;
  events: string;
}

export interface EventRow {
  event_id: string;
  timestamp_ms: string;
  type: string;
  url: string;
  page_x: number;
  page_y: number;
  selector: string;
  tag: string;
  text: string;
}

export interface ReplayRow {
  sequence: number;
  first_timestamp_ms: string;
  last_timestamp_ms: string;
  events_json: string;
}

async function rows<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  const result = await client.query({ query, format: 'JSONEachRow' });
  return result.json<T>();
}

const SESSION_COLUMNS = `
  session_id,
  any(device_id) AS device_id,
  min(timestamp_ms) AS started_at_ms,
  max(timestamp_ms) AS ended_at_ms,
  argMinIf(url, timestamp_ms, type = 'page_view') AS entry_url,
  uniqExactIf(event_id, type = 'page_view') AS page_views,
  uniqExactIf(event_id, type = 'click') AS clicks,
  uniqExact(event_id) AS events`;

export function querySessions(
  client: ClickHouseClient,
  projectId: string,
  limit: number,
): Promise<SessionRow[]> {
  return rows(
    client,
    `SELECT ${SESSION_COLUMNS} FROM events WHERE project_id = ${sqlString(projectId)}
     GROUP BY session_id ORDER BY ended_at_ms DESC LIMIT ${sqlInt(limit)}`,
  );
}

export async function querySession(
  client: ClickHouseClient,
  projectId: string,
  sessionId: string,
): Promise<SessionRow | undefined> {
  const found = await rows<SessionRow>(
    client,
    `SELECT ${SESSION_COLUMNS} FROM events
     WHERE project_id = ${sqlString(projectId)} AND session_id = ${sqlString(sessionId)} GROUP BY session_id`,
  );
  return found[0];
}

export function querySessionEvents(
  client: ClickHouseClient,
  projectId: string,
  sessionId: string,
  limit: number,
): Promise<EventRow[]> {
  return rows(
    client,
    `SELECT event_id, timestamp_ms, type, url, page_x, page_y, selector, tag, text FROM events
     WHERE project_id = ${sqlString(projectId)} AND session_id = ${sqlString(sessionId)}
     ORDER BY timestamp_ms, sequence LIMIT 1 BY event_id LIMIT ${sqlInt(limit)}`,
  );
}

export async function querySessionsWithReplay(
  client: ClickHouseClient,
  projectId: string,
  sessionIds: string[],
): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const found = await rows<{ session_id: string }>(
    client,
    `SELECT DISTINCT session_id FROM replay_chunks
     WHERE project_id = ${sqlString(projectId)} AND session_id IN (${sessionIds.map(sqlString).join(', ')})`,
  );
  return new Set(found.map((row) => row.session_id));
}

export function queryReplay(
  client: ClickHouseClient,
  projectId: string,
  sessionId: string,
): Promise<ReplayRow[]> {
  return rows(
    client,
    `SELECT sequence, first_timestamp_ms, last_timestamp_ms, events_json FROM replay_chunks
     WHERE project_id = ${sqlString(projectId)} AND session_id = ${sqlString(sessionId)}
     ORDER BY sequence LIMIT 1 BY sequence`,
  );
}
