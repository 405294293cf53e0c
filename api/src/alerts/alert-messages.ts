import { create } from '@bufbuild/protobuf';
import {
  type AlertChannel,
  AlertChannelKind,
  AlertChannelSchema,
  type AlertCondition,
  type AlertMetric,
  type AlertRule,
  AlertRuleSchema,
  type AlertSeverity,
} from '@gosight/proto/v1/alert_service_pb';
import type { ChannelRow, RuleRow } from './alert-store.ts';

// Names stored in PostgreSQL and used by the alerter (processor/src/alerter/rule.ts),
// in the order of the proto enum values.
export const METRICS = [
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
export const CONDITIONS = ['above', 'below', 'anomaly'] as const;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;

// enum value n (1-based) <-> names[n - 1]; undefined for UNSPECIFIED or unknown.
export function nameOf<T extends string>(names: readonly T[], value: number): T | undefined {
  return names[value - 1];
}

function enumValue(names: readonly string[], name: string): number {
  return names.indexOf(name) + 1;
}

export function channelMessage(row: ChannelRow): AlertChannel {
  return create(AlertChannelSchema, {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    kind: row.kind === 'telegram' ? AlertChannelKind.TELEGRAM : AlertChannelKind.WEBHOOK,
    telegramChatId: row.telegram_chat_id ?? '',
    webhookUrl: row.webhook_url ?? '',
  });
}

export function ruleMessage(row: RuleRow): AlertRule {
  return create(AlertRuleSchema, {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    metric: enumValue(METRICS, row.metric) as AlertMetric,
    urlPattern: row.url_pattern ?? '',
    condition: enumValue(CONDITIONS, row.condition) as AlertCondition,
    threshold: row.threshold,
    anomalyFactor: row.anomaly_factor,
    baselineWindows: row.baseline_windows,
    windowSeconds: row.window_seconds,
    cooldownSeconds: row.cooldown_seconds,
    severity: enumValue(SEVERITIES, row.severity) as AlertSeverity,
    channelIds: row.channel_ids,
    firing: row.firing ?? false,
    lastValue: row.last_value ?? 0,
    evaluatedAtMs: BigInt(row.evaluated_at_ms ?? 0),
  });
}
