/** The date ranges the time-based views offer, as ?range= values. */
export const RANGES = {
  '24h': { label: 'Last 24 hours', ms: 24 * 3_600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 86_400_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 86_400_000 },
} as const;

export type RangeKey = keyof typeof RANGES;

export interface ResolvedRange {
  key: RangeKey;
  label: string;
  fromMs: bigint;
  toMs: bigint;
}

export function isRangeKey(value: unknown): value is RangeKey {
  return typeof value === 'string' && Object.hasOwn(RANGES, value);
}

/** ?range= as a time range ending at `nowMs`; anything unknown means the last 7 days. */
export function resolveRange(value: string | string[] | undefined, nowMs: number): ResolvedRange {
  const text = Array.isArray(value) ? value[0] : value;
  const key: RangeKey = isRangeKey(text) ? text : '7d';
  const { label, ms } = RANGES[key];
  return { key, label, fromMs: BigInt(nowMs - ms), toMs: BigInt(nowMs) };
}
