import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import { InsightType } from '@gosight/proto/v1/insights_pb';
import type { SessionFilter } from '@gosight/proto/v1/session_service_pb';
import { urlCondition, urlsContaining } from './page-urls.ts';
import { dateCondition, INSIGHT_TYPES, type Range, rows, timeCondition } from './query-helpers.ts';
import { latestSessionsWhere, SESSION_COLUMNS, type SessionRow, sessionsInRange } from './sessions-table.ts';

const SIGNAL_COLUMN: Record<(typeof INSIGHT_TYPES)[number], string> = {
  rage_click: 'rage_clicks',
  dead_click: 'dead_clicks',
  error_click: 'error_clicks',
  thrashed_cursor: 'thrashed_cursors',
};

interface SessionConditions {
  // On a row of sessions, besides the time range.
  row: string[];
  // On the session id alone (the pages it visited).
  sessionIds: string[];
}

async function filterConditions(
  client: ClickHouseClient,
  projectId: string,
  filter: SessionFilter | undefined,
  range: Range,
): Promise<SessionConditions> {
  const row: string[] = [];
  const sessionIds: string[] = [];
  if (!filter) return { row, sessionIds };
  if (filter.userId) row.push(`user_id = ${sqlString(filter.userId)}`);
  if (filter.device) row.push(`device_type = ${sqlString(filter.device.toLowerCase())}`);
  if (filter.browser) row.push(`lower(browser) = ${sqlString(filter.browser.toLowerCase())}`);
  if (filter.country) row.push(`country = ${sqlString(filter.country.toUpperCase())}`);
  if (filter.hasSignal !== InsightType.UNSPECIFIED) {
    const name = INSIGHT_TYPES[filter.hasSignal - 1];
    if (name) row.push(`${SIGNAL_COLUMN[name]} > 0`);
  }
  if (filter.hasError) row.push('errors > 0');
  if (filter.minDurationMs > 0n) row.push(`duration_ms >= ${sqlInt(filter.minDurationMs)}`);
  if (filter.maxDurationMs > 0n) row.push(`duration_ms <= ${sqlInt(filter.maxDurationMs)}`);
  if (filter.url) {
    // page_events (migration 0009) holds the page views ordered by type and
    // URL: with the exact URLs that contain the substring (migration 0010),
    // only those pages' rows are read.
    const [urls] = await urlsContaining(client, projectId, range, [filter.url]);
    sessionIds.push(`session_id IN (SELECT session_id FROM page_events
      WHERE project_id = ${sqlString(projectId)} AND type = 'page_view' AND ${dateCondition(range)}
        AND ${urlCondition(filter.url, urls)})`);
  }
  return { row, sessionIds };
}

// Sessions ordered by their last activity, newest first; after is the cursor
// (end_ms and session_key of the previous page's last row).
export async function querySessions(
  client: ClickHouseClient,
  projectId: string,
  options: {
    filter: SessionFilter | undefined;
    range: Range;
    limit: number;
    after?: [number, string];
    // Matching rows read first (fromNewestMatches); tests shrink it.
    pool?: number;
  },
): Promise<SessionRow[]> {
  const { row, sessionIds } = await filterConditions(client, projectId, options.filter, options.range);
  const filtered = row.length + sessionIds.length > 0;
  row.push(timeCondition(options.range, 'end_ms'), `start_ms < ${sqlInt(options.range.toMs)}`);
  if (options.after) {
    const [endMs, key] = options.after;
    row.push(
      `(end_ms < ${sqlInt(endMs)} OR (end_ms = ${sqlInt(endMs)} AND session_key < ${sqlString(key)}))`,
    );
  }
  if (!filtered) return latestPage(client, projectId, options.range, row, undefined, options.limit);
  // The id-only conditions hold for every row of those ids.
  const matching = [...row, ...sessionIds].join(' AND ');
  const pool = options.pool ?? options.limit * 2 + 100;
  return (
    (await fromNewestMatches(client, projectId, options.range, row, matching, options.limit, pool)) ??
    latestPage(client, projectId, options.range, row, matching, options.limit)
  );
}

interface Candidate {
  session_id: string;
  session_key: string;
  end_ms: string;
}

// (end_ms, session_key) descending, session_key compared bytewise as ClickHouse does.
function ranksAtOrAbove(row: { end_ms: string; session_key: string }, other: Candidate): boolean {
  const [a, b] = [BigInt(row.end_ms), BigInt(other.end_ms)];
  return a !== b ? a > b : Buffer.compare(Buffer.from(row.session_key), Buffer.from(other.session_key)) >= 0;
}

// With filters, the highest version of every session that has a matching row
// made ClickHouse group up to every session of the range. Instead: the newest
// `pool` matching rows of any version, then the highest version for their
// session ids only. Every latest-version match that ranks above the pool's
// last row has its id in the pool, so the page is exact when the pool held
// every match or the page's last row ranks at or above the pool's last row;
// otherwise (undefined) the caller asks over every session.
async function fromNewestMatches(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  row: string[],
  matching: string,
  limit: number,
  pool: number,
): Promise<SessionRow[] | undefined> {
  const candidates = await rows<Candidate>(
    client,
    `SELECT session_id, session_key, end_ms FROM sessions WHERE ${sessionsInRange(projectId, range)} AND ${matching}
     ORDER BY end_ms DESC, session_key DESC LIMIT ${sqlInt(pool)}`,
  );
  if (candidates.length === 0) return [];
  const ids = `session_id IN (${[...new Set(candidates.map((c) => c.session_id))].map(sqlString).join(', ')})`;
  const page = await latestPage(client, projectId, range, [...row, ids], ids, limit);
  if (candidates.length < pool) return page;
  const last = page.at(-1);
  return page.length === limit && last && ranksAtOrAbove(last, candidates.at(-1)!) ? page : undefined;
}

// The rows of the highest version of each session that meet `row` (and
// whose session id has a row meeting `among`, if given), one per
// session_key, in list order.
function latestPage(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  row: string[],
  among: string | undefined,
  limit: number,
): Promise<SessionRow[]> {
  return rows(
    client,
    `SELECT ${SESSION_COLUMNS} FROM sessions
     WHERE ${latestSessionsWhere(projectId, range, undefined, among)} AND ${row.join(' AND ')}
     ORDER BY end_ms DESC, session_key DESC LIMIT 1 BY session_key LIMIT ${sqlInt(limit)}`,
  );
}
