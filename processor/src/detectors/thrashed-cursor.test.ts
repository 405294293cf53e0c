import { InsightType } from '@gosight/proto/v1/insights_pb';
import { beforeEach, describe, expect, it } from 'vitest';
import { detect, mouseMoves, resetIds, shake } from './test-events.ts';
import { EPISODE_REST_MS, THRASHED_CURSOR_DEFAULTS, thrashedCursor } from './thrashed-cursor.ts';

beforeEach(resetIds);

type P = [number, number, number, boolean?];

// Legs of `steps` samples each, every 50 ms, `stepPx` per sample, alternating right and left.
function zigzag(legs: number, steps: number, stepPx: number): P[] {
  const points: P[] = [[0, 300, 300]];
  let x = 300;
  for (let leg = 0; leg < legs; leg++) {
    for (let s = 0; s < steps; s++) {
      x += leg % 2 === 0 ? stepPx : -stepPx;
      points.push([points.length * 50, x, 300]);
    }
  }
  return points;
}

function line(count: number, stepPx: number, everyMs = 50): P[] {
  return Array.from(
    { length: count },
    (_, i) => [i * everyMs, 100 + i * stepPx, 100 + i * stepPx * 0.3] as P,
  );
}

describe('thrashed cursor', () => {
  it.each([
    { name: 'a fast shake', events: () => [mouseMoves(0, shake(30, 50, 100))], found: 1 },
    { name: 'a fast straight move', events: () => [mouseMoves(0, line(30, 40))], found: 0 },
    { name: 'a slow shake (300 px/s)', events: () => [mouseMoves(0, shake(30, 50, 15))], found: 0 },
    {
      name: 'a fast shake with the button pressed (dragging)',
      events: () => [
        mouseMoves(
          0,
          shake(30, 50, 100).map(([t, x, y]) => [t, x, y, true] as P),
        ),
      ],
      found: 0,
    },
    { name: '4 sharp reversals at speed', events: () => [mouseMoves(0, zigzag(5, 4, 50))], found: 1 },
    { name: '3 sharp reversals are not enough', events: () => [mouseMoves(0, zigzag(4, 4, 50))], found: 0 },
    { name: '4 reversals but a 350 px path', events: () => [mouseMoves(0, shake(6, 50, 70))], found: 0 },
    { name: '5 reversals on a 420 px path', events: () => [mouseMoves(0, shake(7, 50, 70))], found: 1 },
    {
      name: 'right-angle turns are no reversals (a fast square)',
      events: () => [
        mouseMoves(
          0,
          Array.from({ length: 30 }, (_, i) => {
            const corner = [
              [300, 300],
              [400, 300],
              [400, 400],
              [300, 400],
            ][i % 4] as [number, number];
            return [i * 50, corner[0], corner[1]] as P;
          }),
        ),
      ],
      found: 0,
    },
    { name: 'hand tremor under the minimum step', events: () => [mouseMoves(0, shake(30, 50, 4))], found: 0 },
    { name: 'reversals spread beyond 1.5 s', events: () => [mouseMoves(0, zigzag(5, 10, 40))], found: 0 },
    {
      name: 'a shake split over several events is one insight',
      events: () => [
        mouseMoves(0, shake(10, 50, 100)),
        mouseMoves(500, shake(10, 50, 100)),
        mouseMoves(1000, shake(10, 50, 100)),
      ],
      found: 1,
    },
    {
      name: 'two shakes 5 s apart are two insights',
      events: () => [mouseMoves(0, shake(20, 50, 100)), mouseMoves(5000, shake(20, 50, 100))],
      found: 2,
    },
  ])('$name', ({ events, found }) => {
    const insights = detect(thrashedCursor.create(THRASHED_CURSOR_DEFAULTS), events());
    expect(insights).toHaveLength(found);
    for (const insight of insights) expect(insight.type).toBe(InsightType.THRASHED_CURSOR);
  });

  it('measures the episode: path, reversals, speed, time span and events', () => {
    const insights = detect(thrashedCursor.create(THRASHED_CURSOR_DEFAULTS), [
      mouseMoves(1000, shake(10, 50, 100)),
      mouseMoves(1500, shake(10, 50, 100)),
    ]);
    expect(insights).toHaveLength(1);
    const [insight] = insights;
    // 20 samples 50 ms apart, 100 px each way: 19 segments of 100 px over 950 ms.
    expect(insight).toMatchObject({
      timestampMs: 1000n,
      endTimestampMs: 1950n,
      pathLengthPx: 1900,
      meanSpeedPxPerS: 2000,
      url: 'https://shop.example/',
      selector: '',
      eventIds: ['e1', 'e2'],
    });
    expect(insight?.directionChanges).toBe(18);
  });

  it('closes an episode once the pointer rested, and is then idle', () => {
    const detector = thrashedCursor.create(THRASHED_CURSOR_DEFAULTS);
    detector.handle(mouseMoves(0, shake(20, 50, 100)), { projectId: 'p', sessionId: 's', url: 'u' });
    expect(detector.flush(950 + EPISODE_REST_MS)).toEqual([]);
    expect(detector.flush(950 + EPISODE_REST_MS + 1)).toHaveLength(1);
    expect(detector.idle()).toBe(true);
  });

  it('forgets calm movement only after the window', () => {
    const detector = thrashedCursor.create(THRASHED_CURSOR_DEFAULTS);
    detector.handle(mouseMoves(0, line(5, 10)), { projectId: 'p', sessionId: 's', url: 'u' });
    expect(detector.flush(200 + 1500)).toEqual([]);
    expect(detector.idle()).toBe(false);
    expect(detector.flush(200 + 1501)).toEqual([]);
    expect(detector.idle()).toBe(true);
  });

  it('honours overridden thresholds', () => {
    const detector = thrashedCursor.create({ ...THRASHED_CURSOR_DEFAULTS, minReversals: 10 });
    expect(detect(detector, [mouseMoves(0, zigzag(5, 4, 50))])).toHaveLength(0);
  });
});
