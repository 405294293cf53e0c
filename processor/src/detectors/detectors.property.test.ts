// Property tests of every registered detector over generated event streams
// (clicks, errors, page views, scrolls and mouse paths at any coordinates,
// including NaN and huge values, in timestamp order).
import type { Event } from '@gosight/proto/v1/events_pb';
import type { Insight } from '@gosight/proto/v1/insights_pb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RAGE_CLICK_DEFAULTS, rageClick } from './rage-click.ts';
import { DETECTORS } from './registry.ts';
import { click, detect, jsError, mouseMoves, pageView, resetIds, scroll } from './test-events.ts';

const coordinate = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.double(), fc.constant(Number.NaN));
const step = fc.oneof(
  fc.record({ kind: fc.constant('click' as const), x: coordinate, y: coordinate, interactive: fc.boolean() }),
  fc.record({ kind: fc.constant('error' as const) }),
  fc.record({ kind: fc.constant('page' as const), url: fc.constantFrom('https://a/1', 'https://a/2') }),
  fc.record({ kind: fc.constant('scroll' as const) }),
  fc.record({
    kind: fc.constant('moves' as const),
    points: fc.array(fc.tuple(fc.nat(2000), coordinate, coordinate), { minLength: 1, maxLength: 30 }),
  }),
);
// Steps with gaps from 0 to 3 s, so bursts fall inside and across windows.
const stream = fc.array(fc.tuple(fc.nat(3000), step), { maxLength: 60 });
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function events(steps: [number, Step][]): Event[] {
  resetIds();
  let at = 1_000_000;
  return steps.map(([gap, s]) => {
    at += gap;
    if (s.kind === 'click') return click(at, { pageX: s.x, pageY: s.y, interactive: s.interactive });
    if (s.kind === 'error') return jsError(at);
    if (s.kind === 'page') return pageView(at, s.url);
    if (s.kind === 'scroll') return scroll(at);
    return mouseMoves(
      at,
      [...s.points].sort((a, b) => a[0] - b[0]),
    );
  });
}

const counts = (insights: Insight[]) => insights.map((insight) => insight.clickCount);

describe('every detector', () => {
  it.each(DETECTORS.map((d) => [d.signal, d] as const))(
    '%s never throws and only cites input events',
    (_, d) => {
      fc.assert(
        fc.property(stream, (steps) => {
          const input = events(steps);
          const ids = new Set(input.map((e) => e.eventId));
          const detector = d.create(d.defaults);
          const insights = detect(detector, input);
          for (const insight of insights) for (const id of insight.eventIds) expect(ids.has(id)).toBe(true);
          expect(detector.idle()).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe('rage clicks', () => {
  it('never signals from fewer clicks than the threshold, and counts no click twice', () => {
    fc.assert(
      fc.property(stream, fc.integer({ min: 2, max: 8 }), (steps, minClicks) => {
        const insights = detect(rageClick.create({ ...RAGE_CLICK_DEFAULTS, minClicks }), events(steps));
        for (const insight of insights) {
          expect(insight.clickCount).toBeGreaterThanOrEqual(minClicks);
          expect(insight.eventIds).toHaveLength(insight.clickCount);
        }
        const cited = insights.flatMap((insight) => insight.eventIds);
        expect(new Set(cited).size).toBe(cited.length);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result whatever the order of clicks at the same time and place', () => {
    const burst = fc.array(fc.tuple(fc.nat(3000), fc.integer({ min: 1, max: 6 })), { maxLength: 8 });
    fc.assert(
      fc.property(burst, fc.integer(), (groups, seed) => {
        // Each group: that many identical clicks at one instant; the order within a group is shuffled.
        const build = (shuffle: boolean) => {
          resetIds();
          let at = 1_000_000;
          return groups.flatMap(([gap, n], g) => {
            at += gap;
            const same = Array.from({ length: n }, () => click(at, { pageX: 50 * (g % 3), pageY: 10 }));
            return shuffle
              ? fc.sample(fc.shuffledSubarray(same, { minLength: n }), { seed, numRuns: 1 })[0]!
              : same;
          });
        };
        const inOrder = detect(rageClick.create(RAGE_CLICK_DEFAULTS), build(false));
        const shuffled = detect(rageClick.create(RAGE_CLICK_DEFAULTS), build(true));
        expect(counts(shuffled)).toEqual(counts(inOrder));
      }),
      { numRuns: 300 },
    );
  });
});
