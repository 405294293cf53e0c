import { describe, expect, it } from 'vitest';
import { resolveRange } from './timeline-range';

const NOW = 1_700_000_000_000;

describe('resolveRange', () => {
  it.each([
    ['24h', '24h', 24 * 3_600_000],
    ['30d', '30d', 30 * 86_400_000],
    [undefined, '7d', 7 * 86_400_000],
    ['1y', '7d', 7 * 86_400_000],
    [['24h', '30d'], '24h', 24 * 3_600_000],
  ] as const)('%j is %s', (value, key, span) => {
    const range = resolveRange(value as string | string[] | undefined, NOW);
    expect(range.key).toBe(key);
    expect(range.toMs).toBe(BigInt(NOW));
    expect(range.toMs - range.fromMs).toBe(BigInt(span));
  });
});
