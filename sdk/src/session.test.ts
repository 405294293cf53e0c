import { describe, expect, it } from 'vitest';
import { nextSession, type SessionState } from './session.ts';

// Local-time constructors keep the day-change cases right in any TZ.
const at = (day: number, hour: number, minute: number, second = 0) =>
  new Date(2025, 2, day, hour, minute, second).getTime();

const session = (startedAtMs: number, lastActivityMs: number): SessionState => ({
  id: 'old',
  startedAtMs,
  lastActivityMs,
  eventSequence: 7,
});

const cases: { name: string; state: SessionState | undefined; now: number; started: boolean }[] = [
  { name: 'first visit', state: undefined, now: at(10, 12, 0), started: true },
  {
    name: 'activity a minute later',
    state: session(at(10, 12, 0), at(10, 12, 0)),
    now: at(10, 12, 1),
    started: false,
  },
  {
    name: 'idle just under 30 minutes',
    state: session(at(10, 12, 0), at(10, 12, 0)),
    now: at(10, 12, 29, 59),
    started: false,
  },
  {
    name: 'idle exactly 30 minutes',
    state: session(at(10, 12, 0), at(10, 12, 0)),
    now: at(10, 12, 30),
    started: true,
  },
  { name: 'idle two hours', state: session(at(10, 9, 0), at(10, 10, 0)), now: at(10, 12, 0), started: true },
  {
    name: 'long session kept alive by activity',
    state: session(at(10, 8, 0), at(10, 11, 50)),
    now: at(10, 12, 0),
    started: false,
  },
  {
    name: 'midnight passed while active',
    state: session(at(10, 23, 50), at(10, 23, 59)),
    now: at(11, 0, 1),
    started: true,
  },
  {
    name: 'same day after midnight start',
    state: session(at(11, 0, 1), at(11, 0, 5)),
    now: at(11, 0, 6),
    started: false,
  },
  {
    name: 'clock stepped back a little',
    state: session(at(10, 12, 0), at(10, 12, 5)),
    now: at(10, 12, 4),
    started: false,
  },
  {
    name: 'clock stepped back a day',
    state: session(at(10, 12, 0), at(10, 12, 5)),
    now: at(9, 12, 4),
    started: true,
  },
];

describe('nextSession', () => {
  it.each(cases)('$name', ({ state, now, started }) => {
    const step = nextSession(state, now, () => 'new');
    expect(step.started).toBe(started);
    if (started) {
      expect(step.state).toEqual({
        id: 'new',
        startedAtMs: now,
        lastActivityMs: now,
        eventSequence: 0,
      });
    } else {
      expect(step.state.id).toBe('old');
      expect(step.state.startedAtMs).toBe(state?.startedAtMs);
      expect(step.state.lastActivityMs).toBe(Math.max(now, state?.lastActivityMs ?? 0));
      expect(step.state.eventSequence).toBe(7);
    }
  });

  it('does not mutate the given state', () => {
    const state = session(at(10, 12, 0), at(10, 12, 0));
    nextSession(state, at(10, 12, 10), () => 'new');
    expect(state.lastActivityMs).toBe(at(10, 12, 0));
  });
});
