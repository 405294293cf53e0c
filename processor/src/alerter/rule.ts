// An alert rule as stored in PostgreSQL (common/migrations/postgres/0020_alerting.sql).

export const ALERT_METRICS = [
  'rage_clicks',
  'dead_clicks',
  'error_clicks',
  'thrashed_cursors',
  'js_errors',
  'error_rate',
  'sessions',
  'events',
  'ingestion_lag',
] as const;
export type AlertMetric = (typeof ALERT_METRICS)[number];

export type AlertCondition = 'above' | 'below' | 'anomaly';
export type Severity = 'info' | 'warning' | 'critical';

export interface AlertRule {
  id: string;
  projectId: string;
  name: string;
  metric: AlertMetric;
  urlPattern: string | null;
  condition: AlertCondition;
  threshold: number;
  anomalyFactor: number;
  baselineWindows: number;
  windowSeconds: number;
  cooldownSeconds: number;
  severity: Severity;
  channelIds: string[];
}

export interface RuleState {
  firing: boolean;
  // Id of the current (or last) breach; messages of one breach share it.
  incident: string | null;
  lastFiredAtMs: number;
}

export const INITIAL_STATE: RuleState = { firing: false, incident: null, lastFiredAtMs: 0 };

export const METRIC_LABELS: Record<AlertMetric, { name: string; unit: string }> = {
  rage_clicks: { name: 'Rage clicks', unit: 'rage clicks' },
  dead_clicks: { name: 'Dead clicks', unit: 'dead clicks' },
  error_clicks: { name: 'Error clicks', unit: 'error clicks' },
  thrashed_cursors: { name: 'Thrashed cursors', unit: 'thrashed cursors' },
  js_errors: { name: 'JavaScript errors', unit: 'errors' },
  error_rate: { name: 'Error rate', unit: '% of sessions with an error' },
  sessions: { name: 'Sessions', unit: 'sessions' },
  events: { name: 'Events', unit: 'events' },
  ingestion_lag: { name: 'Ingestion lag', unit: 'messages behind' },
};
