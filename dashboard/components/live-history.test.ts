import { describe, expect, it } from 'vitest';
import { appendPoint } from './live-history';

const snap = (atMs: number) => ({ atMs, activeSessions: atMs, eventsPerSecond: atMs / 10, pages: [] });

describe('appendPoint', () => {
  it.each([
    [[], 1, 3, [1]],
    [[1, 2], 3, 3, [1, 2, 3]],
    [[1, 2, 3], 4, 3, [2, 3, 4]],
    [[1, 2, 3, 4, 5], 6, 2, [5, 6]],
  ])('%j + %d (limit %d) keeps %j', (times, add, limit, expected) => {
    const history = times.map((t) => ({ t, activeSessions: t, eventsPerSecond: t / 10 }));
    const next = appendPoint(history, snap(add), limit);
    expect(next.map((point) => point.t)).toEqual(expected);
    expect(next.at(-1)).toEqual({ t: add, activeSessions: add, eventsPerSecond: add / 10 });
  });
});
