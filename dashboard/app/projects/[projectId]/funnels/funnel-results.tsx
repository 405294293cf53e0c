import { renderApiError } from '@/components/api-error-notice';
import { FunnelChart } from '@/components/funnel-chart';
import { FunnelTable } from '@/components/funnel-table';
import { type FunnelQuery, getFunnel } from '@/lib/api/funnels';
import type { FunnelRow } from '@/lib/funnel-steps';
import { formatShare } from '@/lib/heatmap-points';

export async function FunnelResults({ query }: { query: FunnelQuery }) {
  let rows: FunnelRow[];
  try {
    rows = await getFunnel(query);
  } catch (err) {
    return renderApiError(err);
  }
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last || first.sessions === 0) {
    return (
      <p className="notice" data-testid="funnel-no-sessions">
        No session reached the first step in this date range. Check the first step&apos;s match (URL text is
        matched anywhere in the address) or pick a longer range.
      </p>
    );
  }
  return (
    <section aria-label="Funnel results">
      <p data-testid="funnel-overall">
        <strong>{formatShare(last.conversion)}</strong> of {first.sessions} session
        {first.sessions === 1 ? '' : 's'} completed all {rows.length} steps ({last.sessions} converted).
      </p>
      <FunnelChart rows={rows} />
      <FunnelTable rows={rows} />
    </section>
  );
}
