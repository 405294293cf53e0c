import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import { dateCondition, rows } from './query-helpers.ts';

export const ACTIVE_WINDOW_MS = 5 * 60_000;
export const RATE_WINDOW_MS = 10_000;

export interface LiveRow {
  active_sessions: string;
  recent_events: string;
}

// Activity by the server's receive time, so clock skew on devices does not
// hide or invent live sessions.
export async function queryLive(client: ClickHouseClient, projectId: string, nowMs: number) {
  const since = nowMs - ACTIVE_WINDOW_MS;
  const where = `project_id = ${sqlString(projectId)} AND ${dateCondition({ fromMs: since, toMs: nowMs })}
    AND received_at_ms >= ${sqlInt(since)}`;
  const [totals, pages] = await Promise.all([
    rows<LiveRow>(
      client,
      `SELECT uniqExact(session_id) AS active_sessions,
         uniqExactIf(event_id, received_at_ms >= ${sqlInt(nowMs - RATE_WINDOW_MS)}) AS recent_events
       FROM events WHERE ${where}`,
    ),
    rows<{ url: string; active_sessions: string }>(
      client,
      `SELECT url, uniqExact(session_id) AS active_sessions FROM events WHERE ${where} AND url != ''
       GROUP BY url ORDER BY active_sessions DESC, url LIMIT 10`,
    ),
  ]);
  return { totals: totals[0], pages };
}
