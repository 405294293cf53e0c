import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './key-value-store.ts';
import { SESSION_IDLE_MS } from './session.ts';
import { createSessionTracker } from './session-tracker.ts';

function ids() {
  let n = 0;
  return () => `s${++n}`;
}

const T0 = new Date(2025, 2, 10, 12, 0).getTime();

describe('createSessionTracker', () => {
  it('numbers events and chunks per session and restarts them in a new one', () => {
    const tracker = createSessionTracker(createMemoryStore(), ids());
    expect(tracker.nextEventSequence(T0)).toEqual({ sessionId: 's1', sequence: 0 });
    expect(tracker.nextEventSequence(T0 + 10)).toEqual({ sessionId: 's1', sequence: 1 });
    expect(tracker.nextChunkSequence()).toEqual({ sessionId: 's1', sequence: 0 });
    const later = T0 + 20 + SESSION_IDLE_MS;
    expect(tracker.nextEventSequence(later)).toEqual({ sessionId: 's2', sequence: 0 });
    expect(tracker.nextChunkSequence()).toEqual({ sessionId: 's2', sequence: 0 });
  });

  it('continues the stored session on the next page load', () => {
    const store = createMemoryStore();
    const tab = createMemoryStore();
    const first = createSessionTracker(store, ids(), tab);
    first.nextEventSequence(T0);
    first.nextChunkSequence();
    const second = createSessionTracker(store, () => 'unused', tab);
    expect(second.nextEventSequence(T0 + 5_000)).toEqual({ sessionId: 's1', sequence: 1 });
    expect(second.nextChunkSequence()).toEqual({ sessionId: 's1', sequence: 1 });
  });

  it('numbers replay chunks per tab, events per session', () => {
    const store = createMemoryStore();
    const tabA = createSessionTracker(store, ids(), createMemoryStore());
    const tabB = createSessionTracker(store, () => 'unused', createMemoryStore());
    expect(tabA.nextEventSequence(T0)).toEqual({ sessionId: 's1', sequence: 0 });
    expect(tabA.nextChunkSequence()).toEqual({ sessionId: 's1', sequence: 0 });
    expect(tabB.nextEventSequence(T0 + 1)).toEqual({ sessionId: 's1', sequence: 1 });
    expect(tabB.nextChunkSequence()).toEqual({ sessionId: 's1', sequence: 0 });
    expect(tabA.nextChunkSequence()).toEqual({ sessionId: 's1', sequence: 1 });
  });

  it('does not extend the session for events nobody caused', () => {
    const tracker = createSessionTracker(createMemoryStore(), ids());
    tracker.touch(T0);
    expect(tracker.nextEventSequence(T0 + SESSION_IDLE_MS - 1, false).sessionId).toBe('s1');
    expect(tracker.touch(T0 + SESSION_IDLE_MS).id).toBe('s2');
  });

  it('tells listeners about a new session, with the previous one', () => {
    const tracker = createSessionTracker(createMemoryStore(), ids());
    const seen: [string | undefined, string][] = [];
    tracker.onStart((previous, next) => seen.push([previous?.id, next.id]));
    tracker.touch(T0);
    tracker.touch(T0 + 60_000);
    tracker.touch(T0 + 60_000 + SESSION_IDLE_MS);
    expect(seen).toEqual([
      [undefined, 's1'],
      ['s1', 's2'],
    ]);
  });

  it('does not count chunk numbering as activity', () => {
    const tracker = createSessionTracker(createMemoryStore(), ids());
    tracker.touch(T0);
    tracker.nextChunkSequence();
    expect(tracker.touch(T0 + SESSION_IDLE_MS).id).toBe('s2');
  });

  it('joins the session another tab started and never overwrites it', () => {
    const store = createMemoryStore();
    const tabA = createSessionTracker(store, () => 'a1');
    const tabB = createSessionTracker(store, () => 'b1');
    tabA.touch(T0);
    const later = T0 + SESSION_IDLE_MS;
    expect(tabB.nextEventSequence(later)).toEqual({ sessionId: 'b1', sequence: 0 });
    // Tab A has not touched since: its replay tail still belongs to a1.
    expect(tabA.nextChunkSequence('a1')).toEqual({ sessionId: 'a1', sequence: 0 });
    expect(JSON.parse(store.get('gosight_session') ?? '{}').id).toBe('b1');
    expect(tabA.nextEventSequence(later + 1)).toEqual({ sessionId: 'b1', sequence: 1 });
  });

  it('ignores corrupt stored state', () => {
    const store = createMemoryStore();
    store.set('gosight_session', '{"id":42}');
    expect(createSessionTracker(store, ids()).touch(T0).id).toBe('s1');
  });
});
