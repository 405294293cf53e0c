import { gunzipSync } from 'node:zlib';
import type { ReplayChunk } from '@gosight/proto/v1/events_pb';
import { ReplayEncoding } from '@gosight/proto/v1/events_pb';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSdk, launchChromium, waitFor } from '../test/chromium.ts';
import { type FakeIngestServer, startFakeIngestServer } from '../test/fake-ingest-server.ts';
import { type FixtureServer, startFixtureServer } from '../test/fixture-server.ts';

const SECRETS = [
  'Zebediah Quuxley',
  'hunter2-Pa55w0rd',
  'secret note text',
  'blocked words here',
  'areatext-typed',
  'deep masked start',
  'deep masked later',
  'deep masked added',
];
const FORM = `
<form onsubmit="return false">
  <input id="name" type="text">
  <input id="password" type="password">
  <textarea id="area"></textarea>
  <input id="agree" type="checkbox">
  <div data-gosight-block><input id="hidden" type="text"><p>blocked words here</p></div>
  <p data-gosight-mask>secret note text</p>
  <div data-gosight-mask><p><span id="deep">deep masked start</span></p><ul id="list"></ul></div>
  <button id="mutate" type="button">Mutate</button>
  <button id="go" type="button">Go</button>
  <button id="to-admin" type="button">Admin</button>
  <button id="to-home" type="button">Home</button>
</form>
<script>
  // The blocked path is built at run time so that no attribute or text holds it.
  document.getElementById('to-admin').onclick = () => history.pushState({}, '', ['', 'admin', 'users'].join('/'));
  document.getElementById('to-home').onclick = () => history.pushState({}, '', '/form.html');
  // Text that changes and appears deep inside a masked element, after the first snapshot.
  document.getElementById('mutate').onclick = () => {
    document.getElementById('deep').textContent = ['deep', 'masked', 'later'].join(' ');
    const item = document.createElement('li');
    item.innerHTML = '<b>' + ['deep', 'masked', 'added'].join(' ') + '</b>';
    document.getElementById('list').appendChild(item);
  };
</script>`;

let ingest: FakeIngestServer;
let site: FixtureServer;
let browser: Browser;

beforeAll(async () => {
  await buildSdk();
  ingest = await startFakeIngestServer();
  site = await startFixtureServer(
    { '/form.html': FORM, '/consent.html': '<button id="c">C</button>' },
    { projectKey: 'gs_privacy', endpoint: ingest.url, flushIntervalMs: 200, blockUrls: ['/admin/*'] },
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await ingest?.close();
});

const decode = (chunk: ReplayChunk) =>
  (chunk.encoding === ReplayEncoding.GZIP_JSON ? gunzipSync(chunk.data) : Buffer.from(chunk.data)).toString(
    'utf8',
  );
const forProject = (key: string) => ingest.batches.filter((b) => b.accepted && b.request.projectKey === key);

async function openForm(context: BrowserContext, path = '/form.html') {
  const page = await context.newPage();
  await page.goto(site.url + path);
  await page.waitForFunction(() => typeof window.GoSight?.init === 'function');
  return page;
}

describe('privacy in Chromium', () => {
  it('never sends what is typed, honours mask, block and the URL blocklist', async () => {
    const context = await browser.newContext();
    const page = await openForm(context);
    await page.fill('#name', SECRETS[0]!);
    await page.fill('#password', SECRETS[1]!);
    await page.fill('#area', SECRETS[4]!);
    await page.fill('#hidden', 'typed-in-blocked');
    await page.check('#agree');
    await page.click('#go');
    await page.click('#mutate');
    // On a blocked page nothing is captured, replay included.
    await page.waitForTimeout(1100);
    await page.click('#to-admin');
    await page.click('#go');
    await page.fill('#name', 'typed on admin');
    await page.click('#to-home');
    await page.waitForTimeout(1100);
    await page.click('#go');
    await waitFor(() => {
      const batches = forProject('gs_privacy');
      const clicks = batches.flatMap((b) => b.request.events).filter((e) => e.kind.case === 'click');
      return clicks.length >= 4 && batches.some((b) => b.request.replayChunks.length > 0);
    }, 15_000);
    await page.waitForTimeout(1500);
    await context.close();

    const batches = forProject('gs_privacy');
    const events = batches.flatMap((b) => b.request.events);
    const chunks = batches.flatMap((b) => b.request.replayChunks);
    const everything = [...ingest.bodies.map((b) => b.toString('latin1')), ...chunks.map(decode)].join('\n');
    for (const secret of [...SECRETS, 'typed-in-blocked', 'typed on admin', 'hunter2', 'Zebediah']) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toContain('/admin/users');
    // The deep texts were recorded, masked: the first snapshot's, then the changed and the added one.
    const replayText = chunks.map(decode).join('\n');
    expect(replayText.split('**** ****** *****').length - 1).toBeGreaterThanOrEqual(3);

    const changes = events.flatMap((e) => (e.kind.case === 'inputChange' ? [e.kind.value] : []));
    expect(changes.find((c) => c.selector === '#name')).toMatchObject({
      inputType: 'text',
      valueLength: SECRETS[0]!.length,
    });
    expect(changes.find((c) => c.selector === '#password')).toMatchObject({
      inputType: 'password',
      valueLength: 0,
    });
    expect(changes.find((c) => c.selector === '#area')).toMatchObject({
      tag: 'textarea',
      valueLength: SECRETS[4]!.length,
    });
    expect(changes.find((c) => c.selector === '#agree')).toMatchObject({
      inputType: 'checkbox',
      checked: true,
    });
    expect(changes.some((c) => c.selector === '#hidden')).toBe(false);
    // Typed on the blocked page: not seen.
    expect(changes.filter((c) => c.selector === '#name')).toHaveLength(1);

    const clicks = events.filter((e) => e.kind.case === 'click');
    expect(clicks.every((e) => !e.url.includes('/admin'))).toBe(true);
    const routes = events.flatMap((e) => (e.kind.case === 'routeChange' ? [e.kind.value] : []));
    expect(routes).toEqual([
      expect.objectContaining({ fromUrl: `${site.url}/form.html`, toUrl: '' }),
      expect.objectContaining({ fromUrl: '', toUrl: `${site.url}/form.html` }),
    ]);
    // Replay resumed after the blocked page with a new full snapshot.
    expect(chunks.filter((c) => c.hasFullSnapshot).length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('sends nothing under Do Not Track, before consent, or after opting out', async () => {
    const before = ingest.batches.length;
    // Do Not Track.
    const dnt = await browser.newContext();
    await dnt.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }),
    );
    const dntPage = await openForm(dnt, '/consent.html');
    await dntPage.click('#c');
    await dntPage.waitForTimeout(800);
    expect(ingest.batches.length).toBe(before);
    await dnt.close();

    // Consent required: nothing until grantConsent(), then capture starts.
    const consentSite = await startFixtureServer(
      { '/consent.html': '<button id="c">C</button>' },
      {
        projectKey: 'gs_consent',
        endpoint: ingest.url,
        replay: false,
        flushIntervalMs: 200,
        requireConsent: true,
      },
    );
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${consentSite.url}/consent.html`);
    await page.waitForFunction(() => typeof window.GoSight?.grantConsent === 'function');
    await page.click('#c');
    await page.waitForTimeout(800);
    expect(forProject('gs_consent')).toHaveLength(0);
    await page.evaluate(() => window.GoSight?.grantConsent?.());
    await page.click('#c');
    await waitFor(
      () => forProject('gs_consent').some((b) => b.request.events.some((e) => e.kind.case === 'click')),
      10_000,
    );

    // Opting out stops capture at once and on the next visit.
    await page.evaluate(() => window.GoSight?.optOut?.());
    const count = forProject('gs_consent').length;
    await page.click('#c');
    await page.reload();
    await page.waitForFunction(() => typeof window.GoSight?.init === 'function');
    await page.click('#c');
    await page.waitForTimeout(800);
    expect(forProject('gs_consent')).toHaveLength(count);
    await context.close();
    await consentSite.close();
  }, 60_000);
});
