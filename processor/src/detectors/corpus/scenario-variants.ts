import type { Page } from 'playwright-core';
import { burst, center, clickAt, shakeAt, sleep, tapAt } from './gestures.ts';
import { erraticPath, glide, type Point } from './pointer.ts';
import type { Scenario } from './scenarios.ts';

// Variations of the core positives and hard negatives, so the scores rest on
// more than one recording of each behaviour.
export const VARIANTS: Scenario[] = [
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
