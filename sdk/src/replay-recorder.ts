import { record } from '@rrweb/record';
import { createReplayBuffer } from './replay-buffer.ts';
import type { RawChunk } from './replay-chunk.ts';
import type { SessionTracker } from './session-tracker.ts';

export interface ReplayRecorder {
  cut(): RawChunk[];
  stop(): void;
}

const INCREMENTAL_SNAPSHOT = 3;
// rrweb IncrementalSource values a person causes: mouse move, mouse
// interaction, scroll, input, touch move, drag, selection. DOM mutations and
// style changes are not activity (a ticking clock must not keep a session alive).
const USER_SOURCES = new Set([1, 2, 3, 5, 6, 12, 14]);

export function startReplayRecorder(session: SessionTracker): ReplayRecorder | undefined {
  const buffer = createReplayBuffer(() => session.nextChunkSequence());
  const stopSessionWatch = session.onStart((previous) => {
    buffer.startSession(previous);
    // Not from inside rrweb's emit callback: a snapshot taken while rrweb is
    // emitting a mutation can interleave with its mutation buffers.
    setTimeout(() => {
      try {
        record.takeFullSnapshot(true);
      } catch {}
    }, 0);
  });
  const stopRecording = record({
    emit(event) {
      const source = (event.data as { source?: unknown } | undefined)?.source;
      if (event.type === INCREMENTAL_SNAPSHOT && typeof source === 'number' && USER_SOURCES.has(source)) {
        session.touch(event.timestamp);
      }
      buffer.push(event);
    },
    maskAllInputs: true,
    blockSelector: '[data-gosight-block]',
    maskTextSelector: '[data-gosight-mask]',
  });
  if (!stopRecording) {
    stopSessionWatch();
    return undefined;
  }
  return {
    cut: () => buffer.cut(),
    stop() {
      stopSessionWatch();
      stopRecording();
    },
  };
}
