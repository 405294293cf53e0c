import { Code } from '@connectrpc/connect';
import { describe, expect, it } from 'vitest';
import { isRetryable, retryDelayMs } from './retry-policy.ts';

describe('retryDelayMs', () => {
  const cases = [
    { attempt: 0, low: 800, mid: 1000, high: 1200 },
    { attempt: 1, low: 1600, mid: 2000, high: 2400 },
    { attempt: 2, low: 3200, mid: 4000, high: 4800 },
    { attempt: 4, low: 12_800, mid: 16_000, high: 19_200 },
    { attempt: 5, low: 24_000, mid: 30_000, high: 30_000 },
    { attempt: 40, low: 24_000, mid: 30_000, high: 30_000 },
  ];
  it.each(cases)('attempt $attempt waits $mid ms ±20 %, at most 30 s', ({ attempt, low, mid, high }) => {
    expect(retryDelayMs(attempt, 0)).toBe(low);
    expect(retryDelayMs(attempt, 0.5)).toBe(mid);
    expect(retryDelayMs(attempt, 1)).toBe(high);
  });
});

describe('isRetryable', () => {
  it.each([
    [Code.Unavailable, true],
    [Code.Unknown, true],
    [Code.ResourceExhausted, true],
    [Code.DeadlineExceeded, true],
    [Code.InvalidArgument, false],
    [Code.Unauthenticated, false],
    [Code.PermissionDenied, false],
  ])('code %s → %s', (code, retryable) => {
    expect(isRetryable(code)).toBe(retryable);
  });
});
