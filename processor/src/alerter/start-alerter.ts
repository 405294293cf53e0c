import type { RoleContext, RunningRole } from '../role.ts';
import { startAlerterRole } from './alerter-role.ts';
import { alerterConfigFrom } from './config.ts';

// The alerter as a processor role (processor.ts ROLE_STARTERS).
export async function startAlerter(context: RoleContext): Promise<RunningRole> {
  const prefix = context.infra.topicPrefix;
  const alerter = await startAlerterRole({
    pool: context.postgres(),
    clickhouse: context.clickhouse,
    kafka: context.kafka,
    topics: context.topics,
    eventsWriterGroup: `${prefix}.events-writer`,
    lockName: `${prefix}.alerter`,
    config: context.config.alerter ?? alerterConfigFrom({}),
    log: context.log,
  });
  return { ready: () => true, stop: () => alerter.stop() };
}
