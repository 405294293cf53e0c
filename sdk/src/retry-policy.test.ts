import { describe, expect, it } from 'vitest';
import { type RetryDecision, retryDecision, retryDelayMs } from './retry-policy.ts';

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

describe('retryDecision', () => {
  const cases: {
    name: string;
    error: Parameters<typeof retryDecision>[0];
    attempt: number;
    want: RetryDecision;
  }[] = [
    {
      name: 'unavailable: back-off',
      error: { code: 'unavailable', message: '' },
      attempt: 2,
      want: { retry: true, delayMs: 4000 },
    },
    {
      name: 'unavailable retried forever',
      error: { code: 'unavailable', message: '' },
      attempt: 500,
      want: { retry: true, delayMs: 30_000 },
    },
    {
      name: 'network error retried forever',
      error: { code: 'deadline_exceeded', message: '', network: true },
      attempt: 50,
      want: { retry: true, delayMs: 30_000 },
    },
    {
      name: 'retry-after replaces back-off',
      error: { code: 'resource_exhausted', message: '', retryAfterMs: 7000 },
      attempt: 0,
      want: { retry: true, delayMs: 7700 },
    },
    {
      name: 'retry-after is capped at 10 min',
      error: { code: 'unavailable', message: '', retryAfterMs: 3_600_000 },
      attempt: 0,
      want: { retry: true, delayMs: 660_000 },
    },
    {
      name: 'internal: a few times',
      error: { code: 'internal', message: '' },
      attempt: 6,
      want: { retry: true, delayMs: 30_000 },
    },
    {
      name: 'internal: then dropped',
      error: { code: 'internal', message: '' },
      attempt: 7,
      want: { retry: false },
    },
    {
      name: 'invalid_argument: never',
      error: { code: 'invalid_argument', message: '' },
      attempt: 0,
      want: { retry: false },
    },
    {
      name: 'unauthenticated: never',
      error: { code: 'unauthenticated', message: '' },
      attempt: 0,
      want: { retry: false },
    },
    {
      name: 'permission_denied: never',
      error: { code: 'permission_denied', message: '' },
      attempt: 0,
      want: { retry: false },
    },
  ];
  it.each(cases)('$name', ({ error, attempt, want }) => {
    expect(retryDecision(error, attempt, 0.5)).toEqual(want);
  });
});
