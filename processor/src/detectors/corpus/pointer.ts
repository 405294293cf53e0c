import type { Page } from 'playwright-core';

export type Point = [number, number];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Moves the mouse along a polyline at a steady speed in real time (one move
// per animation frame), as a hand would, so the SDK's 50 ms sampling sees it.
export async function glide(page: Page, path: Point[], pxPerSecond: number): Promise<void> {
  const lengths = path
    .slice(1)
    .map((p, i) => Math.hypot(p[0] - (path[i] as Point)[0], p[1] - (path[i] as Point)[1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  const durationMs = (total / pxPerSecond) * 1000;
  const start = Date.now();
  for (;;) {
    const elapsed = Date.now() - start;
    const [x, y] = pointAt(path, lengths, Math.min(total, (elapsed / durationMs) * total));
    await page.mouse.move(x, y);
    if (elapsed >= durationMs) return;
    await sleep(16);
  }
}

function pointAt(path: Point[], lengths: number[], distance: number): Point {
  let left = distance;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    const [ax, ay] = path[i] as Point;
    const [bx, by] = path[i + 1] as Point;
    if (left <= length || i === lengths.length - 1) {
      const f = length === 0 ? 1 : Math.min(1, left / length);
      return [ax + (bx - ax) * f, ay + (by - ay) * f];
    }
    left -= length;
  }
  return path[0] as Point;
}

// A deterministic erratic path: `count` random points in a box around a centre.
export function erraticPath(
  center: Point,
  width: number,
  height: number,
  count: number,
  seed: number,
): Point[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    // Alternate sides so that consecutive moves mostly reverse, as a frustrated shake does.
    const side = i % 2 === 0 ? -1 : 1;
    points.push([
      center[0] + side * (width / 4 + (random() * width) / 4),
      center[1] + (random() - 0.5) * height,
    ]);
  }
  return points;
}
