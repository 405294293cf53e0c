import type { chunkInit, chunkInitSync, startReplayRecorder } from './replay-recorder.ts';

export interface ReplayModule {
  startReplayRecorder: typeof startReplayRecorder;
  chunkInit: typeof chunkInit;
  chunkInitSync: typeof chunkInitSync;
}

declare global {
  interface Window {
    // Set by sdk-replay.js.
    GoSightReplay?: ReplayModule;
  }
}

export type ReplayLoader = () => Promise<ReplayModule>;

// Each build entry says how the recorder is fetched: the ESM build with a
// dynamic import (a chunk the bundler splits off), the snippet by a script tag.
let loader: ReplayLoader | undefined;

export function setReplayLoader(next: ReplayLoader): void {
  loader = next;
}

export function loadReplay(): Promise<ReplayModule> {
  return loader ? loader() : Promise.reject(new Error('GoSight: no replay in this build'));
}
