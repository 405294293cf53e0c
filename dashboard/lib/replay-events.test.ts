import { describe, expect, it } from 'vitest';
import { mergeReplayChunks } from './replay-events';

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
