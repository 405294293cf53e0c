import { type ConsentState, doNotTrack, readConsent, writeConsent } from './consent.ts';
import { createBrowserStore, type KeyValueStore } from './key-value-store.ts';
import { type GoSightOptions, type ResolvedOptions, resolveOptions } from './options.ts';
import type { Properties } from './properties.ts';
import { startTracker, type Tracker } from './tracker.ts';

let options: ResolvedOptions | undefined;
let tracker: Tracker | undefined;
let consentStore: KeyValueStore | undefined;

const store = () => {
  consentStore ??= createBrowserStore();
  return consentStore;
};

// Remembers a choice of the visitor's, keeping the other.
const choose = (choice: Partial<ConsentState>) =>
  writeConsent(store(), { ...readConsent(store()), ...choice });

function startIfAllowed(): void {
  if (tracker || !options) return;
  const consent = readConsent(store());
  if (consent.optedOut) return;
  if (options.respectDoNotTrack && doNotTrack(window)) return;
  if (options.requireConsent && !consent.consented) return;
  tracker = startTracker(options);
}

function stopTracker(sendQueued: boolean): Promise<void> {
  const running = tracker;
  tracker = undefined;
  return running ? running.stop(sendQueued) : Promise.resolve();
}

// Starts capture on this page, unless the visitor opted out, the browser
// asks not to be tracked, or consent is required and not yet given. A second
// call is ignored; outside a browser (server-side rendering) it does nothing.
export function init(initOptions: GoSightOptions): void {
  if (options || typeof window === 'undefined') return;
  options = resolveOptions(initOptions, window.location.origin);
  startIfAllowed();
}

// Tells who the visitor is (your user id), with optional traits.
export function identify(userId: string, traits?: Properties): void {
  tracker?.identify(userId, traits);
}

// Sends a custom event with optional properties.
export function track(name: string, properties?: Properties): void {
  tracker?.track(name, properties);
}

// With init({ requireConsent: true }): the visitor agreed; capture starts,
// now and on later visits.
export function grantConsent(): void {
  choose({ consented: true });
  startIfAllowed();
}

// Withdraws consent: capture stops and what was not sent yet is forgotten.
export function revokeConsent(): void {
  choose({ consented: false });
  if (options?.requireConsent) void stopTracker(false);
}

// The visitor opts out: capture stops at once, what was not sent yet is
// forgotten, and nothing is captured on later visits until optIn().
export function optOut(): void {
  choose({ optedOut: true });
  void stopTracker(false);
}

export function optIn(): void {
  choose({ optedOut: false });
  startIfAllowed();
}

// Stops capture and sends what is still queued (one attempt per batch).
export async function shutdown(): Promise<void> {
  options = undefined;
  await stopTracker(true);
}

export const GoSight = { init, identify, track, grantConsent, revokeConsent, optOut, optIn, shutdown };
