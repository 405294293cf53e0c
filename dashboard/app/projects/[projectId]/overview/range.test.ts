import { describe, expect, it } from 'vitest';
import { parseRange, rangeBounds } from './range';

describe('parseRange', () => {
  it.each([
    ['24h', '24h'],
    ['7d', '7d'],
    ['30d', '30d'],
    [undefined, '7d'],
    ['', '7d'],
    ['90d', '7d'],
    ['toString', '7d'],
    [['24h', '30d'], '7d'],
  ] as const)('%j gives %s', (input, expected) => {
    expect(parseRange(input as string | string[] | undefined)).toBe(expected);
  });
});

describe('rangeBounds', () => {
  it.each([
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['30d', 2_592_000_000],
  ] as const)('%s ends now and spans %d ms', (key, span) => {
    expect(rangeBounds(key, 1_700_000_000_000)).toEqual({
      fromMs: 1_700_000_000_000 - span,
      toMs: 1_700_000_000_000,
    });
  });
});
