import type { KeyValueStore } from './key-value-store.ts';
import { nextSession, type SessionState } from './session.ts';

const SESSION_KEY = 'gosight_session';
// Replay emits many events a second; re-reading and writing storage for each
// one buys nothing, since the rules work at minute and day resolution.
const TOUCH_INTERVAL_MS = 1000;

export type SessionStartListener = (previous: SessionState | undefined, next: SessionState) => void;

export interface SessionTracker {
  // Records user activity at nowMs: applies the session rules and returns the
  // current session. Only user actions count, never page-driven changes.
  touch(nowMs: number): SessionState;
  // Numbers an event; events are user activity, so this touches first.
  nextEventSequence(nowMs: number): { sessionId: string; sequence: number };
  // Numbers a replay chunk of the current session, without touching it.
  nextChunkSequence(): { sessionId: string; sequence: number };
  onStart(listener: SessionStartListener): () => void;
}

// The state lives in storage so that tabs and page loads share one session and
// its counters (read-modify-write: two tabs racing can rarely share a number).
export function createSessionTracker(store: KeyValueStore, createId: () => string): SessionTracker {
  const listeners = new Set<SessionStartListener>();
  let current: SessionState | undefined;
  let lastTouchMs = Number.NEGATIVE_INFINITY;

  const save = (state: SessionState) => {
    current = state;
    store.set(SESSION_KEY, JSON.stringify(state));
  };

  const touch = (nowMs: number): SessionState => {
    if (current && nowMs >= lastTouchMs && nowMs - lastTouchMs < TOUCH_INTERVAL_MS) return current;
    lastTouchMs = nowMs;
    const previous = current;
    const step = nextSession(readState(store.get(SESSION_KEY)) ?? current, nowMs, createId);
    save(step.state);
    // Another tab may have started the session this tab now joins.
    if (previous?.id !== step.state.id) {
      for (const listener of listeners) listener(previous, step.state);
    }
    return step.state;
  };

  const take = (state: SessionState, counter: 'eventSequence' | 'chunkSequence') => {
    const stored = readState(store.get(SESSION_KEY));
    if (stored?.id !== state.id) {
      // Another tab has moved on to a newer session; this tab finds out at its
      // next touch. Number locally rather than overwrite that session.
      const sequence = state[counter];
      current = { ...state, [counter]: sequence + 1 };
      return { sessionId: state.id, sequence };
    }
    const fresh = { ...stored, lastActivityMs: Math.max(stored.lastActivityMs, state.lastActivityMs) };
    const sequence = fresh[counter];
    save({ ...fresh, [counter]: sequence + 1 });
    return { sessionId: fresh.id, sequence };
  };

  return {
    touch,
    nextEventSequence(nowMs) {
      lastTouchMs = Number.NEGATIVE_INFINITY;
      return take(touch(nowMs), 'eventSequence');
    },
    nextChunkSequence: () => take(current ?? touch(Date.now()), 'chunkSequence'),
    onStart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readState(raw: string | null): SessionState | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const v = value as Record<string, unknown>;
    if (
      typeof v.id === 'string' &&
      typeof v.startedAtMs === 'number' &&
      typeof v.lastActivityMs === 'number' &&
      typeof v.eventSequence === 'number' &&
      typeof v.chunkSequence === 'number'
    ) {
      return {
        id: v.id,
        startedAtMs: v.startedAtMs,
        lastActivityMs: v.lastActivityMs,
        eventSequence: v.eventSequence,
        chunkSequence: v.chunkSequence,
      };
    }
  } catch {}
  return undefined;
}
