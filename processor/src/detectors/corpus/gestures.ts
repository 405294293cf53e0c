import type { Page } from 'playwright-core';
import { erraticPath, glide, type Point } from './pointer.ts';

// The pointer and touch gestures the recorded scenarios are made of.
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function center(page: Page, selector: string): Promise<Point> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return [box.x + box.width / 2, box.y + box.height / 2];
}

export async function clickAt(page: Page, selector: string, jitter: Point = [0, 0]): Promise<void> {
  const [x, y] = await center(page, selector);
  await page.mouse.move(x + jitter[0], y + jitter[1]);
  await page.mouse.click(x + jitter[0], y + jitter[1]);
}

export async function tapAt(page: Page, selector: string, jitter: Point = [0, 0]): Promise<void> {
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

export async function burst(
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

export async function shakeOver(page: Page, selector: string, seed: number, pressed = false): Promise<void> {
  const c = await center(page, selector);
  await page.mouse.move(c[0], c[1]);
  if (pressed) await page.mouse.down();
  await glide(page, [c, ...erraticPath(c, 360, 160, 9, seed)], 1400);
  if (pressed) await page.mouse.up();
}

export async function shakeAt(
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
