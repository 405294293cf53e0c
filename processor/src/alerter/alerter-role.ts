import type { ClickHouseClient } from '@gosight/common/clickhouse';
import { createTelegramSender } from '@gosight/common/notify/telegram';
import { createWebhookSender } from '@gosight/common/notify/webhook';
import type { Topics } from '@gosight/common/topics';
import type { Kafka } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { AlerterConfig } from './config.ts';
import { createOutboxDelivery } from './deliver-outbox.ts';
import { evaluateRule } from './evaluate-rule.ts';
import { type AlertContext, firingMessage, recoveryMessage } from './format-message.ts';
import { type LoadedRule, loadRules } from './load-rules.ts';
import { consumerLag, measure } from './measure.ts';
import { enqueue } from './outbox.ts';

export interface AlerterDeps {
  pool: Pool;
  clickhouse: ClickHouseClient;
  kafka: Kafka;
  topics: Topics;
  // Group whose lag is the ingestion_lag metric, and the name of this deployment's alerter lock.
  eventsWriterGroup: string;
  lockName: string;
  config: AlerterConfig;
  log(line: string): void;
  now?: () => number;
}

export interface RunningAlerter {
  // Evaluates every rule now (also run on a timer and when insights arrive).
  evaluate(): Promise<void>;
  stop(): Promise<void>;
}

// The alerter: evaluates rules on a timer and whenever insights arrive; a rule
// that starts or stops breaching queues its messages in the same PostgreSQL
// transaction that records the new state, and a delivery loop drains that
// outbox. Restarts therefore neither repeat nor lose a message. One alerter
// per deployment works at a time (a PostgreSQL advisory lock), so replicas are safe.
export async function startAlerterRole(deps: AlerterDeps): Promise<RunningAlerter> {
  const now = deps.now ?? Date.now;
  const { pool, config, log } = deps;
  const admin = deps.kafka.admin();
  await admin.connect();
  const deliverDue = createOutboxDelivery(
    pool,
    { telegram: createTelegramSender(config.telegramApiUrl), webhook: createWebhookSender(now) },
    log,
    now,
  );

  let lockClient: PoolClient | undefined;
  async function isLeader(): Promise<boolean> {
    if (lockClient) return true;
    const client = await pool.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [deps.lockName],
    );
    if (rows[0]?.locked) {
      lockClient = client;
      log('alerter: this process evaluates the rules');
      return true;
    }
    client.release();
    return false;
  }

  async function evaluateOne({ rule, projectName, state }: LoadedRule): Promise<void> {
    const nowMs = now();
    const measured = await measure(
      {
        clickhouse: deps.clickhouse,
        ingestionLag: () => consumerLag(admin, deps.eventsWriterGroup, deps.topics.events),
      },
      rule,
      nowMs,
    );
    const result = evaluateRule(rule, state, measured, nowMs);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO alert_state (rule_id, firing, incident, last_fired_at_ms, last_value, evaluated_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (rule_id) DO UPDATE SET firing = $2, incident = $3, last_fired_at_ms = $4, last_value = $5, evaluated_at_ms = $6`,
        [
          rule.id,
          result.state.firing,
          result.state.incident,
          result.state.lastFiredAtMs,
          measured.value,
          nowMs,
        ],
      );
      const transition = result.transition;
      if (transition.kind !== 'none') {
        const context: AlertContext = {
          projectName,
          ...measured,
          limit: result.limit,
          dashboardUrl: config.dashboardUrl,
        };
        const kind = transition.kind === 'fire' ? 'firing' : 'recovery';
        const textHtml = kind === 'firing' ? firingMessage(rule, context) : recoveryMessage(rule, context);
        const payload = {
          kind,
          project: { id: rule.projectId, name: projectName },
          rule: {
            id: rule.id,
            name: rule.name,
            metric: rule.metric,
            severity: rule.severity,
            windowSeconds: rule.windowSeconds,
          },
          value: measured.value,
          limit: result.limit,
          topPage: measured.topPage,
          topElement: measured.topElement,
          exampleSessionId: measured.exampleSessionId,
          text: textHtml,
        };
        await enqueue(
          client,
          rule.channelIds.map((channelId) => ({
            ruleId: rule.id,
            channelId,
            kind,
            incident: transition.incident,
            textHtml,
            payload,
          })),
        );
        log(`alerter: rule ${rule.id} ${kind} (value ${measured.value}, limit ${result.limit})`);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  let evaluating: Promise<void> | undefined;
  function evaluate(): Promise<void> {
    evaluating ??= (async () => {
      try {
        if (!(await isLeader())) return;
        for (const loaded of await loadRules(pool)) {
          await evaluateOne(loaded).catch((error: unknown) =>
            log(
              `alerter: rule ${loaded.rule.id} not evaluated: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
        }
      } finally {
        evaluating = undefined;
      }
    })();
    return evaluating;
  }

  let delivering = false;
  async function deliver(): Promise<void> {
    if (delivering || !lockClient) return;
    delivering = true;
    try {
      await deliverDue();
    } catch (error) {
      log(`alerter: delivery round failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      delivering = false;
    }
  }

  // New insights make signal rules worth a look before the next tick.
  const consumer = deps.kafka.consumer({
    groupId: `${deps.lockName}.insights-trigger`,
    maxWaitTimeInMs: 200,
  });
  let triggered: NodeJS.Timeout | undefined;
  await consumer.connect();
  await consumer.subscribe({ topic: deps.topics.insights, fromBeginning: false });
  await consumer.run({
    eachBatch: async () => {
      triggered ??= setTimeout(() => {
        triggered = undefined;
        void evaluate().catch(() => {});
      }, 250);
    },
  });

  const evaluateTimer = setInterval(() => void evaluate().catch(() => {}), config.evaluateEveryMs);
  const deliverTimer = setInterval(() => void deliver(), config.deliverEveryMs);
  void evaluate().catch(() => {});

  return {
    evaluate,
    async stop() {
      clearInterval(evaluateTimer);
      clearInterval(deliverTimer);
      if (triggered) clearTimeout(triggered);
      await consumer.disconnect();
      await evaluating?.catch(() => {});
      while (delivering) await new Promise((resolve) => setTimeout(resolve, 20));
      await admin.disconnect();
      if (lockClient) {
        await lockClient.query('SELECT pg_advisory_unlock(hashtext($1))', [deps.lockName]).catch(() => {});
        lockClient.release();
      }
    },
  };
}
