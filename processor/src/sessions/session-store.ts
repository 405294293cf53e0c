import { type ClickHouseClient, sqlString } from '@gosight/common/clickhouse';
import type { ReplayRange, SessionEvent, SessionInsight } from './split-sessions.ts';

// What the sessions role reads back from ClickHouse to recompute a session id,
// deduplicated by id so redelivered copies never count twice.
export interface StoredSession {
  events: SessionEvent[];
  insights: SessionInsight[];
  replay: ReplayRange[];
}

const inList = (values: Iterable<string>) => [...values].map(sqlString).join(', ');

export async function readSessions(
  clickhouse: ClickHouseClient,
  projectId: string,
  sessionIds: string[],
): Promise<Map<string, StoredSession>> {
  const where = `project_id = ${sqlString(projectId)} AND session_id IN (${inList(sessionIds)})`;
  const [events, insights, replay] = await Promise.all([
    select<SessionEvent & { session_id: string }>(
      clickhouse,
      `SELECT session_id, event_id, timestamp_ms, type, url, device_id, user_id, browser, os, device_type, country
       FROM events WHERE ${where} LIMIT 1 BY session_id, event_id`,
    ),
    select<SessionInsight & { session_id: string }>(
      clickhouse,
      `SELECT session_id, insight_id, type, timestamp_ms FROM insights WHERE ${where} LIMIT 1 BY session_id, insight_id`,
    ),
    select<ReplayRange & { session_id: string }>(
      clickhouse,
      `SELECT session_id, first_timestamp_ms, last_timestamp_ms FROM replay_chunks WHERE ${where}`,
    ),
  ]);
  const sessions = new Map<string, StoredSession>(
    sessionIds.map((id) => [id, { events: [], insights: [], replay: [] }]),
  );
  for (const row of events) sessions.get(row.session_id)?.events.push(row);
  for (const row of insights) sessions.get(row.session_id)?.insights.push(row);
  for (const row of replay) sessions.get(row.session_id)?.replay.push(row);
  return sessions;
}

// How many of these event ids of a project are stored.
export async function storedEventCount(
  clickhouse: ClickHouseClient,
  projectId: string,
  eventIds: Iterable<string>,
): Promise<number> {
  const [row] = await select<{ n: string }>(
    clickhouse,
    `SELECT uniqExact(event_id) AS n FROM events
     WHERE project_id = ${sqlString(projectId)} AND event_id IN (${inList(eventIds)})`,
  );
  return Number(row?.n ?? 0);
}

// The sessions a user sees: the rows of the latest recomputation of each
// session id, one per session_key. API queries follow this shape.
export function currentSessionsQuery(projectId: string, extraWhere = '1'): string {
  const project = sqlString(projectId);
  return `SELECT * FROM sessions
    WHERE project_id = ${project} AND (${extraWhere})
      AND (session_id, version) IN (
        SELECT session_id, max(version) FROM sessions WHERE project_id = ${project} GROUP BY session_id)
    ORDER BY start_ms
    LIMIT 1 BY session_key`;
}

async function select<T>(clickhouse: ClickHouseClient, query: string): Promise<T[]> {
  const result = await clickhouse.query({
    query,
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  });
  return result.json<T>();
}
