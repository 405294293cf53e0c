// Secrets never appear in the API's log or in its answers: the API runs as
// its own process with stdout/stderr captured; sign-in, write keys, API
// tokens and alert channels (with a Telegram bot token and a webhook secret,
// test messages to local servers that fail) are exercised; then every log
// line and every answer that is not the one-time creation answer is searched.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { createTestInfra, type TestInfra, uniqueId } from '@gosight/common/test-infra';
import { AlertChannelKind, AlertService } from '@gosight/proto/v1/alert_service_pb';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { ProjectService, Role } from '@gosight/proto/v1/project_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startProcess, stopProcess, waitForHttp } from '../../deploy/local/services.ts';

const PASSWORD = 'pw-secret-Kx83hQ-long';
const BOT_TOKEN = '123456:BOTsecretAAH7xk29QwErTy';
const WEBHOOK_SECRET = 'webhook-secret-9f8e7d6c5b4a';
const root = fileURLToPath(new URL('../../', import.meta.url));
const log: string[] = [];
const seen: string[] = [];
let infra: TestInfra;
let child: ReturnType<typeof startProcess>;
let failing: http.Server;
let baseUrl: string;

// A Bot API and a webhook receiver that answer 500, recording what they got.
function failingServer(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (part) => (body += part));
    request.on('end', () => {
      seen.push(`${request.url} ${JSON.stringify(request.headers)} ${body}`);
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end('{"ok":false,"description":"down"}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  infra = await createTestInfra('api_secrets');
  failing = await failingServer();
  const c = infra.config;
  child = startProcess(
    'api',
    'npx',
    ['tsx', 'src/main.ts'],
    `${root}api`,
    {
      GOSIGHT_API_PORT: '0',
      GOSIGHT_TELEGRAM_API_URL: `http://127.0.0.1:${(failing.address() as AddressInfo).port}`,
      GOSIGHT_POSTGRES_URL: c.postgresUrl,
      GOSIGHT_CLICKHOUSE_URL: c.clickhouseUrl,
      GOSIGHT_CLICKHOUSE_DB: c.clickhouseDatabase,
      GOSIGHT_REDIS_URL: c.redisUrl,
    },
    (line) => log.push(line),
  );
  const deadline = Date.now() + 30_000;
  while (!log.some((line) => line.includes('listening on')) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  baseUrl = /listening on (http:\/\/[\d.:]+)/.exec(log.join('\n'))?.[1] ?? 'http://127.0.0.1:1';
  await waitForHttp(`${baseUrl}/healthz`, 5_000);
}, 40_000);

afterAll(async () => {
  if (child) await stopProcess(child);
  failing?.close();
  await infra?.cleanup();
});

const text = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? String(v) : v));

it('keeps passwords, session tokens, API tokens, bot tokens and webhook secrets out of logs and answers', async () => {
  const transport = createConnectTransport({ baseUrl, httpVersion: '1.1' });
  const auth = createClient(AuthService, transport);
  const email = `${uniqueId('owner')}@example.test`;
  const boot = await auth.bootstrap({
    email,
    password: PASSWORD,
    projectName: 'Secret shop',
  });
  const projectId = boot.project!.projectId;
  await auth.login({ email, password: `${PASSWORD}-wrong` }).catch((error: unknown) => error);
  const login = await auth.login({ email, password: PASSWORD });
  const headers = { authorization: `Bearer ${login.sessionToken}` };
  const projects = createClient(ProjectService, transport);
  const alerts = createClient(AlertService, transport);
  const created = await projects.createApiToken({ projectId, label: 'ci', role: Role.VIEWER }, { headers });
  await projects.createWriteKey({ projectId, label: 'site' }, { headers });
  const telegram = await alerts.createAlertChannel(
    {
      projectId,
      name: 'tg',
      kind: AlertChannelKind.TELEGRAM,
      telegramBotToken: BOT_TOKEN,
      telegramChatId: '-100',
    },
    { headers },
  );
  const webhook = await alerts.createAlertChannel(
    {
      projectId,
      name: 'hook',
      kind: AlertChannelKind.WEBHOOK,
      webhookUrl: `http://127.0.0.1:${(failing.address() as AddressInfo).port}/hook`,
      webhookSecret: WEBHOOK_SECRET,
    },
    { headers },
  );
  const answers = [
    telegram,
    webhook,
    await alerts.sendTestMessage({ projectId, channelId: telegram.channel!.id }, { headers }),
    await alerts.sendTestMessage({ projectId, channelId: webhook.channel!.id }, { headers }),
    await alerts.listAlertChannels({ projectId }, { headers }),
    await projects.listApiTokens({ projectId }, { headers }),
    await projects.listWriteKeys({ projectId }, { headers }),
    await projects.listMembers({ projectId }, { headers }),
    await projects.listProjects({}, { headers }),
    await auth.getMe({}, { headers }),
  ];
  await auth.logout({}, { headers });
  const secrets = [
    PASSWORD,
    BOT_TOKEN,
    WEBHOOK_SECRET,
    boot.sessionToken,
    login.sessionToken,
    created.secret,
  ];
  expect(secrets.every((secret) => secret.length >= 16)).toBe(true);
  const haystacks = {
    log: log.join('\n'),
    answers: text(answers),
    'webhook request': seen.filter((request) => request.startsWith('/hook')).join('\n'),
  };
  const found = Object.entries(haystacks).flatMap(([where, hay]) =>
    secrets
      .filter((secret) => hay.includes(secret))
      .map((secret) => `${where} contains ${secret.slice(0, 8)}...`),
  );
  expect(found).toEqual([]);
  expect(log.some((line) => line.includes('listening'))).toBe(true);
  expect(seen.length).toBe(2);
}, 40_000);
