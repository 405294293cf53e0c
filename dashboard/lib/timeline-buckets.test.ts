import { describe, expect, it } from 'vitest';
import { fillBuckets } from './timeline-buckets';

describe('fillBuckets', () => {
  it.each([
    ['empty range', [], 100, 100, 10, []],
    ['no bucket width', [], 0, 100, 0, []],
    [
      'zeros around the values',
      [{ bucketStartMs: 20n, value: 3 }],
      0,
      40,
      10,
      [
        { t: 0, count: 0 },
        { t: 10, count: 0 },
        { t: 20, count: 3 },
        { t: 30, count: 0 },
      ],
    ],
    [
      'the first bucket is aligned down',
      [{ bucketStartMs: 10n, value: 2 }],
      15,
      30,
      10,
      [
        { t: 10, count: 2 },
        { t: 20, count: 0 },
      ],
    ],
  ] as const)('%s', (_name, points, from, to, bucket, expected) => {
    expect(fillBuckets(points, from, to, bucket)).toEqual(expected);
  });
});
