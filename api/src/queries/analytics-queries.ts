import { type ClickHouseClient, sqlInt, sqlString } from '@gosight/common/clickhouse';
import { urlCondition, urlsContaining } from './page-urls.ts';
import { dateCondition, type Range, rows, timeCondition } from './query-helpers.ts';
import { latestSessions } from './sessions-table.ts';

export interface OverviewRow {
  bucket: string;
  sessions: string;
  users: string;
  total_page_views: string;
  bounces: string;
  average_duration_ms: number;
  rage: string;
  dead: string;
  error_clicks: string;
  thrashed: string;
  with_errors: string;
}

// Figures of the sessions that started in the range, in one bucket or per
// bucket of bucketMs.
export function queryOverview(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  bucketMs?: number,
): Promise<OverviewRow[]> {
  const bucket = bucketMs ? `intDiv(start_ms, ${sqlInt(bucketMs)}) * ${sqlInt(bucketMs)}` : '0';
  return rows(
    client,
    `SELECT ${bucket} AS bucket, count() AS sessions, uniqExact(if(user_id != '', user_id, device_id)) AS users,
       sum(page_views) AS total_page_views, countIf(page_views <= 1) AS bounces,
       if(count() = 0, 0, avg(duration_ms)) AS average_duration_ms,
       countIf(rage_clicks > 0) AS rage, countIf(dead_clicks > 0) AS dead, countIf(error_clicks > 0) AS error_clicks,
       countIf(thrashed_cursors > 0) AS thrashed, countIf(errors > 0) AS with_errors
     FROM ${latestSessions(projectId, range, 'start_ms, user_id, device_id, page_views, duration_ms, rage_clicks, dead_clicks, error_clicks, thrashed_cursors, errors')}
     WHERE ${timeCondition(range, 'start_ms')}
     GROUP BY bucket ORDER BY bucket`,
  );
}

export type FunnelMatch =
  | { case: 'urlContains'; value: string }
  | { case: 'clickSelector'; value: string }
  | { case: 'customEvent'; value: string };

const STEP_TYPE: Record<FunnelMatch['case'], string> = {
  urlContains: 'page_view',
  clickSelector: 'click',
  customEvent: 'custom',
};

export function stepCondition(match: FunnelMatch): string {
  switch (match.case) {
    case 'urlContains':
      return `(type = 'page_view' AND positionCaseInsensitive(url, ${sqlString(match.value)}) > 0)`;
    case 'clickSelector':
      return `(type = 'click' AND selector = ${sqlString(match.value)})`;
    case 'customEvent':
      return `(type = 'custom' AND event_name = ${sqlString(match.value)})`;
  }
}

// For each session with a first step in the range: how far down the steps it
// went, in order, within windowMs of its first step (windowFunnel counts in
// whole seconds). Duplicated rows do not change the level reached. Reads
// page_events (migration 0009): only the step types' rows, not every event;
// URL steps are first resolved to the exact URLs that contain them
// (page_view_urls, migration 0010), so the key narrows the read to those pages.
export async function queryFunnelLevels(
  client: ClickHouseClient,
  projectId: string,
  range: Range,
  steps: FunnelMatch[],
  windowMs: number,
): Promise<{ level: number; sessions: string }[]> {
  const urlSteps = steps.filter((step) => step.case === 'urlContains').map((step) => step.value);
  const urls = await urlsContaining(client, projectId, range, urlSteps);
  const conditions = steps.map((step) =>
    step.case === 'urlContains'
      ? `(type = 'page_view' AND ${urlCondition(step.value, urls[urlSteps.indexOf(step.value)])})`
      : stepCondition(step),
  );
  // Spelled out so the primary key (project_id, type, url, …) narrows the read.
  const types = [...new Set(steps.map((step) => STEP_TYPE[step.case]))].sort();
  return rows(
    client,
    `SELECT level, count() AS sessions FROM (
       SELECT session_id, windowFunnel(${sqlInt(Math.max(1, Math.ceil(windowMs / 1000)))})(
         toUInt32(intDiv(timestamp_ms, 1000)), ${conditions.join(', ')}) AS level
       FROM page_events
       WHERE project_id = ${sqlString(projectId)} AND type IN (${types.map(sqlString).join(', ')})
         AND ${dateCondition(range)} AND ${timeCondition(range)} AND (${conditions.join(' OR ')})
       GROUP BY session_id)
     WHERE level > 0 GROUP BY level ORDER BY level`,
  );
}
