'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisTime, formatChartValue, type TimeUnit, type ValueKind } from './chart-format';

export type TrendPoint = { t: number } & Record<string, number>;
export type TrendSeries = { key: string; label: string; color: string };

type Props = {
  data: TrendPoint[];
  series: TrendSeries[];
  /** How values read: plain counts or 0..1 shares shown as percentages. */
  kind: ValueKind;
  /** Label ticks by hour or by day. */
  unit: TimeUnit;
  height?: number;
  /** Names the chart for screen readers, which cannot read the drawing. */
  label: string;
};

// A time series line chart shared by the dashboard's views (times in UTC like the rest of the dashboard).
export function TrendChart({ data, series, kind, unit, height = 240, label }: Props) {
  return (
    <div role="img" aria-label={label} data-testid="trend-chart" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e6ec" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(t: number) => formatAxisTime(t, unit)}
            fontSize={12}
          />
          <YAxis
            tickFormatter={(value: number) => formatChartValue(value, kind)}
            allowDecimals={kind === 'percent'}
            width={48}
            fontSize={12}
          />
          <Tooltip
            labelFormatter={(t) => formatAxisTime(Number(t), unit, true)}
            formatter={(value) => formatChartValue(Number(value), kind)}
          />
          <Legend />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              dot={data.length < 40}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
