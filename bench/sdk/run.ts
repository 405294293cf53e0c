// Main-thread cost of the SDK in Chromium on a page with 10,000 DOM nodes and
// steady mutations: the page alone, with the SDK (replay off) and with replay
// on, each measured over a fixed window with Chrome's own accounting of the
// renderer main thread's CPU time (CDP Performance.getMetrics ThreadTime, with
// timeDomain threadTicks so that other processes competing for the cores do
// not count). Configurations take turns within each round (in rotating
// order), and each round's overheads are taken against that round's page
// alone, so that the machine's drift cancels; prints each figure's median and
// spread (min–max) over the rounds.
//
//   npx tsx bench/sdk/run.ts [windowSeconds=10] [rounds=5]
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { snippetTag } from '../../sdk/demo/snippet-tag.ts';
import { launchChromium } from '../../sdk/test/chromium.ts';
import { startFakeIngestServer } from '../../sdk/test/fake-ingest-server.ts';

const windowSeconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 5);
const SDK_DIR = fileURLToPath(new URL('../../sdk/', import.meta.url));

// 1,000 rows of a div and 9 spans (10,000 elements); every 100 ms the page
// rewrites 50 spans' text, toggles a class on 20 rows, appends a row and
// removes the oldest: about 700 mutation records a second.
const PAGE_BODY = `<main id="grid"></main><script>
const grid = document.getElementById('grid');
const row = (n) => { const d = document.createElement('div'); d.className = 'row';
  for (let j = 0; j < 9; j++) { const s = document.createElement('span'); s.textContent = 'cell ' + n + '.' + j; d.appendChild(s); }
  return d; };
let next = 0;
for (; next < 1000; next++) grid.appendChild(row(next));
const spans = () => grid.getElementsByTagName('span');
setInterval(() => {
  const all = spans();
  for (let i = 0; i < 50; i++) all[(Math.random() * all.length) | 0].textContent = 'v' + Math.random().toString(36).slice(2, 8);
  for (let i = 0; i < 20; i++) grid.children[(Math.random() * grid.children.length) | 0].classList.toggle('hot');
  grid.appendChild(row(next++));
  grid.firstElementChild.remove();
}, 100);
</script>`;

type Config = { name: string; init?: Record<string, unknown> };

type Profile = {
  nodes: {
    id: number;
    callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number };
  }[];
  samples?: number[];
  timeDeltas?: number[];
};

// The SDK's functions that took the most self time, over all rounds.
const hot = new Map<string, number>();

// Seconds of samples whose top frame is a function of the SDK's files.
function sdkSelfSeconds(profile: Profile): number {
  const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const sdk = new Set(
    profile.nodes.filter((n) => /\/sdk(-extras|-replay)?\.js$/.test(n.callFrame.url)).map((n) => n.id),
  );
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let micros = 0;
  // timeDeltas[i] is the time before sample i; the time a sample stands for is the next delta.
  for (let i = 0; i < samples.length; i++) {
    if (!sdk.has(samples[i]!)) continue;
    micros += deltas[i + 1] ?? 0;
    const f = frame.get(samples[i]!)!;
    const key = `${f.url.replace(/.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1} ${f.functionName || '(anonymous)'}`;
    hot.set(key, (hot.get(key) ?? 0) + (deltas[i + 1] ?? 0));
  }
  return micros / 1e6;
}

async function main() {
  execFileSync(process.execPath, ['build.mjs'], { cwd: SDK_DIR, stdio: 'ignore' });
  const ingest = await startFakeIngestServer();
  const configs: Config[] = [
    { name: 'page alone' },
    { name: 'SDK, replay off', init: { projectKey: 'bench', endpoint: ingest.url, replay: false } },
    { name: 'SDK, replay on', init: { projectKey: 'bench', endpoint: ingest.url, replay: true } },
  ];
  let current: Config = configs[0]!;
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench').pathname;
    if (['/sdk.js', '/sdk-extras.js', '/sdk-replay.js'].includes(path)) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(`${SDK_DIR}dist${path}`));
      return;
    }
    const tag = current.init ? snippetTag('/sdk.js', current.init as { projectKey: string }) : '';
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>${tag}</head><body>${PAGE_BODY}</body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();

  const results = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  const own = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const config of configs.map((_, i) => configs[(i + round) % configs.length]!)) {
      current = config;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await page.goto(url);
      // Warm-up: the SDK loads, the recorder takes its first full snapshot.
      await page.waitForTimeout(3000);
      const taskSeconds = async () => {
        const { metrics } = await cdp.send('Performance.getMetrics');
        return metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
      };
      // A sampling profile over the same window tells the SDK's own
      // JavaScript (functions in sdk*.js) from the page's.
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
      const before = await taskSeconds();
      const start = performance.now();
      // A visitor moving the mouse across the page all the while.
      const deadline = start + windowSeconds * 1000;
      for (let i = 0; performance.now() < deadline; i++) {
        await page.mouse.move(100 + ((i * 37) % 1000), 100 + ((i * 53) % 600));
        await page.waitForTimeout(50);
      }
      const busy = (await taskSeconds()) - before;
      const { profile } = await cdp.send('Profiler.stop');
      const elapsed = (performance.now() - start) / 1000;
      results.get(config.name)!.push((busy / elapsed) * 100);
      own.get(config.name)!.push((sdkSelfSeconds(profile) / elapsed) * 100);
      await context.close();
    }
  }
  await browser.close();
  server.close();
  await ingest.close();

  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const spread = (values: number[]) =>
    `${Math.min(...values).toFixed(2)} … ${Math.max(...values).toFixed(2)}`;
  const alone = results.get('page alone')!;
  console.log(
    `SDK main-thread cost, ${windowSeconds} s windows, ${rounds} rounds, ${cpus().length} cores (${cpus()[0]?.model})`,
  );
  console.log(
    'config                 CPU median   CPU min … max     overhead median   overhead min … max   runs (CPU %)',
  );
  for (const [name, values] of results) {
    const overhead = values.map((v, i) => v - alone[i]!);
    console.log(
      [
        name.padEnd(22),
        `${median(values).toFixed(2)} %`.padStart(10),
        spread(values).padStart(16),
        `${median(overhead).toFixed(2)} pp`.padStart(16),
        spread(overhead).padStart(20),
        `  ${values.map((v) => v.toFixed(2)).join(' / ')}`,
      ].join(' '),
    );
  }
  console.log(
    'SDK JavaScript self time (functions in sdk.js, sdk-extras.js, sdk-replay.js), % of the window:',
  );
  for (const [name, values] of own) {
    if (name === 'page alone') continue;
    console.log(
      `${name.padEnd(22)} ${`${median(values).toFixed(2)} %`.padStart(10)} ${spread(values).padStart(16)}   ${values.map((v) => v.toFixed(2)).join(' / ')}`,
    );
  }
  console.log('hottest SDK functions (self ms over all rounds, minified file:line:column):');
  for (const [key, micros] of [...hot].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  }
  const batches = ingest.batches.length;
  console.log(`batches received by the fake ingestor: ${batches}`);
}

await main();
