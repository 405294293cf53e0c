import type { Insight } from '@gosight/proto/v1/insights_pb';
import { getInsightSummary, listInsights } from '@/lib/api/insights';
import { fillBuckets } from '@/lib/timeline-buckets';
import { MARKER_LABELS, SIGNAL_KINDS } from '@/lib/timeline-markers';
import type { ResolvedRange } from '@/lib/timeline-range';
import { renderApiError } from './api-error-notice';
import styles from './insight.module.css';
import { InsightTargets } from './insight-targets';
import { InsightTrendChart } from './insight-trend-chart';

const COLORS = {
  rage_click: '#e8590c',
  dead_click: '#f59f00',
  error_click: '#c2255c',
  thrashed_cursor: '#7048e8',
};

/** For each signal type: how often, its trend, and where it happens most, with example sessions. */
export async function InsightSummary({ projectId, range }: { projectId: string; range: ResolvedRange }) {
  let summary: Awaited<ReturnType<typeof getInsightSummary>>;
  let recent: Insight[];
  try {
    [summary, { insights: recent }] = await Promise.all([
      getInsightSummary(projectId, range.fromMs, range.toMs),
      listInsights(projectId, { timeRange: { fromMs: range.fromMs, toMs: range.toMs }, limit: 500 }),
    ]);
  } catch (err) {
    return renderApiError(err);
  }
  const types = summary.types.filter((type) => type.count > 0n && SIGNAL_KINDS[type.type]);
  if (types.length === 0) {
    return (
      <div className="notice" data-testid="insights-empty">
        No frustration signals in this time range. Rage, dead and error clicks and thrashed cursors appear
        here as soon as the SDK sees them; choose a longer range to look further back.
      </div>
    );
  }
  return (
    <div className={styles.types}>
      {types.map((type) => {
        const kind = SIGNAL_KINDS[type.type] as keyof typeof COLORS;
        const examples = recent.filter((insight) => insight.type === type.type);
        return (
          <section key={kind} className={styles.card} data-testid="insight-type" data-kind={kind}>
            <h2>
              {MARKER_LABELS[kind]}s{' '}
              <span className="muted">
                <span data-testid="insight-count">{String(type.count)}</span> in {String(type.sessions)}{' '}
                session
                {type.sessions === 1n ? '' : 's'}
              </span>
            </h2>
            <InsightTrendChart
              points={fillBuckets(
                type.trend,
                Number(range.fromMs),
                Number(range.toMs),
                Number(summary.bucketMs),
              )}
              bucketMs={Number(summary.bucketMs)}
              color={COLORS[kind]}
              label={`${MARKER_LABELS[kind]}s over ${range.label.toLowerCase()}`}
            />
            <div className={styles.targets}>
              <InsightTargets
                projectId={projectId}
                title="Top elements"
                targets={type.topElements}
                examples={examples}
              />
              <InsightTargets
                projectId={projectId}
                title="Top pages"
                targets={type.topPages}
                examples={examples}
              />
            </div>
          </section>
        );
      })}
    </div>
  );
}
