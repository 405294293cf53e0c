import type { Click, Event } from '@gosight/proto/v1/events_pb';
import { JsErrorKind } from '@gosight/proto/v1/events_pb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSdk, launchChromium, waitFor } from '../test/chromium.ts';
import { type FakeIngestServer, startFakeIngestServer } from '../test/fake-ingest-server.ts';
import { type FixtureServer, startFixtureServer } from '../test/fixture-server.ts';

const CLICKS_PAGE = `
<style>#box{position:absolute;left:100px;top:300px;width:200px;height:100px}</style>
<button id="slow" onclick="setTimeout(()=>document.body.append(document.createElement('hr')),300)">Slow</button>
<button id="dead">Dead</button>
<a id="spa" href="#" onclick="event.preventDefault();history.pushState({},'','/routed')">Route</a>
<a id="link" href="/other.html">Leave</a>
<p id="plain">Plain words</p>
<span id="pointer" style="cursor:pointer">Pointer</span>
<input id="field" type="text">
<div id="box">Box</div>
<button id="throw" onclick="setTimeout(()=>{throw new TypeError('boom at ' + 1)},0)">Throw</button>
<button id="reject" onclick="Promise.reject(new RangeError('nope'))">Reject</button>
<div style="height:3000px"></div>`;

let ingest: FakeIngestServer;
let site: FixtureServer;
let browser: Browser;

beforeAll(async () => {
  await buildSdk();
  ingest = await startFakeIngestServer();
  site = await startFixtureServer(
    { '/clicks.html': CLICKS_PAGE, '/other.html': '<p>Other page</p>' },
    { projectKey: 'gs_facts', endpoint: ingest.url, replay: false, flushIntervalMs: 200 },
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ingest?.close();
});

const events = (): Event[] => ingest.batches.filter((b) => b.accepted).flatMap((b) => b.request.events);
const clickOn = (selector: string): Click | undefined =>
  events().flatMap((e) =>
    e.kind.case === 'click' && e.kind.value.selector === selector ? [e.kind.value] : [],
  )[0];

describe('page-side facts, replay off', () => {
  it('reports click reactions, target facts, mouse moves and errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/clicks.html`);
    await page.waitForFunction(() => typeof window.GoSight?.init === 'function');

    // Apart by more than the watch window, so no click sees the next one's reaction.
    for (const selector of [
      '#slow',
      '#dead',
      '#plain',
      '#pointer',
      '#field',
      '#box',
      '#spa',
      '#throw',
      '#reject',
    ]) {
      if (selector === '#box') await page.click('#box', { position: { x: 50, y: 25 }, modifiers: ['Shift'] });
      else await page.click(selector);
      await page.waitForTimeout(1050);
    }
    await page.mouse.move(10, 10);
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(10 + i * 30, 10 + (i % 2) * 200);
      await page.waitForTimeout(20);
    }
    await waitFor(
      () => clickOn('#reject') !== undefined && events().some((e) => e.kind.case === 'mouseMoves'),
      10_000,
    );

    const slow = clickOn('#slow');
    expect(slow?.reaction?.observedMs).toBe(1000);
    expect(slow?.reaction?.domMutationMs).toBeGreaterThanOrEqual(280);
    expect(slow?.reaction?.domMutationMs).toBeLessThan(600);
    expect(slow?.reaction?.navigationMs).toBeUndefined();
    expect(slow).toMatchObject({
      interactive: true,
      textField: false,
      modifierKey: false,
      pointerType: 'mouse',
    });
    expect(slow?.viewportWidth).toBe(1000);
    expect(slow?.viewportHeight).toBe(700);
    expect(slow?.documentHeight).toBeGreaterThan(3000);

    const dead = clickOn('#dead');
    expect(dead?.reaction).toMatchObject({ observedMs: 1000 });
    for (const key of [
      'domMutationMs',
      'navigationMs',
      'scrollMs',
      'focusChangeMs',
      'selectionChangeMs',
    ] as const) {
      expect(dead?.reaction?.[key]).toBeUndefined();
    }
    expect(dead?.interactive).toBe(true);

    const plain = clickOn('#plain');
    expect(plain?.interactive).toBe(false);
    expect(plain?.reaction?.selectionChangeMs).toBeUndefined();
    expect(plain?.reaction?.domMutationMs).toBeUndefined();
    expect(clickOn('#pointer')?.interactive).toBe(true);
    expect(clickOn('#field')).toMatchObject({ textField: true, interactive: true });

    const box = clickOn('#box');
    expect(box).toMatchObject({ modifierKey: true, targetWidth: 200, targetHeight: 100 });
    expect(box?.targetXRatio).toBeCloseTo(0.25, 2);
    expect(box?.targetYRatio).toBeCloseTo(0.25, 2);
    expect(box?.pageY).toBe(325);

    expect(clickOn('#spa')?.reaction?.navigationMs).toBeGreaterThanOrEqual(0);

    const errors = events().flatMap((e) => (e.kind.case === 'jsError' ? [e.kind.value] : []));
    const thrown = errors.find((e) => e.kind === JsErrorKind.ERROR);
    expect(thrown?.message).toContain('boom at 1');
    expect(thrown?.stack).toContain('TypeError');
    expect(thrown?.source).toContain('/clicks.html');
    expect(thrown?.line).toBeGreaterThan(0);
    expect(thrown?.column).toBeGreaterThan(0);
    const rejected = errors.find((e) => e.kind === JsErrorKind.UNHANDLED_REJECTION);
    expect(rejected?.message).toBe('RangeError: nope');
    expect(rejected?.stack).toContain('RangeError');

    const samples = events().flatMap((e) => (e.kind.case === 'mouseMoves' ? e.kind.value.samples : []));
    expect(samples.length).toBeGreaterThanOrEqual(5);
    expect(samples.length).toBeLessThanOrEqual(21);
    for (const [i, s] of samples.entries()) {
      if (i > 0 && s.offsetMs > 0) expect(s.offsetMs - samples[i - 1]!.offsetMs).toBeGreaterThanOrEqual(0);
      expect(s.buttonPressed).toBe(false);
    }

    // A link reports its navigation, sent as the page goes away.
    await page.click('#link');
    await page.waitForURL('**/other.html');
    await waitFor(() => clickOn('#link') !== undefined, 10_000);
    const link = clickOn('#link');
    expect(link?.reaction?.navigationMs).toBeGreaterThanOrEqual(0);
    expect(link?.reaction?.observedMs).toBeLessThan(1000);

    // Every batch names its tab: the same across loads of one tab, another in a new tab.
    const tabIds = new Set(ingest.batches.map((b) => b.request.tabId));
    expect(tabIds.size).toBe(1);
    const [tabId] = tabIds;
    expect(tabId).toMatch(/^[0-9a-f-]{36}$/);
    const second = await context.newPage();
    await second.goto(`${site.url}/other.html`);
    await second.click('p');
    await waitFor(() => ingest.batches.some((b) => b.request.tabId !== tabId), 10_000);
    await context.close();
  }, 60_000);
});
