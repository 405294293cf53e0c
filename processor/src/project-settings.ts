import type { Pool } from '@gosight/common/postgres';

export interface ProjectSettings {
  timeZone: string;
  eventsRetentionDays: number;
  replayRetentionDays: number;
}

// Defaults of PostgreSQL migration 0005, for projects without a row.
export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  timeZone: 'UTC',
  eventsRetentionDays: 365,
  replayRetentionDays: 30,
};

export interface ProjectSettingsSource {
  get(projectIds: string[]): Promise<Map<string, ProjectSettings>>;
  all(): Promise<Map<string, ProjectSettings>>;
}

interface Row {
  id: string;
  time_zone: string;
  events_retention_days: number;
  replay_retention_days: number;
}

// Reads projects' settings from PostgreSQL, cached for ttlMs.
export function createProjectSettingsSource(pool: Pool, ttlMs = 60_000): ProjectSettingsSource {
  const cache = new Map<string, { settings: ProjectSettings; at: number }>();
  const toSettings = (row: Row): ProjectSettings => ({
    timeZone: row.time_zone,
    eventsRetentionDays: row.events_retention_days,
    replayRetentionDays: row.replay_retention_days,
  });
  const columns = 'id, time_zone, events_retention_days, replay_retention_days';
  return {
    async get(projectIds) {
      const now = Date.now();
      const missing = projectIds.filter((id) => {
        const hit = cache.get(id);
        return !hit || now - hit.at > ttlMs;
      });
      if (missing.length > 0) {
        const { rows } = await pool.query<Row>(`SELECT ${columns} FROM projects WHERE id = ANY($1)`, [
          missing,
        ]);
        for (const id of missing) cache.set(id, { settings: DEFAULT_PROJECT_SETTINGS, at: now });
        for (const row of rows) cache.set(row.id, { settings: toSettings(row), at: now });
      }
      return new Map(projectIds.map((id) => [id, cache.get(id)?.settings ?? DEFAULT_PROJECT_SETTINGS]));
    },
    async all() {
      const { rows } = await pool.query<Row>(`SELECT ${columns} FROM projects`);
      return new Map(rows.map((row) => [row.id, toSettings(row)]));
    },
  };
}
