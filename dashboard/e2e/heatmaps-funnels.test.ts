import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { eventually } from '@gosight/common/test-infra';
import { HeatmapService } from '@gosight/proto/v1/heatmap_service_pb';
import { ViewportClass } from '@gosight/proto/v1/query_pb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type E2eStack, startE2eStack } from './stack.ts';

// Heatmaps drawn over the recorded page and a shareable funnel, against the
// real stack: two desktop visits and one phone visit of the demo shop. Each
// visit clicks #add-to-cart twice and #broken five times on the index page,
// then goes to the checkout page.

let stack: E2eStack;
let shopUrl: string;

beforeAll(async () => {
  stack = await startE2eStack('heatmaps', 18300);
  shopUrl = `${stack.services.urls.demo}/`;
  await stack.visitDemoShop(2);
  await stack.visitDemoShop(1, { width: 390, height: 844 });
  await moveMouseOverShop({ width: 1000, height: 800 });
  // Wait until the processor has stored every click of the three visits.
  const heatmaps = createClient(
    HeatmapService,
    createConnectTransport({ baseUrl: stack.services.urls.api, httpVersion: '1.1' }),
  );
  const headers = { authorization: `Bearer ${await stack.apiToken('owner')}` };
  const clicksOn = async (viewportClass: ViewportClass) => {
    const map = await heatmaps.getClickMap(
      { query: { projectId: stack.projectId, url: shopUrl, viewportClass } },
      { headers },
    );
    const of = (selector: string) => Number(map.elements.find((e) => e.selector === selector)?.clicks ?? 0);
    return [of('#add-to-cart'), of('#broken')];
  };
  let seen = '';
  await eventually(
    async () => {
      const desktop = await clicksOn(ViewportClass.DESKTOP);
      const mobile = await clicksOn(ViewportClass.MOBILE);
      const snapshot = await heatmaps.getPageSnapshot(
        { query: { projectId: stack.projectId, url: shopUrl, viewportClass: ViewportClass.DESKTOP } },
        { headers },
      );
      const { samples } = await heatmaps.getMovementMap(
        { query: { projectId: stack.projectId, url: shopUrl, viewportClass: ViewportClass.TABLET } },
        { headers },
      );
      seen = JSON.stringify({ desktop, mobile, snapshot: snapshot.found, moved: samples > 0n });
      return (
        seen === JSON.stringify({ desktop: [4, 10], mobile: [2, 5], snapshot: true, moved: true }) ||
        undefined
      );
    },
    30_000,
    'the clicks of the three visits and a snapshot of the shop page',
  ).catch((error: unknown) => {
    throw new Error(
      `${String(error)} (last seen ${seen})\n--- service logs ---\n${stack.logs.slice(-60).join('\n')}`,
    );
  });
}, 150_000);

// A tablet visitor who only moves the mouse around the shop page (the scripted visit barely moves it).
async function moveMouseOverShop(viewport: { width: number; height: number }) {
  const context = await stack.browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.goto(shopUrl);
    // The SDK samples the pointer from its lazily loaded extras.
    await page.waitForTimeout(800);
    for (const [x, y] of [
      [100, 100],
      [400, 200],
      [300, 400],
      [600, 300],
      [200, 150],
    ] as const) {
      await page.mouse.move(x, y, { steps: 8 });
      await page.waitForTimeout(60);
    }
    await page.close({ runBeforeUnload: true });
  } finally {
    await context.close();
  }
}

afterAll(async () => {
  await stack?.stop();
});

const clicksOf = (page: Page, selector: string) =>
  page
    .locator(
      `[data-testid="heatmap-element-row"][data-selector="${selector}"] [data-testid="heatmap-element-clicks"]`,
    )
    .textContent();

const layer = (page: Page, mode: string) =>
  page.locator(`[data-testid="heatmap-layer"][data-mode="${mode}"]`);

it('draws click, scroll and movement maps over the rebuilt shop page, per device class', async () => {
  const page = await stack.signedInPage('owner');
  await page.goto(`${stack.services.urls.dashboard}/projects/${stack.projectId}/heatmaps`);
  // The shop page is offered as a page with data, and chosen by default.
  await expect(page.getByLabel('Page URL').inputValue()).resolves.toBe(shopUrl);
  // The offered pages come from the page views (ListPages), most viewed first.
  const offered = page.locator('#heatmap-pages option').first();
  expect(await offered.getAttribute('value')).toBe(shopUrl);
  expect(await offered.textContent()).toMatch(/^[1-9]\d* views?, [1-9]\d* sessions?$/);
  await page.getByLabel('Device').selectOption('desktop');
  await page.getByRole('button', { name: 'Show heatmap' }).click();
  await page.waitForURL(/device=desktop/);

  // The recorded page is rebuilt in a script-less sandbox, with the click layer over it.
  const frame = page.locator('[data-testid="heatmap-frame"]');
  await expect(frame.getAttribute('sandbox')).resolves.toBe('allow-same-origin');
  await page.frameLocator('[data-testid="heatmap-frame"]').locator('#add-to-cart').waitFor();
  await layer(page, 'click').waitFor();
  // Both elements were found in the rebuilt page: their cells were drawn.
  expect(Number(await layer(page, 'click').getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('heatmap-unplaced').count()).resolves.toBe(0);
  expect(await clicksOf(page, '#add-to-cart')).toBe('4');
  expect(await clicksOf(page, '#broken')).toBe('10');
  await expect(page.getByTestId('heatmap-summary').textContent()).resolves.toMatch(
    /^\d+ clicks on \d+ elements$/,
  );
  await stack.screenshot(page, 'e2e-heatmap-clicks');

  await page.getByTestId('heatmap-mode-scroll').click();
  await layer(page, 'scroll').waitFor();
  await expect(page.getByTestId('heatmap-summary').textContent()).resolves.toBe('2 sessions measured');
  const top = page.locator('[data-testid="heatmap-scroll-row"][data-depth="0"]');
  await expect(top.textContent()).resolves.toBe('0 %2100 %');
  expect(new URL(page.url()).searchParams.get('map')).toBe('scroll');
  await stack.screenshot(page, 'e2e-heatmap-scroll');

  // Mobile: the phone visit's own numbers, drawn over the phone-sized recording.
  await page.getByTestId('heatmap-mode-click').click();
  await page.getByLabel('Device').selectOption('mobile');
  await page.getByRole('button', { name: 'Show heatmap' }).click();
  await page.waitForURL(/device=mobile/);
  await expect.poll(() => clicksOf(page, '#broken'), { timeout: 15_000 }).toBe('5');
  expect(await clicksOf(page, '#add-to-cart')).toBe('2');
  await expect(page.locator('[data-testid="heatmap-frame"]').getAttribute('width')).resolves.toBe('390');

  // Movement: the tablet visitor's pointer path, drawn over the tablet-sized recording.
  // The layer is drawn once the page is hydrated: only then do the map buttons respond.
  await layer(page, 'click').waitFor();
  await page.getByTestId('heatmap-mode-movement').click();
  await page.getByLabel('Device').selectOption('tablet');
  await page.getByRole('button', { name: 'Show heatmap' }).click();
  await page.waitForURL(/device=tablet&range=7d&map=movement/);
  await layer(page, 'movement').waitFor();
  expect(Number(await layer(page, 'movement').getAttribute('data-points'))).toBeGreaterThan(0);
  await expect(page.getByTestId('heatmap-movement-summary').textContent()).resolves.toMatch(
    /^\d+ mouse positions/,
  );
  await stack.screenshot(page, 'e2e-heatmap-movement');
  await page.close();
});

it('a viewer sees the maps on a blank page, without recorded content', async () => {
  const page = await stack.signedInPage('viewer');
  await page.goto(
    `${stack.services.urls.dashboard}/projects/${stack.projectId}/heatmaps?url=${encodeURIComponent(shopUrl)}&device=desktop`,
  );
  await expect(page.getByTestId('heatmap-snapshot-note').textContent()).resolves.toContain(
    'not recorded page content',
  );
  await expect(page.locator('[data-testid="heatmap-frame"]').count()).resolves.toBe(0);
  expect(await clicksOf(page, '#broken')).toBe('10');
  await page.close();
});

it('a two-step funnel from the shop page to checkout shows the visits converting and dropping off', async () => {
  const page = await stack.signedInPage('member');
  await page.goto(`${stack.services.urls.dashboard}/projects/${stack.projectId}/funnels`);
  await page.getByTestId('funnel-empty').waitFor();
  await page.getByLabel('Step 1 match').fill(shopUrl);
  await page.getByLabel('Step 2 match').fill('/checkout.html');
  await page.getByLabel('Date range').selectOption('24h');
  await page.getByRole('button', { name: 'Show funnel' }).click();
  await page.waitForURL(/step=url/);
  const cell = (step: number, name: string) =>
    page
      .locator(`[data-testid="funnel-row"][data-step="${step}"] [data-testid="funnel-${name}"]`)
      .textContent();
  // Four visits saw the shop page; the three scripted ones went on to checkout.
  await expect.poll(() => cell(2, 'sessions'), { timeout: 15_000 }).toBe('3');
  expect(await cell(1, 'sessions')).toBe('4');
  expect(await cell(2, 'conversion')).toBe('75 %');
  expect(await cell(2, 'drop-off')).toBe('25 % (1 session)');
  await expect(page.getByTestId('funnel-overall').textContent()).resolves.toBe(
    '75 % of 4 sessions completed all 2 steps (3 converted).',
  );
  expect(await page.locator('[data-testid="funnel-chart"] .recharts-bar-rectangle').count()).toBeGreaterThan(
    0,
  );
  await stack.screenshot(page, 'e2e-funnel');

  // The link is the funnel: opened afresh it shows the same steps and numbers.
  const shared = await stack.signedInPage('viewer');
  await shared.goto(page.url());
  await expect(shared.getByLabel('Step 2 match').inputValue()).resolves.toBe('/checkout.html');
  await expect(
    shared.locator('[data-testid="funnel-row"][data-step="2"] [data-testid="funnel-sessions"]').textContent(),
  ).resolves.toBe('3');
  await shared.close();
  await page.close();
});
