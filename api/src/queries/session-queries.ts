import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import { rows } from './query-helpers.ts';
import { latestSessionsWhere, SESSION_COLUMNS, type SessionRow } from './sessions-table.ts';

export { querySessions } from './session-list.ts';
export type { SessionRow };

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
  error_message: string;
}

export interface ReplayRow {
  sequence: number;
  first_timestamp_ms: string;
  last_timestamp_ms: string;
  events_json: string;
}

export async function querySessionRow(
  client: ClickHouseClient,
  projectId: string,
  sessionKey: string,
): Promise<SessionRow | undefined> {
  const sessionId = sessionKey.split('~')[0]!;
  const found = await rows<SessionRow>(
    client,
    `SELECT ${SESSION_COLUMNS} FROM sessions
     WHERE ${latestSessionsWhere(projectId, undefined, sessionId)} AND session_key = ${sqlString(sessionKey)} LIMIT 1`,
  );
  return found[0];
}

// A session the sessions role has not written yet, summarised from its events.
export async function querySessionFromEvents(
  client: ClickHouseClient,
  projectId: string,
  sessionId: string,
): Promise<SessionRow | undefined> {
  const found = await rows<SessionRow>(
    client,
    `SELECT session_id AS session_key, session_id, any(device_id) AS device_id, anyLast(user_id) AS user_id,
       min(timestamp_ms) AS start_ms, max(timestamp_ms) AS end_ms, end_ms - start_ms AS duration_ms,
       uniqExact(event_id) AS events, uniqExactIf(event_id, type = 'page_view') AS page_views,
       uniqExactIf(event_id, type = 'click') AS clicks, uniqExactIf(event_id, type = 'js_error') AS errors,
       0 AS rage_clicks, 0 AS dead_clicks, 0 AS error_clicks, 0 AS thrashed_cursors,
       argMinIf(url, timestamp_ms, type = 'page_view') AS entry_url, argMax(url, timestamp_ms) AS exit_url,
       any(browser) AS browser, any(os) AS os, any(device_type) AS device_type, any(country) AS country, 0 AS has_replay
     FROM events WHERE project_id = ${sqlString(projectId)} AND session_id = ${sqlString(sessionId)}
     GROUP BY session_id`,
  );
  return found[0];
}

export function querySessionEvents(
  client: ClickHouseClient,
  projectId: string,
  session: { sessionId: string; fromMs?: number; toMs?: number },
  limit: number,
): Promise<EventRow[]> {
  const bounds =
    session.fromMs !== undefined && session.toMs !== undefined
      ? `AND timestamp_ms >= ${sqlInt(session.fromMs)} AND timestamp_ms <= ${sqlInt(session.toMs)}`
      : '';
  return rows(
    client,
    `SELECT event_id, timestamp_ms, type, url, page_x, page_y, selector, tag, text, error_message FROM events
     WHERE project_id = ${sqlString(projectId)} AND session_id = ${sqlString(session.sessionId)} ${bounds}
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

// Replay chunks in sequence order, from sequence `from`, at most `limit`. Each tab
// records on its own; the replay is the tab the session started in.
export function queryReplay(
  client: ClickHouseClient,
  projectId: string,
  sessionId: string,
  page: { from: number; limit: number } = { from: 0, limit: 1_000_000 },
): Promise<ReplayRow[]> {
  return rows(
    client,
    `SELECT sequence, first_timestamp_ms, last_timestamp_ms, events_json FROM replay_chunks
     WHERE project_id = ${sqlString(projectId)} AND session_id = ${sqlString(sessionId)} AND sequence >= ${sqlInt(page.from)}
       AND tab_id = (SELECT argMin(tab_id, first_timestamp_ms) FROM replay_chunks
                     WHERE project_id = ${sqlString(projectId)} AND session_id = ${sqlString(sessionId)})
     ORDER BY sequence LIMIT 1 BY sequence LIMIT ${sqlInt(page.limit)}`,
  );
}
