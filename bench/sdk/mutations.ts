// CPU cost of rrweb recording the DOM mutations of bench/sdk/run.ts's page
// (50 text changes, 20 class toggles, a row added and one removed per step),
// for rrweb as published and as the SDK's build edits it (rrweb-slim.mjs): an
// A/B for edits to rrweb's mutation handling that holds up under load better
// than the whole-page benchmark. Each variant
// runs the same seeded steps in a fresh page, the MutationObserver callback
// after each step, in one task; the renderer main thread's CPU time (CDP
// ThreadTime, thread ticks: time the thread was descheduled does not count)
// minus that of the same steps without recording, per step. Other processes
// still slow the thread down (shared caches and cores), so each page runs its
// steps in blocks of 20 and keeps its cheapest quarter of blocks (the
// 25th percentile), the figure least disturbed by the machine's load.
//
//   npx tsx bench/sdk/mutations.ts [steps=400] [rounds=7]
import { rrwebSlim } from '../../sdk/rrweb-slim.mjs';
import { launchChromium } from '../../sdk/test/chromium.ts';
import { pageScript } from '../../sdk/test/page-script.ts';
import { busyPageBody } from './busy-page.ts';
import { median } from './report.ts';

const steps = Number(process.argv[2] ?? 400);
const rounds = Number(process.argv[3] ?? 7);
const BLOCK = 20;

// The SDK's record options (sdk/src/record-options.ts).
const ENTRY = `import { record } from '@rrweb/record';
import { RECORD_OPTIONS } from './src/record-options.ts';
window.startRecording = () => record({ emit: (event) => { window.events++; }, ...RECORD_OPTIONS });`;

const PAGE = busyPageBody('random', 'window.events = 0;\nwindow.step = mutate;');

async function main() {
  const variants = [
    { name: 'without recording', script: await pageScript(ENTRY, [], true), record: false },
    { name: 'rrweb as published', script: await pageScript(ENTRY, [], true), record: true },
    { name: 'rrweb-slim (the SDK)', script: await pageScript(ENTRY, [rrwebSlim], true), record: true },
  ];
  const browser = await launchChromium();
  const cpu = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants.map((_, i) => variants[(i + round) % variants.length]!)) {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await page.setContent(`<!doctype html><html><head></head><body>${PAGE}</body></html>`);
      await page.addScriptTag({ content: variant.script });
      if (variant.record) await page.evaluate('window.startRecording()');
      await page.waitForTimeout(300);
      const threadTime = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
      const blocks: number[] = [];
      for (let block = 0; block < steps / BLOCK; block++) {
        const before = await threadTime();
        await page.evaluate(`(async () => {
          for (let i = 0; i < ${BLOCK}; i++) { window.step(); await Promise.resolve(); }
        })()`);
        blocks.push((((await threadTime()) - before) * 1e6) / BLOCK);
      }
      blocks.sort((a, b) => a - b);
      cpu.get(variant.name)!.push(blocks[Math.floor(blocks.length / 4)]!);
      await page.close();
    }
  }
  await browser.close();

  const base = cpu.get('without recording')!;
  console.log(
    `rrweb's cost of recording one step's mutations (µs of main-thread CPU), ${steps} steps, ${rounds} rounds`,
  );
  const rows: string[] = [];
  for (const [name, values] of cpu) {
    const perStep = values.map((v, i) => (name === 'without recording' ? v : v - base[i]!));
    const spread = `${Math.min(...perStep).toFixed(0)} … ${Math.max(...perStep).toFixed(0)}`;
    console.log(`${name.padEnd(26)} ${median(perStep).toFixed(0).padStart(6)} µs  (${spread})`);
    const what =
      name === 'without recording' ? 'the step itself, with the measuring calls' : `recording, ${name}`;
    rows.push(
      `| Mutation step, ${what} (µs of main-thread CPU) | ${median(perStep).toFixed(0)} µs (${spread}) | ${steps} steps, ${rounds} rounds |`,
    );
  }
  const published = cpu.get('rrweb as published')!;
  const saved = cpu.get('rrweb-slim (the SDK)')!.map((v, i) => published[i]! - v);
  const savedSpread = `${Math.min(...saved).toFixed(0)} … ${Math.max(...saved).toFixed(0)}`;
  console.log(`rrweb-slim saves ${median(saved).toFixed(0)} µs per step (${savedSpread}), paired by round`);
  rows.push(
    `| Mutation step, CPU saved by rrweb-slim (µs, paired by round) | ${median(saved).toFixed(0)} µs (${savedSpread}) | ${steps} steps, ${rounds} rounds |`,
  );
  console.log(['', '| figure | result | over |', '| --- | --- | --- |', ...rows].join('\n'));
}

await main();
