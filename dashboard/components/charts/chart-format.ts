export type ValueKind = 'count' | 'percent' | 'decimal';
export type TimeUnit = 'second' | 'hour' | 'day';

const formats: Record<TimeUnit, Intl.DateTimeFormat> = {
  second: new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: 'UTC' }),
  hour: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }),
};
const full = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** An axis tick (or, with `long`, a tooltip title) for epoch ms `t`, in UTC. */
export function formatAxisTime(t: number, unit: TimeUnit, long = false): string {
  if (long && unit !== 'second') return `${full.format(t)} UTC`;
  return formats[unit].format(t);
}

/** Counts as integers, shares (0..1) as percentages, rates with up to one decimal. */
export function formatChartValue(value: number, kind: ValueKind): string {
  if (kind === 'percent') return `${Math.round(value * 1000) / 10}%`;
  if (kind === 'decimal') return String(Math.round(value * 10) / 10);
  return String(Math.round(value));
}
