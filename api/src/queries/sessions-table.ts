import { sqlInt, sqlString } from '@gosight/common/clickhouse';
import { dateCondition, type Range } from './query-helpers.ts';

// The rows of a project that may be in the range: a recomputation only
// extends a session, so a lower bound on end_ms holds for every version.
export function sessionsInRange(projectId: string, range: Range | undefined): string {
  const conditions = [`project_id = ${sqlString(projectId)}`];
  if (range) conditions.push(dateCondition(range), `end_ms >= ${sqlInt(range.fromMs)}`);
  return conditions.join(' AND ');
}

// The sessions role rewrites a session's rows with a higher version each time
// it recomputes it, and may renumber its segments: readers take the rows of
// the highest version of each session id, then one row per session_key
// (LIMIT 1 BY session_key in the query that uses this condition).
// A recomputation only extends a session, so a range's lower bound on end_ms
// may be applied before taking the highest version.
export function latestSessionsWhere(
  projectId: string,
  range: Range | undefined,
  sessionId?: string,
  candidates?: string,
): string {
  const conditions = [sessionsInRange(projectId, range)];
  if (sessionId !== undefined) conditions.push(`session_id = ${sqlString(sessionId)}`);
  const where = conditions.join(' AND ');
  // candidates: a condition some row of every session id the caller keeps
  // meets; the highest versions are then grouped for those ids only.
  const among = candidates
    ? ` AND session_id IN (SELECT session_id FROM sessions WHERE ${where} AND ${candidates})`
    : '';
  return `${where} AND (session_id, version) IN (SELECT session_id, max(version) FROM sessions WHERE ${where}${among} GROUP BY session_id)`;
}

// One row per session segment, with the given columns.
export function latestSessions(projectId: string, range: Range | undefined, columns: string): string {
  return `(SELECT ${columns} FROM sessions WHERE ${latestSessionsWhere(projectId, range)} LIMIT 1 BY session_key)`;
}

export interface SessionRow {
  session_key: string;
  session_id: string;
  device_id: string;
  user_id: string;
  start_ms: string;
  end_ms: string;
  duration_ms: string;
  events: number;
  page_views: number;
  clicks: number;
  errors: number;
  rage_clicks: number;
  dead_clicks: number;
  error_clicks: number;
  thrashed_cursors: number;
  entry_url: string;
  exit_url: string;
  browser: string;
  os: string;
  device_type: string;
  country: string;
  has_replay: number;
}

export const SESSION_COLUMNS = `session_key, session_id, device_id, user_id, start_ms, end_ms, duration_ms, events,
  page_views, clicks, errors, rage_clicks, dead_clicks, error_clicks, thrashed_cursors, entry_url, exit_url,
  browser, os, device_type, country, has_replay`;
