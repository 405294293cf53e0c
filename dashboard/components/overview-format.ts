const count = new Intl.NumberFormat('en-US');

/** 1234 → "1,234". */
export function formatCount(value: bigint | number): string {
  return count.format(value);
}

/** A 0..1 share as a percentage with one decimal: 0.125 → "12.5%". */
export function formatRate(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
