export const SESSION_IDLE_MS = 30 * 60 * 1000;

export interface SessionState {
  id: string;
  startedAtMs: number;
  lastActivityMs: number;
  // Next Event.sequence to hand out in this session (shared by its tabs).
  eventSequence: number;
}

export interface SessionStep {
  state: SessionState;
  started: boolean;
}

// The session rules (seed section 2.2): a new session on the first visit, after
// 30 minutes without activity, and when the local calendar day changes.
export function nextSession(
  state: SessionState | undefined,
  nowMs: number,
  createId: () => string,
): SessionStep {
  if (
    state === undefined ||
    nowMs - state.lastActivityMs >= SESSION_IDLE_MS ||
    localDay(nowMs) !== localDay(state.startedAtMs)
  ) {
    return {
      state: {
        id: createId(),
        startedAtMs: nowMs,
        lastActivityMs: nowMs,
        eventSequence: 0,
      },
      started: true,
    };
  }
  return { state: { ...state, lastActivityMs: Math.max(state.lastActivityMs, nowMs) }, started: false };
}

function localDay(ms: number): number {
  const date = new Date(ms);
  return date.getFullYear() * 10_000 + date.getMonth() * 100 + date.getDate();
}
