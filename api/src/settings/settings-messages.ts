import { create } from '@bufbuild/protobuf';
import {
  type ProjectSettings,
  ProjectSettingsSchema,
  type SignalSettings,
  SignalSettingsSchema,
} from '@gosight/proto/v1/project_service_pb';
import type { Overrides, SettingsRow } from './settings-store.ts';
import { SIGNALS, type SignalName, THRESHOLDS } from './signal-thresholds.ts';

export function signalMessage(signal: SignalName, overrides: Overrides | undefined): SignalSettings {
  return create(SignalSettingsSchema, {
    signal,
    thresholds: THRESHOLDS[signal].map((spec) => {
      const stored = overrides?.[spec.name];
      const value = typeof stored === typeof spec.default ? stored : spec.default;
      return {
        name: spec.name,
        description: spec.description,
        value: Number(value),
        defaultValue: Number(spec.default),
        min: spec.min,
        max: spec.max,
        flag: typeof spec.default === 'boolean',
        unit: spec.unit,
      };
    }),
  });
}

export function settingsMessage(row: SettingsRow, overrides: Map<string, Overrides>): ProjectSettings {
  return create(ProjectSettingsSchema, {
    projectId: row.id,
    timeZone: row.time_zone,
    eventsRetentionDays: row.events_retention_days,
    replayRetentionDays: row.replay_retention_days,
    ingest: {
      allowedOrigins: row.allowed_origins,
      rateLimitEventsPerSecond: row.rate_limit_events_per_second ?? 0,
      rateLimitBurstEvents: row.rate_limit_burst_events ?? 0,
    },
    privacy: { truncateIp: row.truncate_ip, blockedUrls: row.blocked_urls },
    signals: SIGNALS.map((signal) => signalMessage(signal, overrides.get(signal))),
  });
}
