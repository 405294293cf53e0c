'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const hour = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const dayHour = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** Signals per time bucket for one signal type (times in UTC, like the rest of the dashboard). */
export function InsightTrendChart({
  points,
  bucketMs,
  color,
  label,
}: {
  points: { t: number; count: number }[];
  bucketMs: number;
  color: string;
  label: string;
}) {
  const spanMs = (points.at(-1)?.t ?? 0) - (points[0]?.t ?? 0);
  // Whole days read as dates; hours within a day as times; hours across days need both.
  const formatter = bucketMs >= 86_400_000 ? day : spanMs >= 86_400_000 ? dayHour : hour;
  const format = (t: number) => formatter.format(new Date(t));
  return (
    <div role="img" aria-label={label} data-testid="insight-trend" style={{ width: '100%', height: 140 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e6ec" vertical={false} />
          <XAxis dataKey="t" tickFormatter={format} fontSize={11} minTickGap={24} />
          <YAxis allowDecimals={false} width={32} fontSize={11} />
          <Tooltip
            labelFormatter={(t) => `${format(Number(t))} UTC`}
            formatter={(value) => [value, 'Signals']}
          />
          <Bar dataKey="count" fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
