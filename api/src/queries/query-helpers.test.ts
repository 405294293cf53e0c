import { ViewportClass } from '@gosight/proto/v1/query_pb';
import { expect, it } from 'vitest';
import {
  bucketFor,
  DEFAULT_RANGE_MS,
  decodeCursor,
  encodeCursor,
  resolveRange,
  viewportCondition,
} from './query-helpers.ts';

it('defaults the time range to the 7 days before now and rejects an inverted one', () => {
  expect(resolveRange(undefined, 1_000_000_000)).toEqual({
    fromMs: 1_000_000_000 - DEFAULT_RANGE_MS,
    toMs: 1_000_000_000,
  });
  expect(resolveRange({ fromMs: 5n, toMs: 0n }, 100)).toEqual({ fromMs: 5, toMs: 100 });
  expect(() => resolveRange({ fromMs: 10n, toMs: 5n })).toThrow(/before to_ms/);
});

it('round-trips cursors and rejects foreign ones', () => {
  expect(decodeCursor(encodeCursor([42, "o'neil"]))).toEqual([42, "o'neil"]);
  expect(decodeCursor('')).toBeUndefined();
  expect(() => decodeCursor('bm9wZQ')).toThrow(/cursor/);
});

it.each([
  [3_600_000, 0, 300_000],
  [86_400_000, 0, 3_600_000],
  [7 * 86_400_000, 0, 6 * 3_600_000],
  [90 * 86_400_000, 0, 3 * 86_400_000],
  [3_600_000, 60_000, 60_000],
  [3_600_000, 1, 3_600],
])('a %i ms range with %i ms requested gets %i ms buckets', (span, requested, expected) => {
  expect(bucketFor({ fromMs: 0, toMs: span }, requested)).toBe(expected);
});

it.each([
  [ViewportClass.MOBILE, 'viewport_width > 0 AND viewport_width < 768'],
  [ViewportClass.TABLET, 'viewport_width >= 768 AND viewport_width < 1024'],
  [ViewportClass.DESKTOP, 'viewport_width >= 1024'],
  [ViewportClass.UNSPECIFIED, '1'],
])('viewport class %i is %s', (viewportClass, sql) => {
  expect(viewportCondition(viewportClass)).toBe(sql);
});
