// Rendered on the server, so times are shown in UTC rather than in the server's own zone.
const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'UTC',
});

export function formatDateTime(epochMs: bigint | number): string {
  return `${dateTime.format(new Date(Number(epochMs)))} UTC`;
}

/** "45s", "3m 05s", "1h 02m". */
export function formatDuration(ms: bigint | number): string {
  const totalSeconds = Math.max(0, Math.round(Number(ms) / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}

/** Offset from the session start as "+m:ss.s". */
export function formatOffset(ms: bigint | number): string {
  const value = Math.max(0, Number(ms));
  const minutes = Math.floor(value / 60_000);
  const seconds = ((value % 60_000) / 1000).toFixed(1).padStart(4, '0');
  return `+${minutes}:${seconds}`;
}
