import { type ClickHouseClient, sqlString } from '@gosight/common/clickhouse';
import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../project-settings.ts';
import { utcDate } from '../utc-date.ts';

// Which retention setting each table follows. All are partitioned by month of
// their `date` column (the server's receive date).
export const RETENTION_TABLES: ReadonlyArray<{
  table: string;
  setting: 'eventsRetentionDays' | 'replayRetentionDays';
}> = [
  { table: 'events', setting: 'eventsRetentionDays' },
  { table: 'page_events', setting: 'eventsRetentionDays' },
  { table: 'page_view_urls', setting: 'eventsRetentionDays' },
  { table: 'page_clicks', setting: 'eventsRetentionDays' },
  { table: 'mouse_samples', setting: 'eventsRetentionDays' },
  { table: 'insights', setting: 'eventsRetentionDays' },
  { table: 'sessions', setting: 'eventsRetentionDays' },
  { table: 'replay_chunks', setting: 'replayRetentionDays' },
];

export interface RetentionResult {
  droppedPartitions: string[];
  // "table: n projects" for each mutation issued.
  mutations: string[];
}

const DAY_MS = 86_400_000;

export function cutoffDate(nowMs: number, days: number): string {
  return utcDate(nowMs - days * DAY_MS);
}

// Deletes what is past each project's retention: whole partitions when every
// row in them is past the longest retention of any project (cheap), otherwise
// one ALTER TABLE ... DELETE mutation per table covering every project with
// expired rows. Projects without a PostgreSQL row get the defaults.
export async function enforceRetention(
  clickhouse: ClickHouseClient,
  projects: Map<string, ProjectSettings>,
  nowMs: number,
): Promise<RetentionResult> {
  const result: RetentionResult = { droppedPartitions: [], mutations: [] };
  for (const { table, setting } of RETENTION_TABLES) {
    const days = [DEFAULT_PROJECT_SETTINGS[setting], ...[...projects.values()].map((p) => p[setting])];
    const everyoneCutoff = cutoffDate(nowMs, Math.max(...days));
    const parts = await select<{ partition: string }>(
      clickhouse,
      `SELECT partition FROM system.parts
       WHERE database = currentDatabase() AND table = ${sqlString(table)} AND active
       GROUP BY partition HAVING max(max_date) < ${sqlString(everyoneCutoff)}`,
    );
    for (const { partition } of parts) {
      if (!/^\d+$/.test(partition)) continue;
      await clickhouse.command({ query: `ALTER TABLE ${table} DROP PARTITION ${partition}` });
      result.droppedPartitions.push(`${table}/${partition}`);
    }

    const earliestCutoff = cutoffDate(nowMs, Math.min(...days));
    const expired = await select<{ project_id: string; oldest: string }>(
      clickhouse,
      `SELECT project_id, min(date) AS oldest FROM ${table}
       WHERE date < ${sqlString(earliestCutoff)} GROUP BY project_id`,
    );
    const conditions: string[] = [];
    for (const { project_id, oldest } of expired) {
      const cutoff = cutoffDate(nowMs, (projects.get(project_id) ?? DEFAULT_PROJECT_SETTINGS)[setting]);
      if (oldest < cutoff)
        conditions.push(`(project_id = ${sqlString(project_id)} AND date < ${sqlString(cutoff)})`);
    }
    if (conditions.length === 0) continue;
    // A mutation rewrites parts; do not queue another while one is running.
    const [running] = await select<{ n: string }>(
      clickhouse,
      `SELECT count() AS n FROM system.mutations
       WHERE database = currentDatabase() AND table = ${sqlString(table)} AND is_done = 0`,
    );
    if (Number(running?.n ?? 0) > 0) continue;
    await clickhouse.command({ query: `ALTER TABLE ${table} DELETE WHERE ${conditions.join(' OR ')}` });
    result.mutations.push(`${table}: ${conditions.length} projects`);
  }
  return result;
}

async function select<T>(clickhouse: ClickHouseClient, query: string): Promise<T[]> {
  const result = await clickhouse.query({ query, format: 'JSONEachRow' });
  return result.json<T>();
}
