// The fields of an rrweb event the SDK reads; the rest is passed through.
export interface RrwebEvent {
  type: number;
  timestamp: number;
}

export const RRWEB_FULL_SNAPSHOT = 2;
export const RRWEB_META = 4;

// A cut of the recording, numbered, before encoding.
export interface RawChunk {
  sessionId: string;
  sequence: number;
  events: RrwebEvent[];
}

export interface ChunkSummary {
  firstTimestampMs: number;
  lastTimestampMs: number;
  eventCount: number;
  hasFullSnapshot: boolean;
}

export function summarizeChunk(events: readonly RrwebEvent[]): ChunkSummary {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let hasFullSnapshot = false;
  for (const event of events) {
    first = Math.min(first, event.timestamp);
    last = Math.max(last, event.timestamp);
    if (event.type === RRWEB_FULL_SNAPSHOT) hasFullSnapshot = true;
  }
  return events.length === 0
    ? { firstTimestampMs: 0, lastTimestampMs: 0, eventCount: 0, hasFullSnapshot: false }
    : { firstTimestampMs: first, lastTimestampMs: last, eventCount: events.length, hasFullSnapshot };
}
