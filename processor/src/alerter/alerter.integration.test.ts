import { type ClickHouseClient, createClickHouse } from '@gosight/common/clickhouse';
import { startBotApiServer } from '@gosight/common/notify/bot-api-server';
import { createPostgres, type Pool } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningAlerter } from './alerter-role.ts';
import { startTestAlerter } from './testing/start-test-alerter.ts';

// Generated insights make rules fire against a local Bot API server; the
// alerter is stopped and started again mid-way, as a deployment would.

const TOKEN = '123456:test-token';
let infra: TestInfra;
let pool: Pool;
let clickhouse: ClickHouseClient;
let telegram: Awaited<ReturnType<typeof startBotApiServer>>;
let alerter: RunningAlerter | undefined;
const projectId = uniqueId('shop');

async function startAlerter() {
  alerter = await startTestAlerter({ infra, pool, clickhouse, telegramApiUrl: telegram.url });
}

async function insertInsights(type: string, count: number, url = 'https://shop.example/checkout') {
  const now = Date.now();
  await clickhouse.insert({
    table: 'insights',
    values: Array.from({ length: count }, (_, index) => ({
      project_id: projectId,
      session_id: `session-${index % 2}`,
      insight_id: uniqueId(type),
      type,
      timestamp_ms: now - 100,
      end_timestamp_ms: now,
      detected_at_ms: now,
      date: new Date(now).toISOString().slice(0, 10),
      url,
      selector: index === 0 ? '#total' : '#pay',
    })),
    format: 'JSONEachRow',
  });
}

async function addRule(id: string, metric: string, channelId: string, extra: Record<string, unknown> = {}) {
  const rule = {
    threshold: 2,
    window_seconds: 3,
    cooldown_seconds: 60,
    url_pattern: null,
    severity: 'critical',
    ...extra,
  };
  await pool.query(
    `INSERT INTO alert_rules (id, project_id, name, metric, url_pattern, condition, threshold, window_seconds, cooldown_seconds, severity, channel_ids)
     VALUES ($1, $2, $3, $4, $5, 'above', $6, $7, $8, $9, $10)`,
    [
      id,
      projectId,
      `${metric} <spike>`,
      metric,
      rule.url_pattern,
      rule.threshold,
      rule.window_seconds,
      rule.cooldown_seconds,
      rule.severity,
      [channelId],
    ],
  );
}

const messages = (pattern: RegExp) => telegram.received.filter((m) => pattern.test(m.text));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  infra = await createTestInfra('alerter');
  pool = createPostgres(infra.config.postgresUrl, 5);
  clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  telegram = await startBotApiServer({ tokens: [TOKEN], chats: ['-100200'] });
  await ensureProject(pool, projectId, 'Shop & Co', uniqueId('key'));
  await pool.query(
    `INSERT INTO alert_channels (id, project_id, name, kind, telegram_bot_token, telegram_chat_id)
     VALUES ('team', $1, 'Team chat', 'telegram', $2, '-100200'), ('wrong', $1, 'Old chat', 'telegram', $2, '-999')`,
    [projectId, TOKEN],
  );
  await addRule('rage', 'rage_clicks', 'team', { url_pattern: '*/checkout*' });
  await startAlerter();
});

afterAll(async () => {
  await alerter?.stop();
  await telegram?.close();
  await clickhouse?.close();
  await pool?.end();
  await infra?.cleanup();
});

it('fires once per breach, honours retry_after, recovers, holds the cooldown and survives a restart', async () => {
  telegram.failNext(1, 429, 1);
  await insertInsights('rage_click', 3);
  await insertInsights('rage_click', 5, 'https://shop.example/home');

  const [firing] = await eventually(
    async () => (messages(/CRITICAL/).length ? messages(/CRITICAL/) : undefined),
    15_000,
    'the firing message',
  );
  expect(firing!.chatId).toBe('-100200');
  expect(firing!.parseMode).toBe('HTML');
  const lines = firing!.text.split('\n');
  expect(lines.slice(0, -1)).toEqual([
    '🔴 <b>CRITICAL: rage_clicks &lt;spike&gt;</b>',
    'Project: <b>Shop &amp; Co</b>',
    'Rage clicks: <b>3</b> rage clicks in the last 3 s (threshold &gt; 2)',
    'Pages: <code>*/checkout*</code>',
    'Top page: https://shop.example/checkout',
    'Top element: <code>#pay</code>',
  ]);
  const dashboard = `https://gosight.example/projects/${projectId}/sessions`;
  expect(lines.at(-1)).toMatch(
    new RegExp(
      `^<a href="${dashboard}">Open GoSight</a> · <a href="${dashboard}/session-[01]\\?t=\\d+">Example replay</a>$`,
    ),
  );
  const rateLimited = telegram.attempts.find((attempt) => attempt.status === 429)!;
  expect(firing!.atMs - rateLimited.atMs).toBeGreaterThanOrEqual(1000);

  // Still breaching: no second message.
  await insertInsights('rage_click', 4);
  await pause(1000);
  expect(messages(/CRITICAL/)).toHaveLength(1);

  // Quiet for a whole window: one recovery message.
  await eventually(
    async () => (messages(/Resolved/).length ? true : undefined),
    15_000,
    'the recovery message',
  );
  expect(messages(/Resolved/)[0]!.text).toContain('Rage clicks is back to 0 rage clicks in the last 3 s');

  // A new breach inside the 60 s cooldown is held back.
  await insertInsights('rage_click', 6);
  await pause(1500);
  expect(messages(/CRITICAL/)).toHaveLength(1);

  // Restart: the state comes from PostgreSQL, nothing is sent again.
  await alerter!.stop();
  await startAlerter();
  await pause(1500);
  expect(telegram.received).toHaveLength(2);
});

it('keeps a firing queued across a restart while Telegram fails, then sends it exactly once', async () => {
  await addRule('dead', 'dead_clicks', 'team', { threshold: 0 });
  telegram.failNext(1000, 502);
  await insertInsights('dead_click', 1);
  await eventually(
    async () => {
      const { rows } = await pool.query(
        "SELECT attempts FROM alert_outbox WHERE rule_id = 'dead' AND sent_at IS NULL",
      );
      return rows[0]?.attempts >= 1 ? true : undefined;
    },
    15_000,
    'a failed delivery attempt',
  );
  await alerter!.stop();
  telegram.clearFailures();
  await startAlerter();
  const dead = await eventually(
    async () => (messages(/dead_clicks/).length ? messages(/dead_clicks/) : undefined),
    90_000,
    'the queued firing',
  );
  await pause(1000);
  expect(dead).toHaveLength(1);
  expect(messages(/dead_clicks/)).toHaveLength(1);
});

it('marks a message for an unknown chat failed instead of retrying it forever', async () => {
  await addRule('wrong-chat', 'error_clicks', 'wrong', { threshold: 0 });
  await insertInsights('error_click', 1);
  const failed = await eventually(
    async () => {
      const { rows } = await pool.query(
        "SELECT attempts, last_error FROM alert_outbox WHERE rule_id = 'wrong-chat' AND failed_at IS NOT NULL",
      );
      return rows[0] as { attempts: number; last_error: string } | undefined;
    },
    15_000,
    'the failed message',
  );
  expect(failed.last_error).toBe('Telegram answered 400: Bad Request: chat not found');
  await pause(800);
  const { rows } = await pool.query("SELECT attempts FROM alert_outbox WHERE rule_id = 'wrong-chat'");
  expect(rows[0].attempts).toBe(1);
});
