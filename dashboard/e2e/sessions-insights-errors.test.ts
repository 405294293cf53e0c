import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { eventually } from '@gosight/common/test-infra';
import { ErrorService } from '@gosight/proto/v1/error_service_pb';
import { InsightService } from '@gosight/proto/v1/insight_service_pb';
import { InsightType } from '@gosight/proto/v1/insights_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type E2eStack, startE2eStack } from './stack';

// Two scripted demo-shop visits, each with a rage click on the dead "Broken"
// button and an uncaught error on "Place order", seen through the dashboard's
// Sessions, session page, Insights and Errors views by a Member and a Viewer.

const VISITS = 2;
let stack: E2eStack;
let base: string;
let memberPage: Page | undefined;
let durationsMs: number[] = [];

// One signed-in Member page for the Member tests (signing in costs a few seconds on a busy machine).
async function member(): Promise<Page> {
  memberPage ??= await stack.signedInPage('member');
  return memberPage;
}

beforeAll(async () => {
  stack = await startE2eStack('sie', 18400);
  base = `${stack.services.urls.dashboard}/projects/${stack.projectId}`;
  await stack.visitDemoShop(VISITS);
  const transport = createConnectTransport({ baseUrl: stack.services.urls.api, httpVersion: '1.1' });
  const headers = { authorization: `Bearer ${await stack.apiToken('member')}` };
  const projectId = stack.projectId;
  const [sessions, insights, errors] = [
    createClient(SessionService, transport),
    createClient(InsightService, transport),
    createClient(ErrorService, transport),
  ];
  // Sessions, signals and error groups come from different processor roles: wait for all three.
  await eventually(
    async () => {
      const [listed, summary, groups] = await Promise.all([
        sessions.listSessions(
          { projectId, filter: { hasSignal: InsightType.RAGE_CLICK, hasError: true } },
          { headers },
        ),
        insights.getInsightSummary({ projectId }, { headers }),
        errors.listErrorGroups({ projectId }, { headers }),
      ]);
      const rage = summary.types.find((type) => type.type === InsightType.RAGE_CLICK);
      const payment = groups.groups.find((group) => group.message.includes('Payment service'));
      durationsMs = listed.sessions.map((session) => Number(session.durationMs));
      const ready =
        listed.sessions.length === VISITS &&
        rage?.count === BigInt(VISITS) &&
        payment?.count === BigInt(VISITS);
      return ready ? true : undefined;
    },
    40_000,
    'two sessions with a rage click, an error and a replay, their insights and error group',
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n--- service logs ---\n${stack.logs.slice(-60).join('\n')}`);
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const rows = (page: Page) => page.getByTestId('session-row');

it('filters the session list from its form, with badges per row and an empty state', async () => {
  const page = await member();
  await page.goto(`${base}/sessions`);
  await rows(page).first().waitFor();
  expect(await rows(page).count()).toBe(VISITS);

  await page.getByLabel('Has error').check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/error=1/);
  expect(await rows(page).count()).toBe(VISITS);
  for (const row of await rows(page).all()) {
    expect(await row.locator('[data-testid="signal-badge"][data-kind="error"]').textContent()).toBe(
      '1 error',
    );
  }

  await page.getByLabel('Has signal').selectOption('rage_click');
  // Keyboard only: Enter in a field submits the form.
  await page.getByLabel('URL contains').press('Enter');
  await page.waitForURL(/signal=rage_click/);
  expect(await rows(page).count()).toBe(VISITS);
  expect(await page.locator('[data-testid="signal-badge"][data-kind="rage_click"]').count()).toBe(VISITS);
  await stack.screenshot(page, 'e2e-sessions-filtered');

  // The duration range: a maximum above the longest visit keeps both, one below the shortest none.
  const [shortest, longest] = [Math.min(...durationsMs), Math.max(...durationsMs)];
  expect(shortest).toBeGreaterThan(1000);
  await page.getByLabel('Max. duration (s)').fill(String(Math.ceil(longest / 1000)));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/max=\d+/);
  expect(await rows(page).count()).toBe(VISITS);
  await page.getByLabel('Max. duration (s)').fill(String(Math.ceil(shortest / 1000) - 1));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByTestId('sessions-empty').waitFor();
  await page.getByLabel('Max. duration (s)').fill('');

  await page.getByLabel('URL contains').fill('/no-such-page');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.getByTestId('sessions-empty').waitFor();
  expect(await page.getByTestId('sessions-empty').textContent()).toContain('No sessions match these filters');
  expect(await rows(page).count()).toBe(0);
});

it('marks the session timeline and jumps the player to the rage click', async () => {
  const page = await member();
  await page.goto(`${base}/sessions?signal=rage_click`);
  await rows(page).first().getByRole('link').click();
  const timeline = page.getByTestId('session-timeline');
  await timeline.waitFor();
  const kinds = await timeline
    .getByTestId('timeline-marker')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
  expect(kinds.filter((kind) => kind === 'click').length).toBeGreaterThanOrEqual(5);
  // A dead click may be marked too (the first click on "Broken" changes nothing).
  expect([...new Set(kinds)]).toEqual(
    expect.arrayContaining(['click', 'rage_click', 'error_click', 'error']),
  );

  const player = page.getByTestId('replay-player');
  await player.locator('iframe').waitFor({ state: 'attached' });
  const rage = page.locator('[data-testid="session-signal"][data-kind="rage_click"]');
  expect(await rage.textContent()).toContain('Rage click (5 clicks)');
  await rage.getByTestId('jump-to').click();
  const rageAt = Number(await timeline.locator('[data-kind="rage_click"]').getAttribute('data-at-ms'));
  await expect.poll(() => player.getAttribute('data-seek-at-ms')).toBe(String(rageAt));
  const start = Number(await player.getAttribute('data-recording-start-ms'));
  const position = Number(await player.getAttribute('data-position-ms'));
  // The player stands just before the burst (300 ms lead), on the recording's own clock.
  expect(Math.abs(position - Math.max(rageAt - 300 - start, 0))).toBeLessThan(250);
  expect(new URL(page.url()).searchParams.get('t')).toBe(String(rageAt));
  await stack.screenshot(page, 'e2e-session-timeline');

  // The player took the recording from the replay route line by line, and ends up with all of it.
  const route = `${page.url().split('?')[0]}/replay?chunks=1`;
  const lines = (await (await page.request.get(route)).text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { chunks: { sequence: number; eventsJson: string }[] });
  expect(lines.length).toBeGreaterThanOrEqual(2);
  expect(lines.every((line) => line.chunks.length === 1)).toBe(true);
  const sequences = lines.map((line) => line.chunks[0]!.sequence);
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  const recorded = lines.reduce(
    (sum, line) => sum + (JSON.parse(line.chunks[0]!.eventsJson) as unknown[]).length,
    0,
  );
  await expect.poll(() => player.getAttribute('data-complete')).toBe('true');
  expect(Number(await player.getAttribute('data-loaded-events'))).toBe(recorded);
});

it('lists the rage click on #broken in insights, with an example session at its moment', async () => {
  const page = await member();
  await page.goto(`${base}/insights`);
  const rage = page.locator('[data-testid="insight-type"][data-kind="rage_click"]');
  await rage.waitFor();
  expect(await rage.getByTestId('insight-count').textContent()).toBe(String(VISITS));
  const broken = rage.locator('[data-testid="insight-target"][data-selector="#broken"]');
  expect(await broken.locator('td.num').first().textContent()).toBe(String(VISITS));
  await rage.getByTestId('insight-trend').waitFor();
  await stack.screenshot(page, 'e2e-insights');

  const example = broken.getByTestId('example-session');
  const t = new URL(String(await example.getAttribute('href')), base).searchParams.get('t');
  await example.click();
  await page.waitForURL(/\/sessions\/[^/?]+\?t=\d+/);
  await expect.poll(() => page.getByTestId('replay-player').getAttribute('data-seek-at-ms')).toBe(t);
});

it('groups the checkout error with its count, stack and affected sessions', async () => {
  const page = await member();
  await page.goto(`${base}/errors`);
  const group = page.getByTestId('error-group').filter({ hasText: 'Payment service rejected the order' });
  await group.waitFor();
  expect(await group.getByTestId('error-count').textContent()).toBe(String(VISITS));
  expect(await group.getByTestId('error-session').count()).toBe(VISITS);
  const stackTrace = group.getByTestId('error-stack');
  expect(await stackTrace.isVisible()).toBe(false);
  await group.getByText('Stack trace').click();
  expect(await stackTrace.isVisible()).toBe(true);
  expect(await stackTrace.textContent()).toContain('shop.js');
  await stack.screenshot(page, 'e2e-errors');
});

async function expectNoReplay(page: Page, where: string) {
  const offered = await page.evaluate(() => ({
    players: document.querySelectorAll('[data-testid="replay-player"], .rr-player').length,
    links: [...document.querySelectorAll('a')].filter((a) => /replay/i.test(`${a.textContent} ${a.href}`))
      .length,
    badges: [...document.querySelectorAll('.badge')].filter((b) =>
      /replay|recording/i.test(b.textContent ?? ''),
    ).length,
  }));
  expect(offered, where).toEqual({ players: 0, links: 0, badges: 0 });
}

it('a Viewer walks every view and every session and is offered no replay', async () => {
  const page = await stack.signedInPage('viewer');
  await page.goto(`${base}/sessions`);
  const nav = await page
    .getByTestId('project-nav')
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(nav.length).toBeGreaterThanOrEqual(7);
  for (const href of nav) {
    await page.goto(href);
    // Panels stream in after the first paint: look once every loading skeleton is gone.
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, {
      timeout: 15_000,
    });
    await expectNoReplay(page, href);
  }

  await page.goto(`${base}/sessions`);
  await rows(page).first().waitFor();
  const sessions = await rows(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  expect(sessions).toHaveLength(VISITS);
  for (const href of sessions) {
    await page.goto(href);
    await page.getByTestId('session-timeline').waitFor();
    expect(await page.getByTestId('viewer-notice').textContent()).toContain(
      'Your role in this project is Viewer',
    );
    // The timeline still marks the signals, but nothing seeks a player.
    expect(await page.locator('[data-testid="timeline-marker"][data-kind="rage_click"]').count()).toBe(1);
    expect(await page.getByTestId('jump-to').count()).toBe(0);
    expect(await page.getByTestId('session-events').textContent()).not.toContain('Add to cart');
    // The uncaught error's message stands in the events table, as on the Errors view.
    expect(await page.getByTestId('event-error-message').first().textContent()).toContain(
      'Payment service rejected the order',
    );
    expect(await page.locator('iframe').count()).toBe(0);
    await expectNoReplay(page, href);
    // Asked for directly, the replay route passes on the API's refusal and no recorded event.
    const answer = await (await page.request.get(`${href}/replay`)).text();
    expect(JSON.parse(answer)).toEqual({
      failure: { code: 'PermissionDenied', message: expect.stringContaining('recorded content') },
    });
  }
});
