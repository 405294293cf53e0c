import { ConfigError, type Env, intFrom, listFrom, stringFrom } from '@gosight/common/env';
import { type InfraConfig, infraConfigFrom } from '@gosight/common/infra-config';
import { type AlerterConfig, alerterConfigFrom } from './alerter/config.ts';

export const ROLES = ['events', 'replay', 'sessions', 'retention', 'detector', 'alerter'] as const;
export type Role = (typeof ROLES)[number];

export interface ProcessorConfig {
  infra: InfraConfig;
  roles: Role[];
  flushRows: number;
  flushAgeMs: number;
  // Port of /healthz, /readyz and /metrics; 0 picks a free one (tests).
  metricsHost?: string;
  metricsPort?: number;
  retentionIntervalMs?: number;
  sessionTimeoutMs?: number;
  // Test-only: pause between a successful write and its offset commit.
  testPauseAfterWriteMs?: number;
  alerter?: AlerterConfig;
}

export function rolesFrom(list: string[]): Role[] {
  const unknown = list.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0)
    throw new ConfigError(`unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);
  return list as Role[];
}

// Roles come from --roles=a,b or GOSIGHT_PROCESSOR_ROLES; all by default.
export function processorConfigFrom(env: Env, argv: readonly string[]): ProcessorConfig {
  const flag = argv.find((arg) => arg.startsWith('--roles='));
  const roles = flag
    ? flag.slice('--roles='.length).split(',')
    : listFrom(env, 'GOSIGHT_PROCESSOR_ROLES', ROLES);
  return {
    infra: infraConfigFrom(env),
    roles: rolesFrom(roles),
    flushRows: intFrom(env, 'GOSIGHT_FLUSH_ROWS', 20_000, 1),
    flushAgeMs: intFrom(env, 'GOSIGHT_FLUSH_AGE_MS', 500, 10),
    metricsHost: stringFrom(env, 'GOSIGHT_PROCESSOR_METRICS_HOST', '0.0.0.0'),
    metricsPort: intFrom(env, 'GOSIGHT_PROCESSOR_METRICS_PORT', 7500, 0, 65535),
    retentionIntervalMs: intFrom(env, 'GOSIGHT_RETENTION_INTERVAL_MS', 3_600_000, 1000),
    sessionTimeoutMs: intFrom(env, 'GOSIGHT_CONSUMER_SESSION_TIMEOUT_MS', 30_000, 6000, 300_000),
    testPauseAfterWriteMs: intFrom(env, 'GOSIGHT_TEST_PAUSE_AFTER_WRITE_MS', 0, 0),
    alerter: alerterConfigFrom(env),
  };
}
