import type { Page } from 'playwright-core';
import type { CorpusLabel } from './fixture.ts';
import { burst, center, clickAt, shakeOver, sleep, tapAt } from './gestures.ts';
import { glide, type Point } from './pointer.ts';
import { VARIANTS } from './scenario-variants.ts';

export interface Scenario {
  name: string;
  description: string;
  device: 'mouse' | 'touch';
  labels: CorpusLabel[];
  run(page: Page): Promise<void>;
}

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
