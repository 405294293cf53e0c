'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FunnelRow } from '@/lib/funnel-steps';

/** Sessions that reached each step (converted) stacked on those lost at it (dropped). */
export function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  const data = rows.map((row, index) => ({
    step: `${index + 1}. ${row.name}`,
    converted: row.sessions,
    dropped: row.lost,
  }));
  return (
    <figure data-testid="funnel-chart" style={{ margin: 0 }}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="step" interval={0} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="converted"
            name="Reached this step"
            stackId="s"
            fill="#1f3a8a"
            isAnimationActive={false}
          />
          <Bar
            dataKey="dropped"
            name="Dropped off here"
            stackId="s"
            fill="#f87171"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="muted">Sessions per step, in order</figcaption>
    </figure>
  );
}
