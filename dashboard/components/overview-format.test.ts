import { describe, expect, it } from 'vitest';
import { formatCount, formatRate } from './overview-format';

describe('formatCount', () => {
  it.each([
    [0n, '0'],
    [7n, '7'],
    [1234n, '1,234'],
    [1_000_000, '1,000,000'],
  ] as const)('%s → %s', (value, expected) => expect(formatCount(value)).toBe(expected));
});

describe('formatRate', () => {
  it.each([
    [0, '0.0%'],
    [0.125, '12.5%'],
    [1 / 3, '33.3%'],
    [1, '100.0%'],
  ])('%d → %s', (share, expected) => expect(formatRate(share)).toBe(expected));
});
