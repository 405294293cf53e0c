import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Code, ConnectError } from '@connectrpc/connect';
import { startBotApiServer } from '@gosight/common/notify/bot-api-server';
import {
  AlertChannelKind,
  AlertCondition,
  AlertMetric,
  AlertService,
  AlertSeverity,
} from '@gosight/proto/v1/alert_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiHarness, createApiHarness } from './test/api-harness.ts';

const TOKEN = '123456:AAbbCCddEEffGGhhIIjjKKll';
let telegram: Awaited<ReturnType<typeof startBotApiServer>>;
let api: ApiHarness;
let projectId: string;
let owner: string;

beforeAll(async () => {
  telegram = await startBotApiServer({ tokens: [TOKEN], chats: ['-1001'] });
  api = await createApiHarness('alerts_api', { telegramApiUrl: telegram.url });
  ({ projectId, ownerToken: owner } = await api.project('Alerted shop'));
});

afterAll(async () => {
  await api?.close();
  await telegram?.close();
});

it('creates a Telegram channel without ever returning its token, and sends a test message', async () => {
  const alerts = api.client(AlertService, owner);
  const { channel } = await alerts.createAlertChannel({
    projectId,
    name: 'Team <chat>',
    kind: AlertChannelKind.TELEGRAM,
    telegramBotToken: TOKEN,
    telegramChatId: '-1001',
  });
  expect(channel).toMatchObject({
    name: 'Team <chat>',
    kind: AlertChannelKind.TELEGRAM,
    telegramChatId: '-1001',
  });
  const listed = await alerts.listAlertChannels({ projectId });
  expect(JSON.stringify(listed)).not.toContain(TOKEN);
  expect(listed.channels.map((c) => c.id)).toEqual([channel!.id]);

  const sent = await alerts.sendTestMessage({ projectId, channelId: channel!.id });
  expect(sent).toMatchObject({ delivered: true, error: '' });
  expect(telegram.received.at(-1)).toMatchObject({ chatId: '-1001', parseMode: 'HTML' });
  expect(telegram.received.at(-1)?.text).toContain('GoSight test message');
});

it('reports what Telegram answered for a wrong chat', async () => {
  const alerts = api.client(AlertService, owner);
  const { channel } = await alerts.createAlertChannel({
    projectId,
    name: 'Old chat',
    kind: AlertChannelKind.TELEGRAM,
    telegramBotToken: TOKEN,
    telegramChatId: '-999',
  });
  const sent = await alerts.sendTestMessage({ projectId, channelId: channel!.id });
  expect(sent).toMatchObject({
    delivered: false,
    error: 'Telegram answered 400: Bad Request: chat not found',
  });
});

it('creates, lists and deletes rules; refuses bad input with the field named', async () => {
  const alerts = api.client(AlertService, owner);
  const { channels } = await alerts.listAlertChannels({ projectId });
  const { rule } = await alerts.createAlertRule({
    rule: {
      projectId,
      name: 'Checkout rage',
      metric: AlertMetric.RAGE_CLICKS,
      urlPattern: '*/checkout*',
      condition: AlertCondition.ABOVE,
      threshold: 10,
      windowSeconds: 300,
      cooldownSeconds: 900,
      severity: AlertSeverity.CRITICAL,
      channelIds: [channels[0]!.id],
    },
  });
  expect(rule).toMatchObject({
    metric: AlertMetric.RAGE_CLICKS,
    condition: AlertCondition.ABOVE,
    severity: AlertSeverity.CRITICAL,
    anomalyFactor: 3,
    baselineWindows: 12,
    firing: false,
  });
  expect((await alerts.listAlertRules({ projectId })).rules.map((r) => r.name)).toEqual(['Checkout rage']);

  const refusal = async (input: object) =>
    ConnectError.from(
      await alerts.createAlertRule({ rule: { projectId, name: 'x', ...input } }).catch((e) => e),
    );
  const noMetric = await refusal({
    condition: AlertCondition.ABOVE,
    windowSeconds: 60,
    channelIds: [channels[0]!.id],
  });
  expect([noMetric.code, noMetric.rawMessage]).toEqual([Code.InvalidArgument, 'rule.metric is required']);
  const foreign = await refusal({
    metric: AlertMetric.SESSIONS,
    condition: AlertCondition.BELOW,
    windowSeconds: 60,
    channelIds: ['chn_elsewhere'],
  });
  expect(foreign.rawMessage).toBe('rule.channel_ids: chn_elsewhere not channels of this project');

  await alerts.deleteAlertRule({ projectId, ruleId: rule!.id });
  expect((await alerts.listAlertRules({ projectId })).rules).toEqual([]);
  const gone = ConnectError.from(
    await alerts.deleteAlertRule({ projectId, ruleId: rule!.id }).catch((e) => e),
  );
  expect(gone.code).toBe(Code.NotFound);
});

it('refuses a webhook without a usable URL or secret', async () => {
  const alerts = api.client(AlertService, owner);
  const error = ConnectError.from(
    await alerts
      .createAlertChannel({
        projectId,
        name: 'Hook',
        kind: AlertChannelKind.WEBHOOK,
        webhookUrl: 'ftp://x',
        webhookSecret: 'short',
      })
      .catch((e) => e),
  );
  expect([error.code, error.rawMessage]).toEqual([
    Code.InvalidArgument,
    'webhook_url must be an http(s) URL',
  ]);
});

it('signs webhook messages so the receiver can check them', async () => {
  const secret = 'a-shared-secret-of-24chr';
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const alerts = api.client(AlertService, owner);
    const { channel } = await alerts.createAlertChannel({
      projectId,
      name: 'Ops hook',
      kind: AlertChannelKind.WEBHOOK,
      webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/gosight`,
      webhookSecret: secret,
    });
    expect(JSON.stringify(await alerts.listAlertChannels({ projectId }))).not.toContain(secret);
    expect(await alerts.sendTestMessage({ projectId, channelId: channel!.id })).toMatchObject({
      delivered: true,
    });
    const [{ headers, body }] = received as [(typeof received)[number]];
    const timestamp = String(headers['x-gosight-timestamp']);
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
    expect(headers['x-gosight-signature']).toBe(expected);
    expect(JSON.parse(body)).toMatchObject({ kind: 'test', project: { id: projectId } });
  } finally {
    server.close();
  }
});
