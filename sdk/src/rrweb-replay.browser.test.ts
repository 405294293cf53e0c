// Every recorded session replays: a seeded stream of DOM changes
// (test/replay-fuzz.ts) is recorded in Chromium by rrweb as the SDK builds it
// (rrweb-slim.mjs, with its text-swap fast path), then replayed with the
// replayer the dashboard uses (@rrweb/replay); at every step the replay shows
// the page's DOM as it was, masked text as asterisks and blocked parts
// opaque. rrweb as published runs the same streams, checking the harness.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rrwebSlim } from '../rrweb-slim.mjs';
import { launchChromium } from '../test/chromium.ts';
import { pageScript } from '../test/page-script.ts';
import { CANONICAL_DOM, FUZZ_PAGE, FUZZ_STEPS } from '../test/replay-fuzz.ts';

const SEEDS = [1, 2, 3, 4, 5, 6];
// rrweb as published only shows that the harness holds: fewer seeds.
const CONTROL_SEEDS = [1, 2, 3];
const STEPS = 60;

// The SDK's record options (record-options.ts).
const RECORDER = `import { record } from '@rrweb/record';
import { RECORD_OPTIONS } from './src/record-options.ts';
window.events = [];
window.stop = record({ emit: (event) => window.events.push(event), ...RECORD_OPTIONS });`;

const REPLAYER = `import { Replayer } from '@rrweb/replay';
window.replayAt = (events, offsets) => {
  const replayer = new Replayer(events, { root: document.body, showWarning: false, mouseTail: false });
  return offsets.map((offset) => {
    replayer.pause(offset);
    return canonicalDom(replayer.iframe.contentDocument.getElementById('app'), false);
  });
};`;

type Checkpoint = { at: number; dom: string };
type Recorded = { checkpoints: Checkpoint[]; events: { type: number; timestamp: number; data?: unknown }[] };

let browser: Browser;
let replayer: string;
beforeAll(async () => {
  browser = await launchChromium();
  replayer = await pageScript(REPLAYER);
});
afterAll(async () => {
  await browser?.close();
});

async function recordFuzz(recorder: string, seed: number): Promise<Recorded> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html><head></head><body>${FUZZ_PAGE}</body></html>`);
    await page.addScriptTag({ content: CANONICAL_DOM + FUZZ_STEPS });
    await page.addScriptTag({ content: recorder });
    return (await page.evaluate(
      `(async () => { await new Promise((r) => setTimeout(r, 20));
        const checkpoints = await runFuzz(${seed}, ${STEPS});
        window.stop();
        return { checkpoints, events: window.events };
      })()`,
    )) as Recorded;
  } finally {
    await page.close();
  }
}

async function replay({ checkpoints, events }: Recorded): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><head></head><body></body></html>');
    await page.addScriptTag({ content: CANONICAL_DOM });
    await page.addScriptTag({ content: replayer });
    const start = events[0]!.timestamp;
    return (await page.evaluate(
      ([e, offsets]) =>
        (window as unknown as { replayAt(e: unknown, o: number[]): string[] }).replayAt(e, offsets),
      [events, checkpoints.map((c) => c.at - start)] as const,
    )) as string[];
  } finally {
    await page.close();
  }
}

const textChanges = (events: Recorded['events']) =>
  events.filter((e) => e.type === 3 && ((e.data as { texts?: unknown[] }).texts?.length ?? 0) > 0).length;

describe.each([
  ['rrweb as the SDK builds it', [rrwebSlim], SEEDS],
  ['rrweb as published', [], CONTROL_SEEDS],
] as const)('%s', (_, plugins, seeds) => {
  let recorder: string;
  beforeAll(async () => {
    recorder = await pageScript(RECORDER, [...plugins]);
  });

  it.each(seeds)('replays seed %i step by step as the page was', async (seed) => {
    const recorded = await recordFuzz(recorder, seed);
    expect(recorded.checkpoints).toHaveLength(STEPS);
    expect(textChanges(recorded.events)).toBeGreaterThan(0);
    const replayed = await replay(recorded);
    for (let step = 0; step < STEPS; step++) {
      expect({ step, dom: replayed[step] }).toEqual({ step, dom: recorded.checkpoints[step]!.dom });
    }
  });
});
