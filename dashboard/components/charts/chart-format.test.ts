import { describe, expect, it } from 'vitest';
import { formatAxisTime, formatChartValue } from './chart-format';

const T = Date.UTC(2026, 10, 23, 14, 5, 9);

describe('formatAxisTime', () => {
  it.each([
    ['second', false, '14:05:09'],
    ['hour', false, '14:05'],
    ['day', false, '23 Nov'],
    ['hour', true, '23 Nov 2026, 14:05 UTC'],
    ['day', true, '23 Nov 2026, 14:05 UTC'],
    ['second', true, '14:05:09'],
  ] as const)('%s (long %s) → %s', (unit, long, expected) => {
    expect(formatAxisTime(T, unit, long)).toBe(expected);
  });
});

describe('formatChartValue', () => {
  it.each([
    [12, 'count', '12'],
    [12.6, 'count', '13'],
    [0.1234, 'percent', '12.3%'],
    [0, 'percent', '0%'],
    [2.345, 'decimal', '2.3'],
  ] as const)('%d as %s → %s', (value, kind, expected) => {
    expect(formatChartValue(value, kind)).toBe(expected);
  });
});
