/** A series with a point for every bucket of [fromMs, toMs), zero where the API returned none. */
export function fillBuckets(
  points: readonly { bucketStartMs: bigint; value: number }[],
  fromMs: number,
  toMs: number,
  bucketMs: number,
): { t: number; count: number }[] {
  if (bucketMs <= 0 || toMs <= fromMs) return [];
  const values = new Map(points.map((point) => [Number(point.bucketStartMs), point.value]));
  const first = Math.floor(fromMs / bucketMs) * bucketMs;
  const filled: { t: number; count: number }[] = [];
  // At most a few hundred buckets: the API picks about 30 for a range.
  for (let t = first; t < toMs && filled.length < 1000; t += bucketMs) {
    filled.push({ t, count: values.get(t) ?? 0 });
  }
  return filled;
}
