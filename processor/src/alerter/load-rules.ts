import type { Pool } from 'pg';
import type { AlertRule, RuleState } from './rule.ts';

export interface LoadedRule {
  rule: AlertRule;
  projectName: string;
  state: RuleState;
}

interface RuleRow {
  id: string;
  project_id: string;
  project_name: string;
  name: string;
  metric: AlertRule['metric'];
  url_pattern: string | null;
  condition: AlertRule['condition'];
  threshold: number;
  anomaly_factor: number;
  baseline_windows: number;
  window_seconds: number;
  cooldown_seconds: number;
  severity: AlertRule['severity'];
  channel_ids: string[];
  firing: boolean | null;
  incident: string | null;
  last_fired_at_ms: string | null;
}

export async function loadRules(pool: Pool): Promise<LoadedRule[]> {
  const { rows } = await pool.query<RuleRow>(
    `SELECT r.*, p.name AS project_name, s.firing, s.incident, s.last_fired_at_ms
     FROM alert_rules r JOIN projects p ON p.id = r.project_id LEFT JOIN alert_state s ON s.rule_id = r.id
     WHERE r.enabled ORDER BY r.id`,
  );
  return rows.map((row) => ({
    projectName: row.project_name,
    rule: {
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      metric: row.metric,
      urlPattern: row.url_pattern,
      condition: row.condition,
      threshold: row.threshold,
      anomalyFactor: row.anomaly_factor,
      baselineWindows: row.baseline_windows,
      windowSeconds: row.window_seconds,
      cooldownSeconds: row.cooldown_seconds,
      severity: row.severity,
      channelIds: row.channel_ids,
    },
    state: {
      firing: row.firing ?? false,
      incident: row.incident,
      lastFiredAtMs: Number(row.last_fired_at_ms ?? 0),
    },
  }));
}
