import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatOffset } from './format';

describe('formatDuration', () => {
  it.each([
    [0n, '0s'],
    [45_000n, '45s'],
    [185_000n, '3m 05s'],
    [3_720_000n, '1h 02m'],
    [-5, '0s'],
  ])('%s ms -> %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('formatOffset', () => {
  it.each([
    [0, '+0:00.0'],
    [1_500n, '+0:01.5'],
    [61_250, '+1:01.3'],
  ])('%s ms -> %s', (ms, expected) => {
    expect(formatOffset(ms)).toBe(expected);
  });
});

describe('formatDateTime', () => {
  it('formats epoch ms in UTC', () => {
    expect(formatDateTime(0n)).toBe('1 Jan 1970, 00:00:00 UTC');
  });
});
