import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { type ReplayChunk, ReplayEncoding } from '@gosight/proto/v1/events_pb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../demo/server.ts';
import { launchChromium } from '../test/chromium.ts';
import { type FakeIngestServer, startFakeIngestServer } from '../test/fake-ingest-server.ts';

const SDK_DIR = fileURLToPath(new URL('..', import.meta.url));
const PROJECT_KEY = 'gs_browser_test_key';
const TYPED_NAME = 'Zebediah Quuxley';
const TYPED_PASSWORD = 'hunter2-Pa55w0rd';
const MASKED_NOTE = '4242 4242 4242 4242';

let ingest: FakeIngestServer;
let demo: DemoServer;
let browser: Browser;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['build.mjs'], { cwd: SDK_DIR });
  ingest = await startFakeIngestServer();
  demo = await startDemoServer({ port: 0, ingestUrl: ingest.url, projectKey: PROJECT_KEY });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await ingest?.close();
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const accepted = () => ingest.batches.filter((b) => b.accepted).map((b) => b.request);
const acceptedEvents = () => accepted().flatMap((r) => r.events);
const clicks = () => acceptedEvents().flatMap((e) => (e.kind.case === 'click' ? [e.kind.value] : []));
const pageViews = () => acceptedEvents().flatMap((e) => (e.kind.case === 'pageView' ? [e.kind.value] : []));

function decodeChunk(chunk: ReplayChunk): { type: number; timestamp: number }[] {
  const json = chunk.encoding === ReplayEncoding.GZIP_JSON ? gunzipSync(chunk.data) : Buffer.from(chunk.data);
  return JSON.parse(json.toString('utf8'));
}

describe('the SDK in Chromium, loaded by the snippet', () => {
  it('sends page views, clicks and replay, masks input, retries a failed batch, rotates sessions', async () => {
    ingest.failNext(1);
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${demo.url}/index.html`);
    await page.waitForFunction(() => typeof window.GoSight?.init === 'function');

    await page.fill('#name', TYPED_NAME);
    await page.fill('#password', TYPED_PASSWORD);
    await page.click('#add-to-cart');
    await page.click('#add-to-cart');
    await page.click('#broken');
    await page.click('text=Unmasked label');
    expect(await page.textContent('#cart-count')).toBe('2');
    await page.evaluate(() => history.pushState({}, '', '/spa-route'));

    await waitFor(() => clicks().length >= 4 && pageViews().length >= 2, 20_000);

    // The first attempt was refused; the same batch came back and was accepted.
    const [failed] = ingest.batches;
    expect(failed?.accepted).toBe(false);
    const retried = accepted().find((r) => r.batchId === failed?.request.batchId);
    expect(retried?.events.map((e) => e.eventId)).toEqual(failed?.request.events.map((e) => e.eventId));
    expect(new Set(accepted().map((r) => r.batchId)).size).toBe(accepted().length);

    const requests = accepted();
    const first = requests[0]!;
    expect(first.projectKey).toBe(PROJECT_KEY);
    expect(first.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.page?.viewportWidth).toBe(1000);
    for (const r of requests) expect([r.sessionId, r.deviceId]).toEqual([first.sessionId, first.deviceId]);

    expect(pageViews()[0]).toMatchObject({ url: `${demo.url}/index.html`, title: 'GoSight demo shop' });
    expect(pageViews()[1]).toMatchObject({
      url: `${demo.url}/spa-route`,
      referrer: `${demo.url}/index.html`,
    });

    const events = acceptedEvents();
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i));
    for (const e of events) expect(e.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);

    const [add1, add2, broken, unmasked] = clicks();
    expect(add1).toMatchObject({ selector: '#add-to-cart', tag: 'button', text: '*** ** ****' });
    expect(add2?.selector).toBe('#add-to-cart');
    expect(broken).toMatchObject({ selector: '#broken', text: '******' });
    expect(unmasked).toMatchObject({ tag: 'button', text: 'Unmasked label' });
    expect(unmasked?.selector).toMatch(/button\.btn$/);
    for (const click of [add1, broken]) {
      expect(click?.pageX).toBeGreaterThan(0);
      expect(click?.pageY).toBeGreaterThan(0);
      expect(click?.clientX).toBeGreaterThan(0);
      expect(click?.clientY).toBeGreaterThan(0);
    }

    // Going to the other page keeps the session; its recording continues the numbering.
    await page.click('#to-checkout');
    await page.waitForURL('**/checkout.html');
    await page.click('#add-to-cart');
    await waitFor(
      () => pageViews().some((v) => v.url.endsWith('/checkout.html')) && clicks().length >= 5,
      15_000,
    );
    await waitFor(
      () =>
        accepted()
          .flatMap((r) => r.replayChunks)
          .filter((c) => c.hasFullSnapshot).length >= 2,
      10_000,
    );

    // A second tab joins the session and records its own replay, numbered from 0.
    const tab2 = await context.newPage();
    await tab2.goto(`${demo.url}/index.html`);
    await tab2.click('#add-to-cart');
    await waitFor(() => accepted().some((r) => r.tabId !== first.tabId && r.replayChunks.length > 0), 10_000);
    const tab2Batch = accepted().find((r) => r.tabId !== first.tabId);
    expect(tab2Batch?.sessionId).toBe(first.sessionId);
    await tab2.close();

    // 31 idle minutes later, the next click opens a new session whose replay starts with a full snapshot.
    await page.evaluate(() => {
      const key = 'gosight_session';
      const state = JSON.parse(localStorage.getItem(key) ?? '{}');
      state.lastActivityMs -= 31 * 60 * 1000;
      localStorage.setItem(key, JSON.stringify(state));
    });
    await page.click('#broken');
    const newSession = () => accepted().filter((r) => r.sessionId !== first.sessionId);
    await waitFor(
      () =>
        newSession().some((r) => r.replayChunks.length > 0) &&
        newSession().some((r) => r.events.some((e) => e.kind.case === 'click')),
      10_000,
    );
    await context.close();
    const [rotated] = newSession();
    expect(rotated?.deviceId).toBe(first.deviceId);
    expect(rotated?.events[0]?.sequence).toBe(0);
    expect(
      newSession()
        .flatMap((r) => r.events)
        .some((e) => e.kind.case === 'click'),
    ).toBe(true);

    // Every recording (one per session and tab) replays: numbered from 0 without
    // gaps, opening with a full snapshot, each chunk a JSON array of rrweb events.
    const recordings = new Map<string, ReplayChunk[]>();
    for (const r of accepted()) {
      const key = `${r.sessionId}/${r.tabId}`;
      recordings.set(key, [...(recordings.get(key) ?? []), ...r.replayChunks]);
    }
    expect(recordings.size).toBe(3);
    const decoded: { type: number; timestamp: number }[][] = [];
    for (const list of recordings.values()) {
      const chunks = list.sort((a, b) => a.sequence - b.sequence);
      expect(chunks.map((c) => c.sequence)).toEqual(chunks.map((_, i) => i));
      expect(chunks[0]?.hasFullSnapshot).toBe(true);
      const events = chunks.map(decodeChunk);
      expect(events[0]?.slice(0, 2).some((e) => e.type === 2)).toBe(true);
      for (const [i, chunk] of chunks.entries()) {
        const rrwebEvents = events[i]!;
        expect(rrwebEvents.length).toBe(chunk.eventCount);
        for (const e of rrwebEvents)
          expect(typeof e.type === 'number' && typeof e.timestamp === 'number').toBe(true);
        expect(rrwebEvents.some((e) => e.type === 2)).toBe(chunk.hasFullSnapshot);
        expect(Number(chunk.firstTimestampMs)).toBe(Math.min(...rrwebEvents.map((e) => e.timestamp)));
      }
      decoded.push(...events);
    }
    expect(
      accepted()
        .flatMap((r) => r.replayChunks)
        .some((c) => c.encoding === ReplayEncoding.GZIP_JSON),
    ).toBe(true);

    // Nothing typed, and no masked text, leaves the browser, compressed or not.
    const everything = [
      ...ingest.bodies.map((b) => b.toString('latin1')),
      ...decoded.map((events) => JSON.stringify(events)),
    ].join('\n');
    expect(everything).toContain('Add to cart'.replace(/[a-z]/gi, '*'));
    for (const secret of [TYPED_NAME, TYPED_PASSWORD, MASKED_NOTE, 'Zebediah', 'hunter2']) {
      expect(everything).not.toContain(secret);
    }
    expect(JSON.stringify(decoded)).toContain('Unmasked label');
  }, 60_000);
});
