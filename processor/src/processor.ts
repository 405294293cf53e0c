import { createClickHouse } from '@gosight/common/clickhouse';
import { createKafka } from '@gosight/common/kafka';
import { createPostgres, type Pool } from '@gosight/common/postgres';
import { topicsFor } from '@gosight/common/topics';
import { startAlerter } from './alerter/start-alerter.ts';
import type { ProcessorConfig, Role } from './config.ts';
import { startDetectorRole } from './detector-role.ts';
import { createProcessorMetrics } from './metrics.ts';
import { type MetricsServer, startMetricsServer } from './metrics-server.ts';
import { createProjectSettingsSource, type ProjectSettingsSource } from './project-settings.ts';
import type { RoleContext, RunningRole, StartRole } from './role.ts';
import { startEventsRole, startReplayRole, startRetentionRole, startSessionsRole } from './roles.ts';

// One entry per role in config.ts ROLES.
const ROLE_STARTERS: Record<Role, StartRole> = {
  events: startEventsRole,
  replay: startReplayRole,
  sessions: startSessionsRole,
  retention: startRetentionRole,
  detector: (context) => startDetectorRole(context),
  alerter: startAlerter,
};

export interface RunningProcessor {
  metricsPort?: number;
  ready(): boolean;
  stop(): Promise<void>;
}

export async function startProcessor(
  config: ProcessorConfig,
  log: (line: string) => void,
): Promise<RunningProcessor> {
  const { infra } = config;
  const kafka = createKafka(infra.kafkaBrokers, 'gosight-processor');
  const clickhouse = createClickHouse(infra.clickhouseUrl, infra.clickhouseDatabase);
  const metrics = createProcessorMetrics();
  let pool: Pool | undefined;
  let projects: ProjectSettingsSource | undefined;
  const postgres = () => (pool ??= createPostgres(infra.postgresUrl, 3));
  const context: RoleContext = {
    config,
    infra,
    kafka,
    clickhouse,
    clickhouseTarget: { url: infra.clickhouseUrl, database: infra.clickhouseDatabase },
    postgres,
    projects: () => (projects ??= createProjectSettingsSource(postgres())),
    topics: topicsFor(infra.topicPrefix),
    metrics,
    log,
    consumerDefaults: {
      kafka,
      dlqTopic: topicsFor(infra.topicPrefix).dlq,
      maxRows: config.flushRows,
      maxAgeMs: config.flushAgeMs,
      metrics,
      log,
      pauseAfterWriteMs: config.testPauseAfterWriteMs,
      sessionTimeoutMs: config.sessionTimeoutMs,
    },
  };
  const roles: RunningRole[] = [];
  for (const role of config.roles) {
    roles.push(await ROLE_STARTERS[role](context));
    log(`role ${role} started`);
  }
  const ready = () => roles.every((role) => role.ready());
  let server: MetricsServer | undefined;
  if (config.metricsPort !== undefined) {
    try {
      server = await startMetricsServer(
        metrics.registry,
        ready,
        config.metricsHost ?? '0.0.0.0',
        config.metricsPort,
      );
      log(`metrics, /healthz and /readyz on port ${server.port}`);
    } catch (error) {
      // Processing matters more than its probes; the missing port shows in them.
      log(`metrics server not started: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    metricsPort: server?.port,
    ready,
    async stop() {
      await server?.close();
      await Promise.all(roles.map((role) => role.stop()));
      await clickhouse.close();
      await pool?.end();
    },
  };
}
