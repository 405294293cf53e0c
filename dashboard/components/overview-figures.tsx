import { renderApiError } from '@/components/api-error-notice';
import { getOverview } from '@/lib/api/analytics';
import { formatDuration } from '@/lib/format';
import styles from './overview.module.css';
import { formatCount, formatRate } from './overview-format';

type Props = { projectId: string; fromMs: number; toMs: number; rangeLabel: string };

/** The key figures of a range, or a sentence saying how to get some when there are none. */
export async function OverviewFigures({ projectId, fromMs, toMs, rangeLabel }: Props) {
  let overview: Awaited<ReturnType<typeof getOverview>>;
  try {
    overview = await getOverview(projectId, fromMs, toMs);
  } catch (err) {
    return renderApiError(err);
  }
  if (!overview || overview.sessions === 0n) {
    return (
      <p className="notice" data-testid="overview-empty">
        No sessions recorded in the {rangeLabel.toLowerCase()}. Once the SDK snippet runs on your site, visits
        appear here within seconds; try a longer range to see older ones.
      </p>
    );
  }
  const figures: [id: string, label: string, value: string][] = [
    ['sessions', 'Sessions', formatCount(overview.sessions)],
    ['users', 'Users', formatCount(overview.users)],
    ['page-views', 'Page views', formatCount(overview.pageViews)],
    ['bounce-rate', 'Bounce rate', formatRate(overview.bounceRate)],
    ['average-duration', 'Average duration', formatDuration(overview.averageDurationMs)],
    ['rage-click-rate', 'Rage clicks', formatRate(overview.rageClickRate)],
    ['dead-click-rate', 'Dead clicks', formatRate(overview.deadClickRate)],
    ['error-click-rate', 'Error clicks', formatRate(overview.errorClickRate)],
    ['thrashed-cursor-rate', 'Thrashed cursor', formatRate(overview.thrashedCursorRate)],
    ['error-rate', 'Sessions with errors', formatRate(overview.errorRate)],
  ];
  return (
    <dl className={styles.figures} data-testid="overview-figures">
      {figures.map(([id, label, value]) => (
        <div key={id} className={styles.figure}>
          <dt>{label}</dt>
          <dd data-testid={`figure-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
