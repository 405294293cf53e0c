// The overview's date range, kept in the URL as ?range=24h|7d|30d.

export const RANGES = {
  '24h': { label: 'Last 24 hours', ms: 24 * 3_600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 3_600_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 24 * 3_600_000 },
} as const;

export type RangeKey = keyof typeof RANGES;
export const DEFAULT_RANGE: RangeKey = '7d';

export function parseRange(value: string | string[] | undefined): RangeKey {
  return typeof value === 'string' && Object.hasOwn(RANGES, value) ? (value as RangeKey) : DEFAULT_RANGE;
}

/** The range ending at `nowMs`. */
export function rangeBounds(key: RangeKey, nowMs: number): { fromMs: number; toMs: number } {
  return { fromMs: nowMs - RANGES[key].ms, toMs: nowMs };
}
