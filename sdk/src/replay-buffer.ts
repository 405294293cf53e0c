import { type RawChunk, RRWEB_FULL_SNAPSHOT, RRWEB_META, type RrwebEvent } from './replay-chunk.ts';
import type { SessionState } from './session.ts';

export interface ReplayBuffer {
  push(event: RrwebEvent): void;
  // Closes the previous session's recording; events are then dropped until the
  // next full snapshot, so the new session's first chunk starts with one.
  startSession(previous: SessionState | undefined): void;
  // Keeps what was recorded, but takes nothing more until the next full
  // snapshot (recording resumes after a pause).
  awaitSnapshot(): void;
  // Everything recorded since the last cut, as numbered chunks, oldest first.
  cut(): RawChunk[];
}

// Cuts the rrweb stream into chunks at each flush and at session boundaries.
export function createReplayBuffer(
  nextChunkSequence: (sessionId?: string) => { sessionId: string; sequence: number },
): ReplayBuffer {
  let events: RrwebEvent[] = [];
  let awaitingSnapshot = false;
  const closed: RawChunk[] = [];

  return {
    push(event) {
      if (awaitingSnapshot) {
        if (event.type !== RRWEB_META && event.type !== RRWEB_FULL_SNAPSHOT) return;
        if (event.type === RRWEB_FULL_SNAPSHOT) awaitingSnapshot = false;
      }
      events.push(event);
    },
    startSession(previous) {
      if (previous && events.length > 0) {
        closed.push({ ...nextChunkSequence(previous.id), events });
      }
      events = [];
      awaitingSnapshot = true;
    },
    awaitSnapshot() {
      awaitingSnapshot = true;
    },
    cut() {
      const chunks = closed.splice(0);
      if (events.length > 0 && !awaitingSnapshot) {
        chunks.push({ ...nextChunkSequence(), events });
        events = [];
      }
      return chunks;
    },
  };
}
