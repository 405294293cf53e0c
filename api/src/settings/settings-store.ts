import type { Queryable } from '../accounts/db.ts';
import { one } from '../accounts/db.ts';
import type { SignalName } from './signal-thresholds.ts';

export interface SettingsRow {
  id: string;
  time_zone: string;
  events_retention_days: number;
  replay_retention_days: number;
  allowed_origins: string[];
  rate_limit_events_per_second: number | null;
  rate_limit_burst_events: number | null;
  truncate_ip: boolean;
  blocked_urls: string[];
}

export type Overrides = Record<string, number | boolean>;

const COLUMNS = `id, time_zone, events_retention_days, replay_retention_days, allowed_origins,
  rate_limit_events_per_second, rate_limit_burst_events, truncate_ip, blocked_urls`;

export function readSettings(db: Queryable, projectId: string): Promise<SettingsRow | undefined> {
  return one<SettingsRow>(db, `SELECT ${COLUMNS} FROM projects WHERE id = $1`, [projectId]);
}

export async function readOverrides(db: Queryable, projectId: string): Promise<Map<string, Overrides>> {
  const { rows } = await db.query<{ signal: string; overrides: Overrides }>(
    'SELECT signal, overrides FROM project_signal_settings WHERE project_id = $1',
    [projectId],
  );
  return new Map(rows.map((row) => [row.signal, row.overrides]));
}

export type SettingsChange = Partial<Omit<SettingsRow, 'id'>>;

// Writes the columns the change names; returns the row after the change.
export function writeSettings(
  db: Queryable,
  projectId: string,
  change: SettingsChange,
): Promise<SettingsRow | undefined> {
  const entries = Object.entries(change).filter(([, value]) => value !== undefined);
  if (entries.length === 0) return readSettings(db, projectId);
  const sets = entries.map(([column], i) => `${column} = $${i + 2}`).join(', ');
  return one<SettingsRow>(db, `UPDATE projects SET ${sets} WHERE id = $1 RETURNING ${COLUMNS}`, [
    projectId,
    ...entries.map(([, value]) => value),
  ]);
}

export async function writeOverrides(
  db: Queryable,
  projectId: string,
  signal: SignalName,
  overrides: Overrides,
) {
  await db.query(
    `INSERT INTO project_signal_settings (project_id, signal, overrides, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (project_id, signal) DO UPDATE SET overrides = EXCLUDED.overrides, updated_at = now()`,
    [projectId, signal, JSON.stringify(overrides)],
  );
}
