import type { ClickHouseClient } from '@gosight/common/clickhouse';
import { createKafka } from '@gosight/common/kafka';
import type { Pool } from '@gosight/common/postgres';
import type { TestInfra } from '@gosight/common/test-infra';
import { topicsFor } from '@gosight/common/topics';
import { type RunningAlerter, startAlerterRole } from '../alerter-role.ts';

// The alerter role on a test's private infrastructure, evaluating and
// delivering every few hundred milliseconds, sending to `telegramApiUrl`.
export function startTestAlerter(options: {
  infra: TestInfra;
  pool: Pool;
  clickhouse: ClickHouseClient;
  telegramApiUrl: string;
  log?: (line: string) => void;
}): Promise<RunningAlerter> {
  const { infra } = options;
  return startAlerterRole({
    pool: options.pool,
    clickhouse: options.clickhouse,
    kafka: createKafka(infra.config.kafkaBrokers, `${infra.config.topicPrefix}-alerter`),
    topics: topicsFor(infra.config.topicPrefix),
    eventsWriterGroup: `${infra.config.topicPrefix}.events-writer`,
    lockName: `${infra.config.topicPrefix}.alerter`,
    config: {
      telegramApiUrl: options.telegramApiUrl,
      dashboardUrl: 'https://gosight.example',
      evaluateEveryMs: 200,
      deliverEveryMs: 100,
    },
    log: options.log ?? (() => {}),
  });
}
