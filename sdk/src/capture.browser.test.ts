import type { Event } from '@gosight/proto/v1/events_pb';
import { WebVitalName } from '@gosight/proto/v1/events_pb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSdk, launchChromium, waitFor } from '../test/chromium.ts';
import { type FakeIngestServer, startFakeIngestServer } from '../test/fake-ingest-server.ts';
import { type FixtureServer, startFixtureServer } from '../test/fixture-server.ts';

const LONG_PAGE = `<h1 id="title">Long page</h1><button id="b">B</button><div style="height:4000px"></div><p>end</p>`;

let ingest: FakeIngestServer;
let site: FixtureServer;
let browser: Browser;

beforeAll(async () => {
  await buildSdk();
  ingest = await startFakeIngestServer();
  site = await startFixtureServer(
    { '/long.html': LONG_PAGE, '/next.html': '<p>next</p>' },
    { projectKey: 'gs_capture', endpoint: ingest.url, replaySampleRate: 0, flushIntervalMs: 200 },
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ingest?.close();
});

// In session order: a batch in flight when the page goes away arrives after
// the last flush, from the next page.
const events = (): Event[] =>
  ingest.batches
    .filter((b) => b.accepted)
    .flatMap((b) => b.request.events)
    .sort((a, b) => a.sequence - b.sequence);
const of = <K extends NonNullable<Event['kind']['case']>>(kind: K) =>
  events().flatMap((e) =>
    e.kind.case === kind ? [e.kind.value as Extract<Event['kind'], { case: K }>['value']] : [],
  );

describe('autocapture and the API in Chromium', () => {
  it('sends scroll depth, route changes, page leaves, custom events, identify, vitals and timings', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/long.html?utm_source=news&utm_campaign=launch`);
    await page.waitForFunction(() => typeof window.GoSight?.init === 'function');
    await page.click('#b');

    for (const y of [400, 800, 850, 2000]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(300);
    }
    await page.evaluate(() => {
      window.GoSight?.identify?.('user-42', { plan: 'pro', seats: 3 });
      window.GoSight?.track?.('checkout', { total: 99.5, coupon: true, note: 'x'.repeat(1500) });
      history.pushState({}, '', '/spa/step-2');
    });
    await page.waitForTimeout(600);
    await page.goto(`${site.url}/next.html`);
    await waitFor(() => of('pageLeave').length >= 2 && of('navigationTiming').length >= 1, 10_000);
    await page.close();
    await waitFor(() => of('webVital').some((v) => v.name === WebVitalName.LCP), 10_000);
    await context.close();

    const [first] = of('pageView');
    expect(first?.utm).toMatchObject({ source: 'news', campaign: 'launch' });
    const scrolls = of('scroll');
    expect(scrolls.length).toBeGreaterThanOrEqual(2);
    for (const [i, s] of scrolls.entries()) {
      if (i > 0) expect(s.depthPercent - scrolls[i - 1]!.depthPercent).toBeGreaterThanOrEqual(10);
      expect(s.documentHeight).toBeGreaterThan(4000);
    }
    expect(scrolls.at(-1)?.depthPx).toBe(2600);

    const route = of('routeChange')[0];
    expect(route).toMatchObject({ toUrl: `${site.url}/spa/step-2` });
    expect(route?.fromUrl).toContain('/long.html?utm_source=news');
    const [spaLeave, step2Leave] = of('pageLeave');
    expect(spaLeave?.url).toContain('/long.html');
    expect(spaLeave?.maxScrollDepthPx).toBe(2600);
    expect(spaLeave?.maxScrollDepthPercent).toBe(Math.round((2600 * 100) / spaLeave!.documentHeight));
    expect(spaLeave?.dwellMs).toBeGreaterThan(1000);
    expect(step2Leave?.url).toBe(`${site.url}/spa/step-2`);
    expect(of('pageView').map((v) => v.url)).toContain(`${site.url}/spa/step-2`);

    expect(of('identify')[0]).toMatchObject({
      userId: 'user-42',
      traits: {
        plan: { value: { case: 'stringValue', value: 'pro' } },
        seats: { value: { case: 'numberValue', value: 3 } },
      },
    });
    expect(of('custom')[0]).toMatchObject({
      name: 'checkout',
      properties: {
        total: { value: { case: 'numberValue', value: 99.5 } },
        coupon: { value: { case: 'boolValue', value: true } },
      },
    });

    const timing = of('navigationTiming')[0];
    expect(timing?.loadMs).toBeGreaterThan(0);
    expect(timing?.domContentLoadedMs).toBeGreaterThan(0);
    const vitals = new Set(of('webVital').map((v) => v.name));
    for (const name of [WebVitalName.TTFB, WebVitalName.FCP, WebVitalName.LCP, WebVitalName.CLS]) {
      expect(vitals.has(name)).toBe(true);
    }
    // A batch with over 1 KiB of events went gzipped (Content-Encoding).
    const withCheckout = ingest.batches.find((b) => b.request.events.some((e) => e.kind.case === 'custom'));
    expect(withCheckout?.gzipped).toBe(true);
    expect(of('custom')[0]?.properties.note?.value).toEqual({ case: 'stringValue', value: 'x'.repeat(1024) });
    // replaySampleRate 0: no recording at all.
    expect(ingest.batches.flatMap((b) => b.request.replayChunks)).toEqual([]);
  }, 60_000);
});
