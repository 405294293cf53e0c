import { describe, expect, it } from 'vitest';
import { createReplayBuffer } from './replay-buffer.ts';
import { summarizeChunk } from './replay-chunk.ts';
import type { SessionState } from './session.ts';

const meta = (t: number) => ({ type: 4, timestamp: t });
const full = (t: number) => ({ type: 2, timestamp: t });
const incr = (t: number) => ({ type: 3, timestamp: t });

function numbering() {
  let sessionId = 's1';
  let sequence = 0;
  return {
    next: (id?: string) =>
      id && id !== sessionId ? { sessionId: id, sequence: 1 } : { sessionId, sequence: sequence++ },
    rotate(id: string) {
      sessionId = id;
      sequence = 0;
    },
  };
}

const state = (id: string): SessionState => ({ id, startedAtMs: 0, lastActivityMs: 0, eventSequence: 0 });

describe('createReplayBuffer', () => {
  it('cuts what was recorded since the last cut, numbered', () => {
    const n = numbering();
    const buffer = createReplayBuffer(n.next);
    expect(buffer.cut()).toEqual([]);
    buffer.push(meta(1));
    buffer.push(full(2));
    buffer.push(incr(3));
    expect(buffer.cut()).toEqual([{ sessionId: 's1', sequence: 0, events: [meta(1), full(2), incr(3)] }]);
    buffer.push(incr(4));
    expect(buffer.cut()).toEqual([{ sessionId: 's1', sequence: 1, events: [incr(4)] }]);
    expect(buffer.cut()).toEqual([]);
  });

  it('closes the old session and starts the new one at its full snapshot', () => {
    const n = numbering();
    const buffer = createReplayBuffer(n.next);
    buffer.push(meta(1));
    buffer.push(full(2));
    expect(buffer.cut()).toHaveLength(1);
    buffer.push(incr(3));
    n.rotate('s2');
    buffer.startSession(state('s1'));
    buffer.push(incr(4)); // before the snapshot: superseded by it
    buffer.push(meta(5));
    expect(buffer.cut()).toEqual([{ sessionId: 's1', sequence: 1, events: [incr(3)] }]);
    buffer.push(full(6));
    buffer.push(incr(7));
    const [first] = buffer.cut();
    expect(first).toEqual({ sessionId: 's2', sequence: 0, events: [meta(5), full(6), incr(7)] });
    expect(summarizeChunk(first!.events).hasFullSnapshot).toBe(true);
  });
});

describe('summarizeChunk', () => {
  const cases = [
    {
      events: [],
      summary: { firstTimestampMs: 0, lastTimestampMs: 0, eventCount: 0, hasFullSnapshot: false },
    },
    {
      events: [meta(10), full(11), incr(15)],
      summary: { firstTimestampMs: 10, lastTimestampMs: 15, eventCount: 3, hasFullSnapshot: true },
    },
    {
      events: [incr(20), incr(18), incr(25)],
      summary: { firstTimestampMs: 18, lastTimestampMs: 25, eventCount: 3, hasFullSnapshot: false },
    },
  ];
  it.each(cases)('summarizes $events.length events', ({ events, summary }) => {
    expect(summarizeChunk(events)).toEqual(summary);
  });
});
