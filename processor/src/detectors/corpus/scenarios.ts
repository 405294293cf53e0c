import type { Page } from 'playwright-core';
import type { CorpusLabel } from './fixture.ts';
import { erraticPath, glide, type Point } from './pointer.ts';

export interface Scenario {
  name: string;
  description: string;
  device: 'mouse' | 'touch';
  labels: CorpusLabel[];
  run(page: Page): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function center(page: Page, selector: string): Promise<Point> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return [box.x + box.width / 2, box.y + box.height / 2];
}

async function clickAt(page: Page, selector: string, jitter: Point = [0, 0]): Promise<void> {
  const [x, y] = await center(page, selector);
  await page.mouse.move(x + jitter[0], y + jitter[1]);
  await page.mouse.click(x + jitter[0], y + jitter[1]);
}

async function tapAt(page: Page, selector: string, jitter: Point = [0, 0]): Promise<void> {
  const [x, y] = await center(page, selector);
  await page.touchscreen.tap(x + jitter[0], y + jitter[1]);
}

const JITTER: Point[] = [
  [0, 0],
  [3, -2],
  [-4, 1],
  [2, 4],
  [-1, -3],
  [5, 2],
  [-3, -4],
];

async function burst(
  page: Page,
  selector: string,
  clicks: number,
  everyMs: number,
  tap = false,
): Promise<void> {
  for (let i = 0; i < clicks; i++) {
    await (tap ? tapAt : clickAt)(page, selector, JITTER[i % JITTER.length]);
    await sleep(everyMs);
  }
}

async function shakeOver(page: Page, selector: string, seed: number, pressed = false): Promise<void> {
  const c = await center(page, selector);
  await page.mouse.move(c[0], c[1]);
  if (pressed) await page.mouse.down();
  await glide(page, [c, ...erraticPath(c, 360, 160, 9, seed)], 1400);
  if (pressed) await page.mouse.up();
}

async function shakeAt(
  page: Page,
  selector: string,
  seed: number,
  speed: number,
  width = 360,
  height = 160,
  turns = 9,
): Promise<void> {
  const c = await center(page, selector);
  await page.mouse.move(c[0], c[1]);
  await glide(page, [c, ...erraticPath(c, width, height, turns, seed)], speed);
}

// Variations of the core positives and hard negatives, so the scores rest on
// more than one recording of each behaviour.
const VARIANTS: Scenario[] = [
  ...[
    ['#pay', 100, 5],
    ['#fake', 250, 6],
    ['#counter', 380, 5],
    ['#toggle', 200, 8],
  ].map(([selector, everyMs, clicks]) => ({
    name: `rage-${String(selector).slice(1)}-${everyMs}ms`,
    description: `${clicks} clicks ${everyMs} ms apart on ${selector}`,
    device: 'mouse' as const,
    labels: [
      { signal: 'rage_click', selector: String(selector) },
      ...(selector === '#pay' || selector === '#fake'
        ? [{ signal: 'dead_click', selector: String(selector) }]
        : []),
    ],
    run: (page: Page) => burst(page, String(selector), Number(clicks), Number(everyMs)),
  })),
  {
    name: 'four-fast-clicks',
    description: 'Four fast clicks on a working counter: one short of a rage burst',
    device: 'mouse',
    labels: [],
    run: (page) => burst(page, '#counter', 4, 150),
  },
  {
    name: 'steady-clicking',
    description: 'Six clicks 600 ms apart on a working counter (3 s, not a burst)',
    device: 'mouse',
    labels: [],
    run: (page) => burst(page, '#counter', 6, 600),
  },
  {
    name: 'quick-clicks-across-controls',
    description: 'Quick clicks on four different working controls',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      for (const selector of ['#counter', '#toggle', '#slow', '#search']) {
        await clickAt(page, selector);
        await sleep(200);
      }
    },
  },
  {
    name: 'more-elements-that-do-nothing',
    description: 'A javascript:void link and a span with role=button, without handlers',
    device: 'mouse',
    labels: [
      { signal: 'dead_click', selector: '#void-link' },
      { signal: 'dead_click', selector: '#span-button' },
    ],
    run: async (page) => {
      await clickAt(page, '#void-link');
      await sleep(1500);
      await clickAt(page, '#span-button');
    },
  },
  {
    name: 'error-800-ms-after-click',
    description: 'A handler that shows progress and fails 800 ms later',
    device: 'mouse',
    labels: [{ signal: 'error_click', selector: '#throw-800' }],
    run: async (page) => {
      await clickAt(page, '#throw-800');
      await sleep(1000);
    },
  },
  {
    name: 'rejection-300-ms-after-click',
    description: 'A handler whose request promise rejects unhandled 300 ms later',
    device: 'mouse',
    labels: [{ signal: 'error_click', selector: '#reject-300' }],
    run: (page) => clickAt(page, '#reject-300'),
  },
  {
    name: 'two-errors-after-one-click',
    description: 'A click followed by two errors: one error click',
    device: 'mouse',
    labels: [{ signal: 'error_click', selector: '#throw-twice' }],
    run: (page) => clickAt(page, '#throw-twice'),
  },
  {
    name: 'error-clicks-on-two-controls',
    description: 'Two failing controls clicked 2 s apart',
    device: 'mouse',
    labels: [
      { signal: 'error_click', selector: '#throw-spinner' },
      { signal: 'error_click', selector: '#throw-800' },
    ],
    run: async (page) => {
      await clickAt(page, '#throw-spinner');
      await sleep(2000);
      await clickAt(page, '#throw-800');
      await sleep(1000);
    },
  },
  {
    name: 'touch-rejection',
    description: 'A tap on a handler whose promise rejects 300 ms later',
    device: 'touch',
    labels: [{ signal: 'error_click', selector: '#reject-300' }],
    run: (page) => tapAt(page, '#reject-300'),
  },
  {
    name: 'error-1500-ms-after-click',
    description: 'A handler that shows progress and fails 1.5 s later (outside the window)',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      await clickAt(page, '#throw-1500');
      await sleep(1700);
    },
  },
  ...[
    [31, 900, 360, 160],
    [47, 1800, 300, 120],
    [59, 1200, 500, 300],
  ].map(([seed, speed, width, height]) => ({
    name: `thrash-seed${seed}-${speed}pxs`,
    description: `An erratic shake at ${speed} px/s over ${width} x ${height} px`,
    device: 'mouse' as const,
    labels: [{ signal: 'thrashed_cursor' }],
    run: (page: Page) => shakeAt(page, '#pad', Number(seed), Number(speed), Number(width), Number(height)),
  })),
  {
    name: 'thrash-vertical',
    description: 'A fast up-and-down shake',
    device: 'mouse',
    labels: [{ signal: 'thrashed_cursor' }],
    run: async (page) => {
      const [x, y] = await center(page, '#pad');
      const path: Point[] = Array.from({ length: 10 }, (_, i) => [
        x + (i % 3) * 15,
        y + (i % 2 === 0 ? -150 : 150),
      ]);
      await glide(page, [[x, y], ...path], 1300);
    },
  },
  {
    name: 'fast-reading',
    description: 'The pointer follows lines of text quickly, with line returns',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      const box = await page.locator('#prose').boundingBox();
      if (!box) throw new Error('no prose');
      for (let line = 0; line < 4; line++) {
        const y = box.y + 12 + line * 24;
        await glide(
          page,
          [
            [box.x, y],
            [box.x + 650, y + 4],
          ],
          450,
        );
        await glide(
          page,
          [
            [box.x + 650, y + 4],
            [box.x, y + 24],
          ],
          2000,
        );
      }
    },
  },
  {
    name: 'fast-circles',
    description: 'Fast circles over the page (turning, never reversing)',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      const [x, y] = await center(page, '#pad');
      const path: Point[] = Array.from({ length: 49 }, (_, i) => [
        x + 150 * Math.cos((i * Math.PI) / 8),
        y + 150 * Math.sin((i * Math.PI) / 8),
      ]);
      await glide(page, path, 1400);
    },
  },
  {
    name: 'comparing-two-options',
    description: 'Moving between two buttons four times, stopping on each',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      const a = await center(page, '#pay');
      const b = await center(page, '#slow');
      for (let i = 0; i < 4; i++) {
        await glide(page, i % 2 === 0 ? [a, b] : [b, a], 1600);
        await sleep(450);
      }
    },
  },
  {
    name: 'dragging-fast',
    description: 'A faster erratic drag with the button held',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      const c = await center(page, '#pad');
      await page.mouse.move(c[0], c[1]);
      await page.mouse.down();
      await glide(page, [c, ...erraticPath(c, 300, 120, 9, 47)], 1800);
      await page.mouse.up();
    },
  },
  {
    name: 'touch-rage-on-counter',
    description: 'Six fast taps on a working counter',
    device: 'touch',
    labels: [{ signal: 'rage_click', selector: '#counter' }],
    run: (page) => burst(page, '#counter', 6, 150, true),
  },
  {
    name: 'touch-dead-span',
    description: 'A tap on a span with role=button and no handler, then on a working toggle',
    device: 'touch',
    labels: [{ signal: 'dead_click', selector: '#span-button' }],
    run: async (page) => {
      await tapAt(page, '#span-button');
      await sleep(1500);
      await tapAt(page, '#toggle');
    },
  },
];

export const SCENARIOS: Scenario[] = [
  {
    name: 'rage-on-dead-button',
    description: 'Six fast clicks on a button that does nothing',
    device: 'mouse',
    labels: [
      { signal: 'rage_click', selector: '#pay' },
      { signal: 'dead_click', selector: '#pay' },
    ],
    run: (page) => burst(page, '#pay', 6, 150),
  },
  {
    name: 'rage-on-working-counter',
    description: 'Seven fast clicks on a counter that reacts every time',
    device: 'mouse',
    labels: [{ signal: 'rage_click', selector: '#counter' }],
    run: (page) => burst(page, '#counter', 7, 120),
  },
  {
    name: 'double-click-is-not-rage',
    description: 'Two double clicks on a working counter, a second apart',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      await burst(page, '#counter', 2, 80);
      await sleep(1000);
      await burst(page, '#counter', 2, 80);
    },
  },
  {
    name: 'slow-but-responsive',
    description: 'A button that reacts after 600 ms, and a panel toggle',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      await clickAt(page, '#slow');
      await sleep(1500);
      await clickAt(page, '#toggle');
    },
  },
  {
    name: 'elements-that-do-nothing',
    description: 'A button without a handler and a div styled as a button',
    device: 'mouse',
    labels: [
      { signal: 'dead_click', selector: '#pay' },
      { signal: 'dead_click', selector: '#fake' },
    ],
    run: async (page) => {
      await clickAt(page, '#pay');
      await sleep(1500);
      await clickAt(page, '#fake');
    },
  },
  {
    name: 'working-controls',
    description: 'A toggle, an in-page anchor (scroll), a counter, a text field',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      await clickAt(page, '#toggle');
      await sleep(1200);
      await clickAt(page, '#counter');
      await sleep(1200);
      await clickAt(page, '#search');
      await sleep(1200);
      await clickAt(page, '#anchor');
    },
  },
  {
    name: 'navigation',
    description: 'A link to another page and back',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      await clickAt(page, '#nav');
      await page.waitForURL(/other\.html/);
      await sleep(800);
      await clickAt(page, '#back');
      await page.waitForURL(/shop\.html/);
    },
  },
  {
    name: 'clicks-on-nothing-interactive',
    description: 'Clicks on prose, on blank page and on an empty panel',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      await clickAt(page, '#prose', [-200, 0]);
      await sleep(1200);
      await page.mouse.click(1100, 380);
      await sleep(1200);
      await clickAt(page, '#pad');
    },
  },
  {
    name: 'modifier-clicks',
    description: 'Ctrl- and Shift-clicks on a button that does nothing',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      const [x, y] = await center(page, '#pay');
      await page.keyboard.down('Control');
      await page.mouse.click(x, y);
      await page.keyboard.up('Control');
      await sleep(1200);
      await page.keyboard.down('Shift');
      await page.mouse.click(x, y);
      await page.keyboard.up('Shift');
    },
  },
  {
    name: 'click-that-throws',
    description: 'A handler that throws a TypeError and changes nothing',
    device: 'mouse',
    labels: [
      { signal: 'error_click', selector: '#throw' },
      { signal: 'dead_click', selector: '#throw' },
    ],
    run: (page) => clickAt(page, '#throw'),
  },
  {
    name: 'click-that-throws-after-a-spinner',
    description: 'A handler that shows a spinner, then throws',
    device: 'mouse',
    labels: [{ signal: 'error_click', selector: '#throw-spinner' }],
    run: (page) => clickAt(page, '#throw-spinner'),
  },
  {
    name: 'click-with-unhandled-rejection',
    description: 'A handler whose promise rejects unhandled',
    device: 'mouse',
    labels: [
      { signal: 'error_click', selector: '#reject' },
      { signal: 'dead_click', selector: '#reject' },
    ],
    run: (page) => clickAt(page, '#reject'),
  },
  {
    name: 'unrelated-error-5-s-later',
    description: 'A working click; an unrelated timer throws 5 s later',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      await clickAt(page, '#late-error');
      await sleep(6000);
    },
  },
  {
    name: 'thrashed-cursor',
    description: 'An erratic shake over the page at speed',
    device: 'mouse',
    labels: [{ signal: 'thrashed_cursor' }],
    run: (page) => shakeOver(page, '#pad', 7),
  },
  {
    name: 'thrashed-cursor-twice',
    description: 'Two erratic shakes four seconds apart',
    device: 'mouse',
    labels: [{ signal: 'thrashed_cursor' }, { signal: 'thrashed_cursor' }],
    run: async (page) => {
      await shakeOver(page, '#pad', 11);
      await sleep(4000);
      await shakeOver(page, '#prose', 23);
    },
  },
  {
    name: 'reading',
    description: 'The pointer follows four lines of text at reading pace, with line returns',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      const box = await page.locator('#prose').boundingBox();
      if (!box) throw new Error('no prose');
      for (let line = 0; line < 4; line++) {
        const y = box.y + 12 + line * 24;
        await glide(
          page,
          [
            [box.x, y],
            [box.x + 650, y + 4],
          ],
          220,
        );
        await glide(
          page,
          [
            [box.x + 650, y + 4],
            [box.x, y + 24],
          ],
          1500,
        );
      }
    },
  },
  {
    name: 'dragging',
    description: 'The same erratic shake with the button held (dragging)',
    device: 'mouse',
    labels: [],
    run: (page) => shakeOver(page, '#pad', 7, true),
  },
  {
    name: 'selecting-text',
    description: 'Selecting text back and forth with the button held',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      const box = await page.locator('#prose').boundingBox();
      if (!box) throw new Error('no prose');
      const y = box.y + 12;
      await page.mouse.move(box.x + 5, y);
      await page.mouse.down();
      await glide(
        page,
        [
          [box.x + 5, y],
          [box.x + 500, y + 30],
          [box.x + 200, y + 10],
          [box.x + 600, y + 50],
          [box.x + 300, y + 20],
          [box.x + 650, y + 60],
        ],
        1200,
      );
      await page.mouse.up();
    },
  },
  {
    name: 'ordinary-fast-moves',
    description: 'Quick straight moves between controls, with short stops',
    device: 'mouse',
    labels: [],
    run: async (page) => {
      const targets = await Promise.all(
        ['#pay', '#search', '#late-error', '#anchor', '#counter', '#pad', '#toggle'].map((s) =>
          center(page, s),
        ),
      );
      let from: Point = [20, 20];
      for (const to of targets) {
        await glide(page, [from, to], 1600);
        await sleep(350);
        from = to;
      }
    },
  },
  {
    name: 'touch-taps',
    description: 'Taps on a working counter, a toggle and a button that does nothing',
    device: 'touch',
    labels: [{ signal: 'dead_click', selector: '#pay' }],
    run: async (page) => {
      await tapAt(page, '#counter');
      await sleep(1200);
      await tapAt(page, '#toggle');
      await sleep(1200);
      await tapAt(page, '#pay');
    },
  },
  {
    name: 'touch-rage',
    description: 'Six fast taps on a button that does nothing',
    device: 'touch',
    labels: [
      { signal: 'rage_click', selector: '#pay' },
      { signal: 'dead_click', selector: '#pay' },
    ],
    run: (page) => burst(page, '#pay', 6, 150, true),
  },
  {
    name: 'touch-tap-that-throws',
    description: 'A tap on a handler that throws',
    device: 'touch',
    labels: [
      { signal: 'error_click', selector: '#throw' },
      { signal: 'dead_click', selector: '#throw' },
    ],
    run: (page) => tapAt(page, '#throw'),
  },
  ...VARIANTS,
];
