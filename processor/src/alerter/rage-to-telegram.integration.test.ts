import { create, toBinary } from '@bufbuild/protobuf';
import { createKafka, createProducer } from '@gosight/common/kafka';
import { startBotApiServer } from '@gosight/common/notify/bot-api-server';
import { createPostgres } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { sessionKey, topicsFor } from '@gosight/common/topics';
import { EventBatchRecordSchema } from '@gosight/proto/v1/pipeline_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { processorConfigFrom } from '../config.ts';
import { type RunningProcessor, startProcessor } from '../processor.ts';

// The whole way from traffic to a chat: a rage-click burst on the events
// topic, the detector role, the insights it writes, the alerter role, and a
// Telegram message through a local Bot API server.

const TOKEN = '777:rage-to-telegram-test-token';
let infra: TestInfra;
let telegram: Awaited<ReturnType<typeof startBotApiServer>>;
let processor: RunningProcessor;
const projectId = uniqueId('shop');

beforeAll(async () => {
  telegram = await startBotApiServer({ tokens: [TOKEN], chats: ['-42'] });
  infra = await createTestInfra('rage_alert');
  const pool = createPostgres(infra.config.postgresUrl, 1);
  await ensureProject(pool, projectId, 'Rage shop', uniqueId('key'));
  await pool.query(
    `INSERT INTO alert_channels (id, project_id, name, kind, telegram_bot_token, telegram_chat_id)
     VALUES ('chat', $1, 'Team', 'telegram', $2, '-42')`,
    [projectId, TOKEN],
  );
  await pool.query(
    `INSERT INTO alert_rules (id, project_id, name, metric, url_pattern, condition, threshold, window_seconds, severity, channel_ids)
     VALUES ('rage', $1, 'Checkout rage', 'rage_clicks', '*/checkout*', 'above', 0, 60, 'critical', '{chat}')`,
    [projectId],
  );
  await pool.end();
  processor = await startProcessor(
    {
      ...processorConfigFrom({}, []),
      infra: infra.config,
      roles: ['detector', 'alerter'],
      flushAgeMs: 200,
      metricsPort: undefined,
      alerter: {
        telegramApiUrl: telegram.url,
        dashboardUrl: 'https://gosight.example',
        evaluateEveryMs: 300,
        deliverEveryMs: 100,
      },
    },
    () => {},
  );
});

afterAll(async () => {
  await processor?.stop();
  await telegram?.close();
  await infra?.cleanup();
});

it('a rage-click burst on the checkout page reaches the team chat', async () => {
  const sessionId = uniqueId('sess');
  const now = Date.now();
  const record = create(EventBatchRecordSchema, {
    projectId,
    sessionId,
    receivedAtMs: BigInt(now),
    page: { url: 'https://shop.example/checkout' },
    events: [0, 150, 300, 450, 600].map((dt, i) => ({
      eventId: `${sessionId}-${i}`,
      timestampMs: BigInt(now - 1000 + dt),
      kind: {
        case: 'click' as const,
        value: {
          pageX: 200,
          pageY: 120,
          selector: '#pay',
          tag: 'button',
          interactive: true,
          reaction: { observedMs: 1000 },
        },
      },
    })),
  });
  const producer = createProducer(createKafka(infra.config.kafkaBrokers, 'rage-alert-test'));
  await producer.connect();
  await producer.send({
    topic: topicsFor(infra.config.topicPrefix).events,
    acks: -1,
    messages: [
      { key: sessionKey(projectId, sessionId), value: Buffer.from(toBinary(EventBatchRecordSchema, record)) },
    ],
  });
  await producer.disconnect();

  const message = await eventually(async () => telegram.received[0], 30_000, 'the Telegram message');
  expect(message.chatId).toBe('-42');
  const lines = message.text.split('\n');
  expect(lines.slice(0, 6)).toEqual([
    '🔴 <b>CRITICAL: Checkout rage</b>',
    'Project: <b>Rage shop</b>',
    'Rage clicks: <b>1</b> rage clicks in the last 1 min (threshold &gt; 0)',
    'Pages: <code>*/checkout*</code>',
    'Top page: https://shop.example/checkout',
    'Top element: <code>#pay</code>',
  ]);
  expect(lines[6]).toContain(`/projects/${projectId}/sessions/${sessionId}?t=${now - 1000}`);
});
