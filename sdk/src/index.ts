import { type GoSightOptions, resolveOptions } from './options.ts';
import { startTracker, type Tracker } from './tracker.ts';

export type { GoSightOptions } from './options.ts';

let tracker: Tracker | undefined;

// Starts capture on this page. A second call while running is ignored; outside
// a browser (server-side rendering) it does nothing.
export function init(options: GoSightOptions): void {
  if (tracker || typeof window === 'undefined') return;
  tracker = startTracker(resolveOptions(options, window.location.origin));
}

// Stops capture and sends what is still queued (one attempt, no retries).
export async function shutdown(): Promise<void> {
  const running = tracker;
  tracker = undefined;
  await running?.stop();
}

export const GoSight = { init, shutdown };
