import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { startBotApiServer } from '@gosight/common/notify/bot-api-server';
import { eventually } from '@gosight/common/test-infra';
import { AuthService } from '@gosight/proto/v1/auth_service_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServices } from '../../deploy/local/services.ts';
import { type E2eStack, type E2eUser, startE2eStack } from './stack.ts';

// The whole path, nothing mocked: Debian's Chromium runs the SDK on the demo
// site; the ingestor, Kafka, the processor, ClickHouse, the API and the
// dashboard are the real processes that `npm start` runs.

let stack: E2eStack;
let services: RunningServices;
let browser: Browser;
let projectId: string;
// A person signs in: the API requires a session token, the dashboard keeps it in a cookie.
let user: E2eUser;
let logs: string[];

const TELEGRAM_TOKEN = '4242:e2e-token-for-the-local-bot-api';
let telegram: Awaited<ReturnType<typeof startBotApiServer>>;

beforeAll(async () => {
  telegram = await startBotApiServer({ tokens: [TELEGRAM_TOKEN], chats: ['-100777'] });
  stack = await startE2eStack('e2e', 17100, { GOSIGHT_TELEGRAM_API_URL: telegram.url });
  ({ services, browser, projectId, logs } = stack);
  user = stack.users.owner;
});

afterAll(async () => {
  await stack?.stop();
  await telegram?.close();
});

it('a click on the demo site becomes a session with a replay that the dashboard plays', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(services.urls.demo);
  const addToCart = page.getByRole('button', { name: /add to cart/i });
  await addToCart.click();
  await addToCart.click();
  const transport = createConnectTransport({ baseUrl: services.urls.api, httpVersion: '1.1' });
  const { sessionToken } = await createClient(AuthService, transport).login({
    email: user.email,
    password: user.password,
  });
  const api = createClient(SessionService, transport);
  const headers = { authorization: `Bearer ${sessionToken}` };
  const session = await eventually(
    async () => {
      const { sessions } = await api.listSessions({ projectId }, { headers });
      // The project is this test's own, so its only session is the one just recorded.
      expect(sessions.length).toBeLessThanOrEqual(1);
      return sessions.find((s) => s.clicks >= 2 && s.hasReplay);
    },
    30_000,
    'the API to return the session with two clicks and a replay',
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n--- service logs ---\n${logs.slice(-80).join('\n')}`);
  });
  const detail = await api.getSession({ projectId, sessionId: session.sessionId }, { headers });
  const clicks = detail.events.filter((event) => event.type === 'click');
  expect(clicks).toHaveLength(2);
  expect(clicks[0]).toMatchObject({ tag: 'button', selector: '#add-to-cart' });
  expect(clicks[0]?.pageX).toBeGreaterThan(0);
  expect(
    detail.events.some((event) => event.type === 'page_view' && event.url.startsWith(services.urls.demo)),
  ).toBe(true);
  const replay = await api.getSessionReplay({ projectId, sessionId: session.sessionId }, { headers });
  expect(JSON.parse(replay.chunks[0]!.eventsJson).some((event: { type: number }) => event.type === 2)).toBe(
    true,
  );

  const dashboard = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Signed out, the dashboard sends the visitor to its login page.
  await dashboard.goto(`${services.urls.dashboard}/projects/${projectId}/sessions`);
  await dashboard.waitForURL(/\/login/);
  await dashboard.getByLabel('Password').fill('wrong password');
  await dashboard.getByLabel('Email').fill(user.email);
  await dashboard.getByRole('button', { name: 'Sign in' }).click();
  await dashboard.getByTestId('login-error').waitFor();
  // Guessing at one account is throttled by the API, and the page says for how long.
  for (let attempt = 1; attempt <= 6; attempt++) {
    await dashboard.goto(`${services.urls.dashboard}/login`);
    await dashboard.getByLabel('Email').fill('nobody@example.test');
    await dashboard.getByLabel('Password').fill(`guess ${attempt}`);
    await dashboard.getByRole('button', { name: 'Sign in' }).click();
    await dashboard.waitForURL(/error=/);
  }
  expect(await dashboard.getByTestId('login-error').textContent()).toMatch(
    /^Too many failed sign-ins for this account or address\. Try again in \d+ (seconds|minutes)\.$/,
  );
  await dashboard.getByLabel('Email').fill(user.email);
  await dashboard.getByLabel('Password').fill(user.password);
  await dashboard.getByRole('button', { name: 'Sign in' }).click();
  await dashboard.waitForURL((url) => !url.pathname.startsWith('/login'));
  await dashboard.goto(`${services.urls.dashboard}/projects/${projectId}/sessions`);
  await dashboard.locator(`[data-testid="session-row"][data-session-id="${session.sessionId}"]`).waitFor();
  await stack.screenshot(dashboard, 'e2e-sessions');

  await dashboard.goto(`${services.urls.dashboard}/projects/${projectId}/sessions/${session.sessionId}`);
  const player = dashboard.locator('[data-testid="replay-player"]');
  await player.waitFor();
  // The player rebuilds the recorded page inside an iframe: the demo's button must be there.
  const replayed = dashboard
    .frameLocator('[data-testid="replay-player"] iframe')
    .getByText(/add to cart/i)
    .first();
  await replayed.waitFor({ state: 'attached', timeout: 15_000 });
  await stack.screenshot(dashboard, 'e2e-session-replay');
});

it('an owner adds a Telegram channel, receives its test message, and adds a rule', async () => {
  const page = await stack.signedInPage('owner');
  await page.goto(`${services.urls.dashboard}/projects/${projectId}/sessions`);
  await page.getByRole('link', { name: 'Alerts' }).click();
  await page.getByLabel('Channel name').fill('Team chat');
  await page.getByLabel('Bot token').fill(TELEGRAM_TOKEN);
  await page.getByLabel('Chat id').fill('-100777');
  await page.getByRole('button', { name: 'Add Telegram channel' }).click();
  await page.getByRole('status').filter({ hasText: 'Channel added' }).waitFor();
  expect(await page.getByTestId('alert-channels').textContent()).not.toContain(TELEGRAM_TOKEN);

  await page.getByRole('button', { name: 'Send test message' }).click();
  await page.getByRole('status').filter({ hasText: 'Test message delivered' }).waitFor();
  expect(telegram.received.map((message) => [message.chatId, message.text.split('\n')[0]])).toEqual([
    ['-100777', '✅ <b>GoSight test message</b>'],
  ]);

  await page.getByLabel('Rule name').fill('Checkout rage');
  await page.getByLabel('URL pattern').fill('*/checkout*');
  await page.getByLabel('Channels').selectOption({ label: 'Team chat' });
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('status').filter({ hasText: 'Rule added' }).waitFor();
  expect(await page.getByTestId('alert-rules').textContent()).toContain(
    'Rage clicks above 10 in 5 min on */checkout*',
  );
  await stack.screenshot(page, 'e2e-alerts');
});
