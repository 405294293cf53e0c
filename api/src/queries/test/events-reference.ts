import { sqlInt, sqlString } from '@gosight/common/clickhouse';
import { dateCondition, type Range, timeCondition, viewportCondition } from '../query-helpers.ts';
import { latestSessionsWhere, SESSION_COLUMNS } from '../sessions-table.ts';

// The queries as they were before page_events (migration 0009): everything
// read from events, the highest session version looked up for every session
// in range. Tests compare the current queries' answers with these.

export interface ReferenceSessionFilter {
  browser?: string;
  hasError?: boolean;
  device?: string;
  url?: string;
}

export function referenceSessions(
  projectId: string,
  filter: ReferenceSessionFilter,
  range: Range,
  limit: number,
  after?: [number, string],
): string {
  const conditions = [timeCondition(range, 'end_ms'), `start_ms < ${sqlInt(range.toMs)}`];
  if (filter.device) conditions.push(`device_type = ${sqlString(filter.device)}`);
  if (filter.browser) conditions.push(`lower(browser) = ${sqlString(filter.browser.toLowerCase())}`);
  if (filter.hasError) conditions.push('errors > 0');
  if (filter.url) {
    conditions.push(`session_id IN (SELECT session_id FROM events
      WHERE project_id = ${sqlString(projectId)} AND ${dateCondition(range)} AND type = 'page_view'
        AND positionCaseInsensitive(url, ${sqlString(filter.url)}) > 0)`);
  }
  if (after) {
    conditions.push(
      `(end_ms < ${sqlInt(after[0])} OR (end_ms = ${sqlInt(after[0])} AND session_key < ${sqlString(after[1])}))`,
    );
  }
  return `SELECT ${SESSION_COLUMNS} FROM sessions
    WHERE ${latestSessionsWhere(projectId, range)} AND ${conditions.join(' AND ')}
    ORDER BY end_ms DESC, session_key DESC LIMIT 1 BY session_key LIMIT ${sqlInt(limit)}`;
}

export interface ReferencePage {
  projectId: string;
  url: string;
  viewportClass: number;
  range: Range;
}

function eventsOfPage(scope: ReferencePage, types: string[]): string {
  return [
    `project_id = ${sqlString(scope.projectId)}`,
    dateCondition(scope.range),
    timeCondition(scope.range),
    `type IN (${types.map(sqlString).join(', ')})`,
    `url = ${sqlString(scope.url)}`,
    viewportCondition(scope.viewportClass),
  ].join(' AND ');
}

export function referenceClickMap(scope: ReferencePage, grid: number, maxElements: number): string {
  const cell = (ratio: string) => `toUInt32(greatest(0, least(${grid - 1}, floor(${ratio} * ${grid}))))`;
  return `SELECT selector, count() AS clicks, uniqExact(session_id) AS sessions,
       sumMap([cell_index], [toUInt64(1)]) AS cells
     FROM (SELECT selector, session_id, ${cell('target_y_ratio')} * ${grid} + ${cell('target_x_ratio')} AS cell_index
           FROM events WHERE ${eventsOfPage(scope, ['click'])} LIMIT 1 BY event_id)
     GROUP BY selector ORDER BY clicks DESC, selector LIMIT ${sqlInt(maxElements)}`;
}

export function referenceScrollDepths(scope: ReferencePage): string {
  return `SELECT toUInt32(intDiv(least(depth, 100), 5)) AS step, count() AS views FROM (
       SELECT session_id, max(scroll_depth_percent) AS depth FROM events
       WHERE ${eventsOfPage(scope, ['page_view', 'scroll', 'page_leave'])}
       GROUP BY session_id)
     GROUP BY step ORDER BY step`;
}

export function referenceFunnel(
  projectId: string,
  range: Range,
  conditions: string[],
  windowMs: number,
): string {
  return `SELECT level, count() AS sessions FROM (
       SELECT session_id, windowFunnel(${sqlInt(Math.max(1, Math.ceil(windowMs / 1000)))})(
         toUInt32(intDiv(timestamp_ms, 1000)), ${conditions.join(', ')}) AS level
       FROM events
       WHERE project_id = ${sqlString(projectId)} AND ${dateCondition(range)} AND ${timeCondition(range)}
         AND (${conditions.join(' OR ')})
       GROUP BY session_id)
     WHERE level > 0 GROUP BY level ORDER BY level`;
}
