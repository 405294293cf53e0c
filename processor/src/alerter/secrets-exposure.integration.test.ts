import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ClickHouseClient, createClickHouse } from '@gosight/common/clickhouse';
import { startBotApiServer } from '@gosight/common/notify/bot-api-server';
import { createPostgres, type Pool } from '@gosight/common/postgres';
import { ensureProject } from '@gosight/common/projects';
import { createTestInfra, eventually, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningAlerter } from './alerter-role.ts';
import { startTestAlerter } from './testing/start-test-alerter.ts';

// The alerter holds the Telegram bot tokens and webhook secrets of every
// channel. Deliveries that fail every way they can (5xx, an unknown chat, a
// webhook answering 500, a webhook nobody listens on) must leave neither in
// the processor's log nor in what the outbox records as the last error.

const BOT_TOKEN = '123456:BOTsecretAAH7xk29QwErTyUiOp';
const WEBHOOK_SECRET = 'webhook-secret-9f8e7d6c5b4a3210';
const projectId = uniqueId('secretshop');
const log: string[] = [];
let infra: TestInfra;
let pool: Pool;
let clickhouse: ClickHouseClient;
let telegram: Awaited<ReturnType<typeof startBotApiServer>>;
let failingHook: http.Server;
let alerter: RunningAlerter | undefined;

beforeAll(async () => {
  infra = await createTestInfra('alerter_secrets');
  pool = createPostgres(infra.config.postgresUrl, 3);
  clickhouse = createClickHouse(infra.config.clickhouseUrl, infra.config.clickhouseDatabase);
  telegram = await startBotApiServer({ tokens: [BOT_TOKEN], chats: ['-100'] });
  telegram.failNext(2, 502);
  failingHook = http.createServer((_request, response) => response.writeHead(500).end('down'));
  await new Promise<void>((resolve) => failingHook.listen(0, '127.0.0.1', resolve));
  // A port that was open a moment ago and is closed now: nobody listens there.
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));

  await ensureProject(pool, projectId, 'Secret shop', uniqueId('key'));
  await pool.query(
    `INSERT INTO alert_channels (id, project_id, name, kind, telegram_bot_token, telegram_chat_id, webhook_url, webhook_secret)
     VALUES ('team', $1, 'Team', 'telegram', $2, '-100', NULL, NULL),
            ('gone', $1, 'Gone chat', 'telegram', $2, '-999', NULL, NULL),
            ('hook500', $1, 'Hook', 'webhook', NULL, NULL, $3, $5),
            ('hookdown', $1, 'Hook down', 'webhook', NULL, NULL, $4, $5)`,
    [
      projectId,
      BOT_TOKEN,
      `http://127.0.0.1:${(failingHook.address() as AddressInfo).port}/hook`,
      `http://127.0.0.1:${closedPort}/hook`,
      WEBHOOK_SECRET,
    ],
  );
  await pool.query(
    `INSERT INTO alert_rules (id, project_id, name, metric, url_pattern, condition, threshold, window_seconds, cooldown_seconds, severity, channel_ids)
     VALUES ('rage', $1, 'Rage', 'rage_clicks', NULL, 'above', 0, 3, 600, 'critical', $2)`,
    [projectId, ['team', 'gone', 'hook500', 'hookdown']],
  );
  alerter = await startTestAlerter({
    infra,
    pool,
    clickhouse,
    telegramApiUrl: telegram.url,
    log: (line) => log.push(line),
  });
});

afterAll(async () => {
  await alerter?.stop();
  await telegram?.close();
  failingHook?.close();
  await clickhouse?.close();
  await pool?.end();
  await infra?.cleanup();
});

it('keeps bot tokens and webhook secrets out of the log and the outbox errors when deliveries fail', async () => {
  const now = Date.now();
  await clickhouse.insert({
    table: 'insights',
    values: [
      {
        project_id: projectId,
        session_id: 'session-1',
        insight_id: uniqueId('rage'),
        type: 'rage_click',
        timestamp_ms: now - 100,
        end_timestamp_ms: now,
        detected_at_ms: now,
        date: new Date(now).toISOString().slice(0, 10),
        url: 'https://shop.example/checkout',
        selector: '#pay',
      },
    ],
    format: 'JSONEachRow',
  });
  const outbox = await eventually(
    async () => {
      const { rows } = await pool.query<{
        channel_id: string;
        attempts: number;
        sent: boolean;
        failed: boolean;
        last_error: string;
      }>(
        `SELECT channel_id, attempts, sent_at IS NOT NULL AS sent, failed_at IS NOT NULL AS failed,
           coalesce(last_error, '') AS last_error
         FROM alert_outbox WHERE rule_id = 'rage' ORDER BY channel_id`,
      );
      const byChannel = new Map(rows.map((row) => [row.channel_id, row]));
      const done =
        byChannel.get('team')?.sent &&
        byChannel.get('gone')?.failed &&
        byChannel.get('hook500')?.last_error &&
        byChannel.get('hookdown')?.last_error;
      return done ? rows : undefined;
    },
    30_000,
    'a delivery, a failed chat and two failed webhooks',
  );
  // The two 502s go to whichever Telegram channel is tried first; the team chat gets through in the end.
  expect(outbox.map((row) => [row.channel_id, row.last_error])).toEqual([
    ['gone', 'Telegram answered 400: Bad Request: chat not found'],
    ['hook500', 'webhook answered 500'],
    ['hookdown', 'webhook unreachable (TypeError)'],
    ['team', expect.stringMatching(/^(|Telegram answered 502: Internal Server Error)$/)],
  ]);
  expect(
    log.filter((line) => line.includes('deferred') && line.includes('Telegram answered 502')),
  ).toHaveLength(2);
  expect(
    log.filter((line) => line.includes('deferred') && line.includes('webhook')).length,
  ).toBeGreaterThanOrEqual(2);

  const haystacks = {
    log: log.join('\n'),
    'outbox errors': outbox.map((row) => row.last_error).join('\n'),
    'message text': telegram.received.map((message) => message.text).join('\n'),
  };
  const found = Object.entries(haystacks).flatMap(([where, hay]) =>
    [BOT_TOKEN, WEBHOOK_SECRET, BOT_TOKEN.split(':')[1]!]
      .filter((secret) => hay.includes(secret))
      .map((secret) => `${where} contains ${secret.slice(0, 8)}...`),
  );
  expect(found).toEqual([]);
}, 45_000);
