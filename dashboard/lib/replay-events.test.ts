import { describe, expect, it } from 'vitest';
import { mergeReplayChunks, momentFrom, seekOffsetMs } from './replay-events';

describe('mergeReplayChunks', () => {
  it('concatenates events in chunk sequence order', () => {
    const merged = mergeReplayChunks([
      { sequence: 2, eventsJson: '[{"t":3}]' },
      { sequence: 0, eventsJson: '[{"t":1}]' },
      { sequence: 1, eventsJson: '[{"t":2}]' },
    ]);
    expect(merged).toEqual({ events: [{ t: 1 }, { t: 2 }, { t: 3 }], badChunks: [] });
  });

  it('skips unreadable chunks and reports them', () => {
    const merged = mergeReplayChunks([
      { sequence: 0, eventsJson: '[{"t":1}]' },
      { sequence: 1, eventsJson: '{broken' },
      { sequence: 2, eventsJson: '{"not":"an array"}' },
    ]);
    expect(merged).toEqual({ events: [{ t: 1 }], badChunks: [1, 2] });
  });
});

describe('seekOffsetMs and momentFrom', () => {
  const events = [{ timestamp: 1_000_000 }, { timestamp: 1_004_000 }, { timestamp: 1_010_000 }];
  const cases: [string, number | undefined, number | undefined][] = [
    ['no moment: play from the start', undefined, undefined],
    ['a moment inside: 2 s before it', 1_006_000, 4_000],
    ['a moment near the start: clamped to 0', 1_001_000, 0],
    ['a moment after the end: the end', 2_000_000, 10_000],
  ];
  for (const [name, at, expected] of cases) {
    it(name, () => expect(seekOffsetMs(events, at)).toBe(expected));
  }

  it('reads only epoch milliseconds from the query string', () => {
    expect(momentFrom('1790000000123')).toBe(1_790_000_000_123);
    expect(momentFrom(['1790000000123', 'x'])).toBe(1_790_000_000_123);
    expect(momentFrom('12abc')).toBeUndefined();
    expect(momentFrom(undefined)).toBeUndefined();
  });
});
