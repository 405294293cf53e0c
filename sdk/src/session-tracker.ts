import type { KeyValueStore } from './key-value-store.ts';
import { nextSession, type SessionState } from './session.ts';

const SESSION_KEY = 'gosight_session';
const TAB_CHUNKS_KEY = 'gosight_tab_chunks';
// Replay emits many events a second; re-reading and writing storage for each
// one buys nothing, since the rules work at minute and day resolution.
const TOUCH_INTERVAL_MS = 1000;

export type SessionStartListener = (previous: SessionState | undefined, next: SessionState) => void;

export interface SessionTracker {
  // Records user activity at nowMs: applies the session rules and returns the
  // current session. Only user actions count, never page-driven changes.
  touch(nowMs: number): SessionState;
  // Numbers an event. Events a person causes touch first; others (errors,
  // timings) join the current session without extending it.
  nextEventSequence(nowMs: number, activity?: boolean): { sessionId: string; sequence: number };
  // Numbers a replay chunk of this tab in the given (default: current)
  // session, without touching it. Each tab records its own replay.
  nextChunkSequence(sessionId?: string): { sessionId: string; sequence: number };
  onStart(listener: SessionStartListener): () => void;
}

// The session lives in `store` (localStorage) so that tabs and page loads
// share it and its event counter (read-modify-write: two tabs racing can
// rarely share a number); replay chunk numbers live in `tabStore`
// (sessionStorage), one sequence per tab.
export function createSessionTracker(
  store: KeyValueStore,
  createId: () => string,
  tabStore: KeyValueStore = store,
): SessionTracker {
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

  const takeEvent = (state: SessionState) => {
    const stored = readState(store.get(SESSION_KEY));
    if (stored?.id !== state.id) {
      // Another tab has moved on to a newer session; this tab finds out at its
      // next touch. Number locally rather than overwrite that session.
      const sequence = state.eventSequence;
      current = { ...state, eventSequence: sequence + 1 };
      return { sessionId: state.id, sequence };
    }
    const fresh = { ...stored, lastActivityMs: Math.max(stored.lastActivityMs, state.lastActivityMs) };
    const sequence = fresh.eventSequence;
    save({ ...fresh, eventSequence: sequence + 1 });
    return { sessionId: fresh.id, sequence };
  };

  return {
    touch,
    nextEventSequence(nowMs, activity = true) {
      if (!activity && current) return takeEvent(current);
      lastTouchMs = Number.NEGATIVE_INFINITY;
      return takeEvent(touch(nowMs));
    },
    nextChunkSequence(sessionId) {
      const id = sessionId ?? (current ?? touch(Date.now())).id;
      const stored = readCounter(tabStore.get(TAB_CHUNKS_KEY));
      const sequence = stored?.sessionId === id ? stored.next : 0;
      tabStore.set(TAB_CHUNKS_KEY, JSON.stringify({ sessionId: id, next: sequence + 1 }));
      return { sessionId: id, sequence };
    },
    onStart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function parseObject(raw: string | null): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readCounter(raw: string | null): { sessionId: string; next: number } | undefined {
  const v = parseObject(raw);
  return typeof v?.sessionId === 'string' && typeof v.next === 'number'
    ? { sessionId: v.sessionId, next: v.next }
    : undefined;
}

function readState(raw: string | null): SessionState | undefined {
  const v = parseObject(raw);
  if (
    typeof v?.id === 'string' &&
    typeof v.startedAtMs === 'number' &&
    typeof v.lastActivityMs === 'number' &&
    typeof v.eventSequence === 'number'
  ) {
    return {
      id: v.id,
      startedAtMs: v.startedAtMs,
      lastActivityMs: v.lastActivityMs,
      eventSequence: v.eventSequence,
    };
  }
  return undefined;
}
