// The replay entry point, loaded lazily (its own chunk in the ESM build,
// sdk-replay.js next to sdk.js for the snippet): rrweb is most of the SDK's
// weight and pages that do not record never download it.
import { record } from '@rrweb/record';
import { RECORD_OPTIONS } from './record-options.ts';
import { createReplayBuffer } from './replay-buffer.ts';
import { inSample } from './sampling.ts';

export { chunkInit, chunkInitSync } from './encode-chunk.ts';

import type { RawChunk } from './replay-chunk.ts';
import type { SessionTracker } from './session-tracker.ts';

export interface ReplayRecorder {
  cut(): RawChunk[];
  // Stops or resumes recording (a page on the URL blocklist); resuming
  // starts again from a full snapshot.
  setPaused(paused: boolean): void;
  stop(): void;
}

export interface ReplayRecorderOptions {
  session: SessionTracker;
  // Share of sessions recorded (replaySampleRate).
  sampleRate: number;
  paused: boolean;
}

const INCREMENTAL_SNAPSHOT = 3;
// rrweb IncrementalSource values a person causes: mouse move, mouse
// interaction, scroll, input, touch move, drag, selection. DOM mutations and
// style changes are not activity (a ticking clock must not keep a session alive).
const USER_SOURCES = new Set([1, 2, 3, 5, 6, 12, 14]);

export function startReplayRecorder(options: ReplayRecorderOptions): ReplayRecorder | undefined {
  const { session } = options;
  const buffer = createReplayBuffer((sessionId) => session.nextChunkSequence(sessionId));
  let paused = options.paused;
  let current = session.touch(Date.now()).id;
  let recording = !paused && inSample(current, options.sampleRate);

  // Not from inside rrweb's emit callback: a snapshot taken while rrweb is
  // emitting a mutation can interleave with its mutation buffers.
  const snapshotSoon = () =>
    setTimeout(() => {
      try {
        record.takeFullSnapshot(true);
      } catch {}
    }, 0);
  const update = () => {
    const was = recording;
    recording = !paused && inSample(current, options.sampleRate);
    if (recording && !was) {
      buffer.awaitSnapshot();
      snapshotSoon();
    }
  };

  const stopSessionWatch = session.onStart((previous, next) => {
    buffer.startSession(previous);
    current = next.id;
    recording = !paused && inSample(current, options.sampleRate);
    if (recording) snapshotSoon();
  });
  const stopRecording = record({
    emit(event) {
      const source = (event.data as { source?: unknown } | undefined)?.source;
      if (event.type === INCREMENTAL_SNAPSHOT && typeof source === 'number' && USER_SOURCES.has(source)) {
        session.touch(event.timestamp);
      }
      if (recording) buffer.push(event);
    },
    ...RECORD_OPTIONS,
  });
  if (!stopRecording) {
    stopSessionWatch();
    return undefined;
  }
  return {
    cut: () => buffer.cut(),
    setPaused(value) {
      paused = value;
      update();
    },
    stop() {
      stopSessionWatch();
      stopRecording();
    },
  };
}
