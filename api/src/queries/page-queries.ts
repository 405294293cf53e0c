import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import type { ViewportClass } from '@gosight/proto/v1/query_pb';
import { dateCondition, type Range, rows, timeCondition, viewportCondition } from './query-helpers.ts';

export interface PageViewsRow {
  url: string;
  page_views: string;
  sessions: string;
}

// The most viewed pages of a project in a range, from page_events (ordered by
// project, type and URL, so only the page views are read).
export function queryPageViews(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  viewportClass: ViewportClass,
  limit: number,
) {
  return rows<PageViewsRow>(
    client,
    `SELECT url, uniqExact(event_id) AS page_views, uniqExact(session_id) AS sessions
     FROM page_events
     WHERE project_id = ${sqlString(projectId)} AND type = 'page_view' AND url != ''
       AND ${dateCondition(range)} AND ${timeCondition(range)} AND ${viewportCondition(viewportClass)}
     GROUP BY url
     ORDER BY page_views DESC, url
     LIMIT ${sqlInt(limit)}`,
  );
}
