// "YYYY-MM-DD" of an epoch-millisecond time in UTC, for Date partition columns.
export function utcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
