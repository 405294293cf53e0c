import type { FunnelRow } from '@/lib/funnel-steps';
import { formatShare } from '@/lib/heatmap-points';

export function FunnelTable({ rows }: { rows: FunnelRow[] }) {
  return (
    <table className="table" data-testid="funnel-table">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Sessions</th>
          <th scope="col">Conversion from step 1</th>
          <th scope="col">Drop-off from previous step</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the step number; names may repeat
          <tr key={`${index}-${row.name}`} data-testid="funnel-row" data-step={index + 1}>
            <td>
              {index + 1}. {row.name}
            </td>
            <td data-testid="funnel-sessions">{row.sessions}</td>
            <td data-testid="funnel-conversion">{formatShare(row.conversion)}</td>
            <td data-testid="funnel-drop-off">
              {index === 0
                ? '—'
                : `${formatShare(row.dropOff)} (${row.lost} session${row.lost === 1 ? '' : 's'})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
