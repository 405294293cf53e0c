import type { Queryable } from '../accounts/db.ts';
import { all, one } from '../accounts/db.ts';

// Alert channels and rules in PostgreSQL (common/migrations/postgres/0020_alerting.sql),
// always scoped by project.

export interface ChannelRow {
  id: string;
  project_id: string;
  name: string;
  kind: 'telegram' | 'webhook';
  telegram_bot_token: string | null;
  telegram_chat_id: string | null;
  webhook_url: string | null;
  webhook_secret: string | null;
}

export interface RuleRow {
  id: string;
  project_id: string;
  name: string;
  metric: string;
  url_pattern: string | null;
  condition: 'above' | 'below' | 'anomaly';
  threshold: number;
  anomaly_factor: number;
  baseline_windows: number;
  window_seconds: number;
  cooldown_seconds: number;
  severity: 'info' | 'warning' | 'critical';
  channel_ids: string[];
  firing: boolean | null;
  last_value: number | null;
  evaluated_at_ms: string | null;
}

export function channelsOf(db: Queryable, projectId: string): Promise<ChannelRow[]> {
  return all(db, 'SELECT * FROM alert_channels WHERE project_id = $1 ORDER BY created_at, id', [projectId]);
}

export function channel(db: Queryable, projectId: string, id: string): Promise<ChannelRow | undefined> {
  return one(db, 'SELECT * FROM alert_channels WHERE project_id = $1 AND id = $2', [projectId, id]);
}

export function insertChannel(db: Queryable, row: ChannelRow): Promise<ChannelRow | undefined> {
  return one(
    db,
    `INSERT INTO alert_channels (id, project_id, name, kind, telegram_bot_token, telegram_chat_id, webhook_url, webhook_secret)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [
      row.id,
      row.project_id,
      row.name,
      row.kind,
      row.telegram_bot_token,
      row.telegram_chat_id,
      row.webhook_url,
      row.webhook_secret,
    ],
  );
}

export async function deleteChannel(db: Queryable, projectId: string, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM alert_channels WHERE project_id = $1 AND id = $2', [
    projectId,
    id,
  ]);
  if (result.rowCount === 0) return false;
  await db.query('UPDATE alert_rules SET channel_ids = array_remove(channel_ids, $2) WHERE project_id = $1', [
    projectId,
    id,
  ]);
  return true;
}

const RULE_COLUMNS = `r.*, s.firing, s.last_value, s.evaluated_at_ms`;

export function rulesOf(db: Queryable, projectId: string): Promise<RuleRow[]> {
  return all(
    db,
    `SELECT ${RULE_COLUMNS} FROM alert_rules r LEFT JOIN alert_state s ON s.rule_id = r.id
     WHERE r.project_id = $1 ORDER BY r.created_at, r.id`,
    [projectId],
  );
}

export async function insertRule(
  db: Queryable,
  row: Omit<RuleRow, 'firing' | 'last_value' | 'evaluated_at_ms'>,
) {
  await db.query(
    `INSERT INTO alert_rules (id, project_id, name, metric, url_pattern, condition, threshold, anomaly_factor,
       baseline_windows, window_seconds, cooldown_seconds, severity, channel_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      row.id,
      row.project_id,
      row.name,
      row.metric,
      row.url_pattern,
      row.condition,
      row.threshold,
      row.anomaly_factor,
      row.baseline_windows,
      row.window_seconds,
      row.cooldown_seconds,
      row.severity,
      row.channel_ids,
    ],
  );
  return one<RuleRow>(
    db,
    `SELECT ${RULE_COLUMNS} FROM alert_rules r LEFT JOIN alert_state s ON s.rule_id = r.id WHERE r.id = $1`,
    [row.id],
  );
}

export async function deleteRule(db: Queryable, projectId: string, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM alert_rules WHERE project_id = $1 AND id = $2', [projectId, id]);
  return (result.rowCount ?? 0) > 0;
}
