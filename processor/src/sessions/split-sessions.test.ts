import { describe, expect, it } from 'vitest';
import { localDay } from './local-day.ts';
import { type SessionEvent, type SessionInput, splitSessions } from './split-sessions.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);

function event(
  id: string,
  timestampMs: number,
  type = 'click',
  extra: Partial<SessionEvent> = {},
): SessionEvent {
  return {
    event_id: id,
    timestamp_ms: timestampMs,
    type,
    url: `https://shop.example/${id}`,
    device_id: 'd1',
    user_id: '',
    browser: 'Chrome',
    os: 'Linux',
    device_type: 'desktop',
    country: 'DE',
    ...extra,
  };
}

function input(events: SessionEvent[], extra: Partial<SessionInput> = {}): SessionInput {
  return {
    projectId: 'p',
    sessionId: 's',
    timeZone: 'UTC',
    version: 1,
    events,
    insights: [],
    replay: [],
    ...extra,
  };
}

describe('splitSessions: where a session id is split', () => {
  it.each([
    {
      name: 'events 29 minutes apart stay one session',
      gapMs: 29 * MIN,
      start: T0,
      zone: 'UTC',
      keys: ['s'],
    },
    {
      name: 'exactly 30 minutes idle stays one session',
      gapMs: 30 * MIN,
      start: T0,
      zone: 'UTC',
      keys: ['s'],
    },
    {
      name: 'more than 30 minutes idle starts a new one',
      gapMs: 30 * MIN + 1,
      start: T0,
      zone: 'UTC',
      keys: ['s', 's~1'],
    },
    {
      name: 'midnight UTC splits in a UTC project',
      gapMs: 20 * MIN,
      start: Date.UTC(2026, 10, 20, 23, 50),
      zone: 'UTC',
      keys: ['s', 's~1'],
    },
    {
      name: 'midnight UTC does not split in New York (19:00 there)',
      gapMs: 20 * MIN,
      start: Date.UTC(2026, 10, 20, 23, 50),
      zone: 'America/New_York',
      keys: ['s'],
    },
    {
      name: 'midnight in New York splits there (05:00 UTC)',
      gapMs: 20 * MIN,
      start: Date.UTC(2026, 10, 21, 4, 50),
      zone: 'America/New_York',
      keys: ['s', 's~1'],
    },
    {
      name: 'an unknown time zone counts as UTC',
      gapMs: 20 * MIN,
      start: Date.UTC(2026, 10, 20, 23, 50),
      zone: 'Not/AZone',
      keys: ['s', 's~1'],
    },
  ])('$name', ({ gapMs, start, zone, keys }) => {
    const rows = splitSessions(input([event('a', start), event('b', start + gapMs)], { timeZone: zone }));
    expect(rows.map((row) => row.session_key)).toEqual(keys);
  });

  it.each([
    ['browser', { browser: 'Firefox' }],
    ['OS', { os: 'Windows' }],
    ['device type', { device_type: 'mobile' }],
    ['device id', { device_id: 'd2' }],
  ])('another %s starts a new session', (_name, change) => {
    const rows = splitSessions(input([event('a', T0), event('b', T0 + MIN, 'click', change)]));
    expect(rows).toHaveLength(2);
  });

  it('orders events by time whatever the input order', () => {
    const rows = splitSessions(input([event('c', T0 + 2 * MIN), event('a', T0), event('b', T0 + MIN)]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ start_ms: T0, end_ms: T0 + 2 * MIN, duration_ms: 2 * MIN, events: 3 });
  });
});

describe('splitSessions: figures of a session', () => {
  it('counts page views, clicks, errors, frustration signals and finds entry, exit, user and replay', () => {
    const later = T0 + 2 * 60 * MIN;
    const rows = splitSessions(
      input(
        [
          event('a', T0, 'page_view', { url: 'https://shop.example/' }),
          event('b', T0 + MIN, 'click'),
          event('c', T0 + 2 * MIN, 'identify', { user_id: 'u1' }),
          event('d', T0 + 3 * MIN, 'route_change', { url: 'https://shop.example/cart' }),
          event('e', T0 + 4 * MIN, 'js_error'),
          event('f', T0 + 5 * MIN, 'click', { url: 'https://shop.example/cart' }),
          event('g', later, 'page_view', { url: 'https://shop.example/again', country: '' }),
        ],
        {
          insights: [
            { insight_id: 'i1', type: 'rage_click', timestamp_ms: T0 + MIN },
            { insight_id: 'i2', type: 'dead_click', timestamp_ms: T0 + 5 * MIN },
            { insight_id: 'i3', type: 'error_click', timestamp_ms: T0 + 4 * MIN },
            { insight_id: 'i4', type: 'thrashed_cursor', timestamp_ms: later + 1 },
            { insight_id: 'i5', type: 'rage_click', timestamp_ms: T0 - MIN },
          ],
          replay: [{ first_timestamp_ms: T0 - 10, last_timestamp_ms: T0 + 10 }],
        },
      ),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      session_key: 's',
      page_views: 2,
      clicks: 2,
      errors: 1,
      events: 6,
      rage_clicks: 2,
      dead_clicks: 1,
      error_clicks: 1,
      thrashed_cursors: 0,
      entry_url: 'https://shop.example/',
      exit_url: 'https://shop.example/cart',
      user_id: 'u1',
      browser: 'Chrome',
      country: 'DE',
      has_replay: 1,
      date: '2026-11-20',
    });
    expect(rows[1]).toMatchObject({
      session_key: 's~1',
      page_views: 1,
      thrashed_cursors: 1,
      user_id: 'u1',
      has_replay: 0,
      entry_url: 'https://shop.example/again',
      exit_url: 'https://shop.example/again',
    });
  });
});

describe('localDay', () => {
  it.each([
    [Date.UTC(2026, 0, 1, 0, 30), 'UTC', '2026-01-01'],
    [Date.UTC(2026, 0, 1, 0, 30), 'America/Los_Angeles', '2025-12-31'],
    [Date.UTC(2026, 0, 1, 23, 30), 'Asia/Tokyo', '2026-01-02'],
  ])('%i in %s is %s', (ms, zone, day) => {
    expect(localDay(ms, zone)).toBe(day);
  });
});
