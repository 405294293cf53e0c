import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { createPostgres } from '@gosight/common/postgres';
import { uniqueId } from '@gosight/common/test-infra';
import { AlertChannelKind, AlertService } from '@gosight/proto/v1/alert_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertUser } from '../../api/src/accounts/users.ts';
import { type E2eStack, startE2eStack } from './stack.ts';

// Settings as Owners, Admins and Members use it, against the real stack: the
// page shows what the API stored, after a reload.

let stack: E2eStack;
let base: string;
const newcomer = `${uniqueId('newcomer')}@example.test`;

beforeAll(async () => {
  stack = await startE2eStack('settings', 18500);
  base = `${stack.services.urls.dashboard}/projects/${encodeURIComponent(stack.projectId)}/settings`;
  const pool = createPostgres(stack.infra.config.postgresUrl, 1);
  await insertUser(pool, { email: newcomer, name: 'New Comer', passwordHash: 'not used' });
  await pool.end();
});

afterAll(async () => {
  await stack?.stop();
});

it('lets an Owner change the project, thresholds, keys and members', async () => {
  const page = await stack.signedInPage('owner');
  await page.goto(`${base}?tab=project`);
  await page.getByTestId('time-zone').selectOption('Europe/Berlin');
  await page.getByRole('button', { name: 'Save project' }).click();
  await expect.poll(() => page.getByTestId('settings-done').textContent()).toBe('Project saved');
  await page.reload();
  expect(await page.getByTestId('time-zone').inputValue()).toBe('Europe/Berlin');

  await page.getByRole('link', { name: 'Signal thresholds' }).click();
  const minClicks = page.getByTestId('threshold-rage_click-minClicks');
  expect(await minClicks.inputValue()).toBe('5');
  await minClicks.fill('3');
  await page.getByRole('button', { name: 'Save rage clicks' }).click();
  await expect
    .poll(() => page.getByTestId('settings-done').textContent())
    .toBe('Thresholds of rage click saved');
  await page.reload();
  expect(await page.getByTestId('threshold-rage_click-minClicks').inputValue()).toBe('3');
  await expect
    .poll(() => page.getByTestId('signal-rage_click').textContent())
    .toContain('Default 5, from 2 to 50');

  await page.getByRole('link', { name: 'Write keys' }).click();
  await page.getByLabel('Write key label').fill('e2e key');
  await page.getByRole('button', { name: 'Create write key' }).click();
  const secret = (await page.getByTestId('secret-value').textContent()) ?? '';
  expect(secret).toMatch(/^gs_[\w-]{20,}$/);
  const reveal = page.getByTestId('secret-reveal');
  expect(await reveal.getAttribute('role')).toBe('status');
  expect(await reveal.textContent()).toContain('shown only once');
  const prefix = secret.slice(0, 11);
  const row = page.getByRole('row').filter({ hasText: 'e2e key' });
  await expect.poll(() => row.textContent()).toContain(`${prefix}…`);
  await page.reload();
  // Shown once: after a reload only the prefix is on the page.
  expect(await page.content()).not.toContain(secret);
  await row.getByRole('button', { name: `Revoke key ${prefix}` }).click();
  await expect.poll(() => page.getByTestId('settings-done').textContent()).toMatch(/^Write key revoked/);
  expect(await page.getByRole('row').filter({ hasText: 'e2e key' }).textContent()).toContain('Revoked');
  await stack.screenshot(page, 'e2e-settings-keys');

  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('Email of the member').fill(newcomer);
  await page.getByLabel('Role of the new member').selectOption({ label: 'Viewer' });
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect.poll(() => page.getByTestId('settings-done').textContent()).toBe(`${newcomer} added`);
  const member = page.getByTestId(`member-${newcomer}`);
  expect(await member.getByLabel(`Role of ${newcomer}`).inputValue()).toBe('4');
  await member.getByLabel(`Role of ${newcomer}`).selectOption({ label: 'Member' });
  await member.getByRole('button', { name: 'Change role' }).click();
  await expect.poll(() => page.getByTestId('settings-done').textContent()).toBe('Role changed');
  expect(await page.getByTestId(`member-${newcomer}`).getByLabel(`Role of ${newcomer}`).inputValue()).toBe(
    '3',
  );

  // The last Owner cannot step down: the API's reason is on the page.
  const owner = page.getByTestId(`member-${stack.users.owner.email}`);
  await owner.getByLabel(`Role of ${stack.users.owner.email}`).selectOption({ label: 'Viewer' });
  await owner.getByRole('button', { name: 'Change role' }).click();
  await expect
    .poll(() => page.getByTestId('settings-error').textContent())
    .toBe('A project keeps at least one Owner: make someone else Owner first');
  await stack.screenshot(page, 'e2e-settings');
  await page.close();
});

it('lets an Admin change retention, and shows a Member why Settings are closed', async () => {
  const admin = await stack.signedInPage('admin');
  await admin.goto(`${base}?tab=retention`);
  await admin.getByLabel('Keep session replays for (days)').fill('14');
  await admin.getByRole('button', { name: 'Save retention' }).click();
  await expect.poll(() => admin.getByTestId('settings-done').textContent()).toBe('Retention saved');
  await admin.reload();
  expect(await admin.getByLabel('Keep session replays for (days)').inputValue()).toBe('14');

  // Alerts: an Admin removes a channel.
  const alerts = createClient(
    AlertService,
    createConnectTransport({ baseUrl: stack.services.urls.api, httpVersion: '1.1' }),
  );
  await alerts.createAlertChannel(
    {
      projectId: stack.projectId,
      name: 'Old webhook',
      kind: AlertChannelKind.WEBHOOK,
      webhookUrl: 'https://hooks.example.test/gosight',
      webhookSecret: 'a-secret-of-some-length',
    },
    { headers: { authorization: `Bearer ${await stack.apiToken('admin')}` } },
  );
  await admin.goto(`${stack.services.urls.dashboard}/projects/${encodeURIComponent(stack.projectId)}/alerts`);
  expect(await admin.getByTestId('alert-channels').textContent()).toContain('Old webhook');
  await admin.getByRole('button', { name: 'Remove channel Old webhook' }).click();
  await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Channel removed' }).count()).toBe(1);
  expect(await admin.getByTestId('alert-channels').textContent()).not.toContain('Old webhook');
  expect(await admin.getByTestId('no-channels').count()).toBe(1);
  await admin.close();

  const member = await stack.signedInPage('member');
  await member.goto(base);
  const closed = member.getByTestId('settings-no-access');
  expect(await closed.textContent()).toContain('Settings need Owner or Admin');
  expect(await closed.textContent()).toContain('You are Member in this project');
  expect(await member.getByTestId('project-nav').textContent()).not.toContain('Settings');
  await member.close();
});

it('offers first-user set-up only while there is no user', async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.services.urls.dashboard}/setup`);
  await page.waitForURL(/\/login\?setup=done/);
  expect(await page.getByText('GoSight is already set up: sign in.').count()).toBe(1);
  expect(await page.getByTestId('setup-link').count()).toBe(0);

  // A fresh installation: no user at all (this file's own database).
  const pool = createPostgres(stack.infra.config.postgresUrl, 1);
  await pool.query('DELETE FROM users');
  await pool.end();
  await page.goto(`${stack.services.urls.dashboard}/login`);
  await page.getByTestId('setup-link').getByRole('link', { name: 'Set up GoSight' }).click();
  await page.waitForURL(/\/setup$/);
  await page.getByLabel('Your name').fill('Grace');
  await page.getByLabel('Email').fill('grace@example.test');
  await page.getByLabel('Password (at least 8 characters)').fill('short');
  await page.getByLabel('Project name').fill('Grace Shop');
  // The browser checks the length too; remove that to see the API's own message.
  await page
    .getByLabel('Password (at least 8 characters)')
    .evaluate((input) => input.removeAttribute('minlength'));
  await page.getByRole('button', { name: 'Create account and project' }).click();
  await expect
    .poll(() => page.getByTestId('setup-error').textContent())
    .toBe('Password must have at least 8 characters');
  await page.getByLabel('Password (at least 8 characters)').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account and project' }).click();
  await page.waitForURL(/\/projects\/grace-shop\/settings\?tab=keys/);
  expect(await page.getByTestId('write-keys').textContent()).toContain('default');
  await stack.screenshot(page, 'e2e-settings-setup');
  await page.close();
});
