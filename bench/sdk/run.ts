// Main-thread cost of the SDK in Chromium on a page with 10,000 DOM nodes and
// steady mutations: the page alone, with the SDK (replay off) and with replay
// on, each measured over a fixed window with Chrome's own accounting of the
// renderer main thread's CPU time (CDP Performance.getMetrics ThreadTime, with
// timeDomain threadTicks so that other processes competing for the cores do
// not count). Configurations take turns within each round (in rotating
// order), and each round's overheads are taken against that round's page
// alone, so that the machine's drift cancels; prints each figure's median and
// spread (min–max) over the rounds. The page alone runs twice per round: the
// difference of its two runs is the method's noise floor, printed beside the
// SDK's overheads. Ends with a Markdown figure table for
// bench/lib/summarize-runs.ts.
//
//   npx tsx bench/sdk/run.ts [windowSeconds=10] [rounds=7]
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { snippetTag } from '../../sdk/demo/snippet-tag.ts';
import { launchChromium } from '../../sdk/test/chromium.ts';
import { startFakeIngestServer } from '../../sdk/test/fake-ingest-server.ts';
import { busyPageBody } from './busy-page.ts';
import { createSdkProfileTally } from './profile.ts';
import { PAGE_ALONE, PAGE_ALONE_AGAIN, printReport, REPLAY_OFF, REPLAY_ON } from './report.ts';

const windowSeconds = Number(process.argv[2] ?? 10);
const rounds = Number(process.argv[3] ?? 7);
const SDK_DIR = fileURLToPath(new URL('../../sdk/', import.meta.url));

// The busy page (busy-page.ts), changing every 100 ms: about 700 mutation records a second.
const PAGE_BODY = busyPageBody('Math.random', 'setInterval(mutate, 100);');

type Config = { name: string; init?: Record<string, unknown> };

async function main() {
  // Source maps (not referenced from the files) name the profile's functions.
  execFileSync(process.execPath, ['build.mjs', '--sourcemap'], {
    cwd: SDK_DIR,
    stdio: 'ignore',
  });
  const tally = createSdkProfileTally(`${SDK_DIR}dist/`);
  const ingest = await startFakeIngestServer();
  const configs: Config[] = [
    { name: PAGE_ALONE },
    { name: REPLAY_OFF, init: { projectKey: 'bench', endpoint: ingest.url, replay: false } },
    { name: PAGE_ALONE_AGAIN },
    { name: REPLAY_ON, init: { projectKey: 'bench', endpoint: ingest.url, replay: true } },
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
  const ownCpu = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  const inSdk = new Map<string, number[]>(configs.map((c) => [c.name, []]));
  const inSdkCpu = new Map<string, number[]>(configs.map((c) => [c.name, []]));
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
      const sampled = tally.selfSeconds(profile);
      own.get(config.name)!.push((sampled.sdk / elapsed) * 100);
      // The SDK's share of the busy samples times the thread's CPU time: the
      // same figure without the descheduled time a loaded machine adds.
      const loadCorrected = (seconds: number) =>
        sampled.busy > 0 ? ((seconds / sampled.busy) * busy * 100) / elapsed : 0;
      ownCpu.get(config.name)!.push(loadCorrected(sampled.sdk));
      inSdk.get(config.name)!.push((sampled.inSdk / elapsed) * 100);
      inSdkCpu.get(config.name)!.push(loadCorrected(sampled.inSdk));
      await context.close();
    }
  }
  await browser.close();
  server.close();
  await ingest.close();

  printReport(
    {
      windowSeconds,
      rounds,
      cpu: results,
      own,
      ownCpu,
      inSdk,
      inSdkCpu,
      hot: tally.hot,
      batches: ingest.batches.length,
    },
    `${SDK_DIR}dist/`,
  );
}

try {
  await main();
} finally {
  // Leaves dist as `npm run build -w sdk` makes it: no source maps to publish by mistake.
  execFileSync(process.execPath, ['build.mjs'], { cwd: SDK_DIR, stdio: 'ignore' });
}
