import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { dateCondition, type Range, rows, timeCondition, viewportCondition } from './query-helpers.ts';

export interface HeatmapScope {
  projectId: string;
  url: string;
  viewportClass: ViewportClass;
  range: Range;
}

// Conditions on page_events (migration 0009), which is ordered by
// (project_id, type, url, event_id): a page's events are read without the rest.
function eventsOfPage(scope: HeatmapScope, types: string[]): string {
  return [
    `project_id = ${sqlString(scope.projectId)}`,
    dateCondition(scope.range),
    timeCondition(scope.range),
    `type IN (${types.map(sqlString).join(', ')})`,
    `url = ${sqlString(scope.url)}`,
    viewportCondition(scope.viewportClass),
  ].join(' AND ');
}

export interface ClickElementRow {
  selector: string;
  clicks: string;
  sessions: string;
  // sumMap result: cell indexes (y * grid + x) and their clicks.
  cells: [number[], string[]];
}

// One scan of the page's clicks, each counted once: per element its clicks,
// sessions and clicks per cell of a grid x grid division of its box, most
// clicked elements first. Reads page_clicks (migration 0011), ordered by
// (project_id, url, viewport_class, timestamp_ms, event_id): FINAL collapses
// redelivered copies of a click (same key) while reading the page's sorted
// range, which costs less than LIMIT 1 BY event_id's hash set on 18.16.
// 18.16 merges a FINAL read in one stream, so the range is read as two halves
// of time, each FINAL, in parallel (UNION ALL): copies share timestamp_ms, so
// they always fall into the same half and the answer stays exact.
export function queryClickMap(
  client: ClickHouseClient,
  scope: HeatmapScope,
  grid: number,
  maxElements: number,
) {
  const cell = (ratio: string) => `toUInt32(greatest(0, least(${grid - 1}, floor(${ratio} * ${grid}))))`;
  // The class column (same bounds as viewportCondition) narrows the key range.
  const viewportClass =
    scope.viewportClass === ViewportClass.UNSPECIFIED
      ? []
      : [`viewport_class = ${sqlInt(scope.viewportClass)}`];
  const where = [
    `project_id = ${sqlString(scope.projectId)}`,
    `url = ${sqlString(scope.url)}`,
    ...viewportClass,
    dateCondition(scope.range),
    viewportCondition(scope.viewportClass),
  ].join(' AND ');
  const { fromMs, toMs } = scope.range;
  const middleMs = fromMs + Math.floor((toMs - fromMs) / 2);
  const half = (range: Range) =>
    `SELECT selector, session_id, ${cell('target_y_ratio')} * ${grid} + ${cell('target_x_ratio')} AS cell_index
     FROM page_clicks FINAL WHERE ${where} AND ${timeCondition(range)}`;
  return rows<ClickElementRow>(
    client,
    `SELECT selector, count() AS clicks, uniqExact(session_id) AS sessions,
       sumMap([cell_index], [toUInt64(1)]) AS cells
     FROM (${half({ fromMs, toMs: middleMs })} UNION ALL ${half({ fromMs: middleMs, toMs })})
     GROUP BY selector ORDER BY clicks DESC, selector LIMIT ${sqlInt(maxElements)}`,
  );
}

// Deepest scroll per page view, counted per 5 % step. A page view is a
// session's visit of the URL; one without scroll events counts at depth 0.
export function queryScrollDepths(client: ClickHouseClient, scope: HeatmapScope) {
  return rows<{ step: number; views: string }>(
    client,
    `SELECT toUInt32(intDiv(least(depth, 100), 5)) AS step, count() AS views FROM (
       SELECT session_id, max(scroll_depth_percent) AS depth FROM page_events
       WHERE ${eventsOfPage(scope, ['page_view', 'scroll', 'page_leave'])}
       GROUP BY session_id)
     GROUP BY step ORDER BY step`,
  );
}

export function queryMovementCells(client: ClickHouseClient, scope: HeatmapScope, cellPx: number) {
  return rows<{ x: number; y: number; samples: string }>(
    client,
    `SELECT toUInt32(intDiv(page_x, ${sqlInt(cellPx)})) AS x, toUInt32(intDiv(page_y, ${sqlInt(cellPx)})) AS y,
       uniqExact(event_id, sample_index) AS samples
     FROM mouse_samples
     WHERE project_id = ${sqlString(scope.projectId)} AND ${dateCondition(scope.range)} AND ${timeCondition(scope.range)}
       AND url = ${sqlString(scope.url)} AND ${viewportCondition(scope.viewportClass)} AND page_x >= 0 AND page_y >= 0
     GROUP BY x, y ORDER BY y, x`,
  );
}

// The most recent replay chunk with a full snapshot of the page, from a
// session that viewed the page in that viewport class.
export async function querySnapshotChunk(client: ClickHouseClient, scope: HeatmapScope) {
  const found = await rows<{ session_id: string; first_timestamp_ms: string; events_json: string }>(
    client,
    `SELECT session_id, first_timestamp_ms, events_json FROM replay_chunks
     WHERE project_id = ${sqlString(scope.projectId)} AND ${dateCondition(scope.range)} AND url = ${sqlString(scope.url)}
       AND has_full_snapshot = 1
       AND session_id IN (SELECT session_id FROM page_events WHERE ${eventsOfPage(scope, ['page_view'])})
     ORDER BY first_timestamp_ms DESC LIMIT 1`,
  );
  return found[0];
}
