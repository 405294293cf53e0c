import type { Event } from '@gosight/proto/v1/events_pb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSdk, launchChromium, waitFor } from '../test/chromium.ts';
import { type FakeIngestServer, startFakeIngestServer } from '../test/fake-ingest-server.ts';
import { type FixtureServer, startFixtureServer } from '../test/fixture-server.ts';

const PAGE = '<button id="a">A</button><button id="b">B</button>';

let ingest: FakeIngestServer;
let site: FixtureServer;
let browser: Browser;

beforeAll(async () => {
  await buildSdk();
  ingest = await startFakeIngestServer();
  site = await startFixtureServer(
    { '/page.html': PAGE },
    {
      projectKey: 'gs_delivery',
      endpoint: ingest.url,
      replay: false,
      flushIntervalMs: 200,
      clickObserveMs: 100,
    },
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ingest?.close();
});

const accepted = (): Event[] => ingest.batches.filter((b) => b.accepted).flatMap((b) => b.request.events);
const clicksOn = (selector: string) =>
  accepted().filter((e) => e.kind.case === 'click' && e.kind.value.selector === selector);

describe('delivery in Chromium', () => {
  it('survives offline, a cut network across a reload and a 503: every event exactly once', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/page.html`);
    await page.waitForFunction(() => typeof window.GoSight?.init === 'function');
    await page.click('#a');
    await waitFor(() => clicksOn('#a').length === 1, 10_000);

    // Offline: nothing is sent; back online, the `online` event sends it at once.
    await context.setOffline(true);
    await page.click('#a');
    await page.click('#a');
    await page.waitForTimeout(1000);
    expect(clicksOn('#a')).toHaveLength(1);
    await context.setOffline(false);
    await waitFor(() => clicksOn('#a').length === 3, 5_000);

    // The ingestor unreachable (connections fail), then the page reloads:
    // the offline queue carries the events over, sent once the ingestor is back.
    await page.route(`${ingest.url}/**`, (route) => route.abort('connectionrefused'));
    for (let i = 0; i < 4; i++) await page.click('#b');
    await page.waitForTimeout(1500);
    expect(clicksOn('#b')).toHaveLength(0);
    const saved = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('gosight_outbox_')),
    );
    expect(saved).toHaveLength(1);
    await page.reload();
    await page.waitForFunction(() => typeof window.GoSight?.init === 'function');
    await page.click('#b');
    await page.waitForTimeout(500);
    await page.unroute(`${ingest.url}/**`);
    await waitFor(() => clicksOn('#b').length === 5, 20_000);

    // A bare 503 with Retry-After (a proxy's) is retried after the wait.
    ingest.failNext(1, 'http-503');
    await page.click('#a');
    await waitFor(() => clicksOn('#a').length === 4, 10_000);
    expect(ingest.refused).toBe(1);

    await page.waitForTimeout(500);
    const ids = accepted().map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(clicksOn('#a')).toHaveLength(4);
    expect(clicksOn('#b')).toHaveLength(5);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gosight_outbox_'))),
    ).toEqual([]);
    await context.close();
  }, 60_000);

  it('falls back to uncompressed bodies when gzipped calls fail at the network level', async () => {
    const strict = await startFakeIngestServer({ refuseGzip: true });
    const strictSite = await startFixtureServer(
      { '/page.html': PAGE },
      { projectKey: 'gs_strict', endpoint: strict.url, replay: false, flushIntervalMs: 200 },
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${strictSite.url}/page.html`);
    await page.waitForFunction(() => typeof window.GoSight?.track === 'function');
    await page.evaluate(() => window.GoSight?.track?.('big', { note: 'x'.repeat(1500) }));
    await waitFor(
      () => strict.batches.some((b) => b.request.events.some((e) => e.kind.case === 'custom')),
      10_000,
    );
    expect(strict.refused).toBeGreaterThanOrEqual(1);
    expect(strict.batches.every((b) => !b.gzipped)).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('gosight_no_gzip'))).toBe(strict.url);
    const ids = strict.batches.flatMap((b) => b.request.events.map((e) => e.eventId));
    expect(new Set(ids).size).toBe(ids.length);
    await context.close();
    await strictSite.close();
    await strict.close();
  }, 30_000);
});
