import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { eventually } from '@gosight/common/test-infra';
import { AnalyticsService } from '@gosight/proto/v1/analytics_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type E2eStack, startE2eStack } from './stack.ts';

// The dashboard shell, Overview, Live and /metrics against the real stack:
// demo-shop visits recorded by the SDK must show up as figures on the pages.

let stack: E2eStack;
const DAY_MS = 86_400_000;

beforeAll(async () => {
  stack = await startE2eStack('overview', 18200);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

const withLogs = (error: unknown) => {
  throw new Error(`${String(error)}\n--- service logs ---\n${stack.logs.slice(-60).join('\n')}`);
};

it('live figures change while visits happen, without a reload', async () => {
  const page = await stack.signedInPage('owner');
  // Signed in, "/" opens the overview of the user's project.
  await page.waitForURL(`**/projects/${stack.projectId}/overview`);
  await page.goto(`${stack.services.urls.dashboard}/projects/${stack.projectId}/live`);
  const active = page.getByTestId('live-active-sessions');
  await expect.poll(() => active.textContent(), { timeout: 15_000 }).toBe('0');
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  // Read the figures while the visits run: events per second only counts the last 10 seconds.
  const visits = stack.visitDemoShop(2);
  let peakEventsPerSecond = 0;
  await eventually(
    async () => {
      const rate = Number(await page.getByTestId('live-events-per-second').textContent());
      peakEventsPerSecond = Math.max(peakEventsPerSecond, rate);
      return (await active.textContent()) === '2' && peakEventsPerSecond > 0 ? true : undefined;
    },
    40_000,
    'the live page to show two active sessions and some events per second',
  ).catch(withLogs);
  await visits;
  await expect(page.getByTestId('live-pages').textContent()).resolves.toContain(stack.services.urls.demo);
  expect(await page.locator('[data-testid="trend-chart"] .recharts-line').count()).toBe(2);
  // The figures changed in the page that was already open.
  expect(await page.evaluate(() => (window as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expect(page.getByTestId('live-status').textContent()).resolves.toBe('Live');
  await stack.screenshot(page, 'e2e-live');
  expect(await openLiveStreams()).toBe(1);
  // Leaving the page ends the relay and, with it, the API stream.
  await page.close();
  await eventually(
    async () => ((await openLiveStreams()) === 0 ? true : undefined),
    10_000,
    'the dashboard to close the live stream',
  );
});

async function metricsText(): Promise<string> {
  const response = await fetch(`${stack.services.urls.dashboard}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

async function openLiveStreams(): Promise<number> {
  const line = (await metricsText()).split('\n').find((l) => l.startsWith('gosight_dashboard_live_streams{'));
  return Number(line?.split(' ').at(-1));
}

it('the overview shows the figures the API reports, with trend charts and a date range', async () => {
  const analytics = createClient(
    AnalyticsService,
    createConnectTransport({ baseUrl: stack.services.urls.api, httpVersion: '1.1' }),
  );
  const headers = { authorization: `Bearer ${await stack.apiToken('owner')}` };
  const timeRange = { fromMs: BigInt(Date.now() - DAY_MS), toMs: BigInt(Date.now() + 60_000) };
  const overview = await eventually(
    async () => {
      const found = (await analytics.getOverview({ projectId: stack.projectId, timeRange }, { headers }))
        .overview;
      // Every demo visit rage-clicks the dead button and throws on "Place order"; signals land a little later.
      return found && found.sessions === 2n && found.rageClickRate === 1 && found.errorRate === 1
        ? found
        : undefined;
    },
    30_000,
    'the API to count both demo sessions',
  ).catch(withLogs);

  const page = await stack.signedInPage('owner');
  await page.goto(`${stack.services.urls.dashboard}/projects/${stack.projectId}/overview?range=24h`);
  expect(await page.getByTestId('figure-sessions').textContent()).toBe('2');
  expect(await page.getByTestId('figure-page-views').textContent()).toBe(String(overview.pageViews));
  expect(await page.getByTestId('figure-users').textContent()).toBe(String(overview.users));
  expect(await page.getByTestId('figure-rage-click-rate').textContent()).toBe('100.0%');
  expect(await page.getByTestId('figure-error-rate').textContent()).toBe('100.0%');
  expect(await page.getByTestId('range-24h').getAttribute('aria-current')).toBe('page');
  await page.locator('[data-testid="trend-chart"] .recharts-line').first().waitFor();
  expect(await page.getByTestId('trend-chart').count()).toBe(2);
  expect(await page.locator('[data-testid="trend-chart"] .recharts-line').count()).toBe(7);

  // The project switcher lists the project with the caller's role.
  await page.getByTestId('project-switcher').locator('summary').click();
  await expect(page.getByTestId('switcher-project').textContent()).resolves.toBe('overview shopOwner');
  await stack.screenshot(page, 'e2e-overview');
  // Escape folds it and leaves the focus on its summary.
  await page.keyboard.press('Escape');
  expect(
    await page.getByTestId('project-switcher').evaluate((menu) => (menu as HTMLDetailsElement).open),
  ).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');

  // An Owner sees every view, Alerts and Settings included.
  expect(await page.getByTestId('project-nav').getByRole('link').allTextContents()).toEqual([
    'Overview',
    'Live',
    'Sessions',
    'Heatmaps',
    'Insights',
    'Errors',
    'Funnels',
    'Alerts',
    'Settings',
  ]);

  // The range is a link: the URL carries it and the figures follow.
  await page.getByTestId('range-30d').click();
  await page.waitForURL(/range=30d/);
  await expect.poll(() => page.getByTestId('range-30d').getAttribute('aria-current')).toBe('page');
  expect(await page.getByTestId('figure-sessions').textContent()).toBe('2');
  await page.close();
});

it('follows the role: a Viewer sees the analytics views but no Alerts or Settings', async () => {
  const viewer = await stack.signedInPage('viewer');
  await viewer.goto(`${stack.services.urls.dashboard}/projects/${stack.projectId}/overview`);
  const nav = viewer.getByTestId('project-nav');
  expect(await nav.getByRole('link').allTextContents()).toEqual([
    'Overview',
    'Live',
    'Sessions',
    'Heatmaps',
    'Insights',
    'Errors',
    'Funnels',
  ]);
  expect(await nav.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
  expect(await viewer.getByTestId('figure-sessions').textContent()).toBe('2');

  // Another project: a readable page instead of an error.
  await viewer.goto(`${stack.services.urls.dashboard}/projects/someone-elses-project/overview`);
  await expect(viewer.getByTestId('no-access').textContent()).resolves.toContain(
    'not a member of project someone-elses-project',
  );
  await viewer.getByRole('button', { name: 'Sign out' }).click();
  await viewer.waitForURL(/\/login$/);
  await viewer.close();
});

it('/metrics counts the API calls the dashboard made, by operation and outcome', async () => {
  const text = await metricsText();
  const count = (operation: string, outcome: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('gosight_dashboard_api_calls_total{'))
      .filter((line) => line.includes(`operation="${operation}"`) && line.includes(`outcome="${outcome}"`))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  expect(count('GetOverview', 'OK')).toBeGreaterThanOrEqual(3);
  expect(count('GetTrends', 'OK')).toBeGreaterThanOrEqual(2);
  expect(count('StreamLive', 'OK')).toBeGreaterThanOrEqual(1);
  expect(count('GetMe', 'OK')).toBeGreaterThanOrEqual(4);
  expect(text).toMatch(/^gosight_dashboard_api_call_duration_seconds_bucket\{.*operation="GetOverview"/m);
  expect(text).toContain('gosight_process_cpu_user_seconds_total');
});
