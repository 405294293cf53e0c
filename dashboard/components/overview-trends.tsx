import { renderApiError } from '@/components/api-error-notice';
import { getTrends } from '@/lib/api/analytics';
import { TrendChart, type TrendPoint } from './charts/trend-chart';
import styles from './overview.module.css';

type Props = { projectId: string; fromMs: number; toMs: number };

const TRAFFIC = [
  { key: 'sessions', label: 'Sessions', color: '#3b5bdb' },
  { key: 'users', label: 'Users', color: '#0ca678' },
  { key: 'pageViews', label: 'Page views', color: '#f08c00' },
];
const SIGNALS = [
  { key: 'rage', label: 'Rage clicks', color: '#e03131' },
  { key: 'dead', label: 'Dead clicks', color: '#868e96' },
  { key: 'errors', label: 'Sessions with errors', color: '#9c36b5' },
  { key: 'bounce', label: 'Bounce rate', color: '#1c7ed6' },
];

/** Traffic and signal rates per hour (24h) or per day, by the sessions that started in each bucket. */
export async function OverviewTrends({ projectId, fromMs, toMs }: Props) {
  let buckets: Awaited<ReturnType<typeof getTrends>>;
  try {
    buckets = await getTrends(projectId, fromMs, toMs);
  } catch (err) {
    return renderApiError(err);
  }
  const data: TrendPoint[] = buckets.map(({ bucketStartMs, overview }) => ({
    t: Number(bucketStartMs),
    sessions: Number(overview?.sessions ?? 0),
    users: Number(overview?.users ?? 0),
    pageViews: Number(overview?.pageViews ?? 0),
    rage: overview?.rageClickRate ?? 0,
    dead: overview?.deadClickRate ?? 0,
    errors: overview?.errorRate ?? 0,
    bounce: overview?.bounceRate ?? 0,
  }));
  const unit = toMs - fromMs <= 48 * 3_600_000 ? 'hour' : 'day';
  return (
    <div className={styles.charts} data-testid="overview-trends">
      <section className={styles.chart}>
        <h2>Traffic</h2>
        <TrendChart
          data={data}
          series={TRAFFIC}
          kind="count"
          unit={unit}
          label="Sessions, users and page views over time"
        />
      </section>
      <section className={styles.chart}>
        <h2>Signals</h2>
        <TrendChart
          data={data}
          series={SIGNALS}
          kind="percent"
          unit={unit}
          label="Share of sessions with rage clicks, dead clicks, errors, and bounces over time"
        />
      </section>
    </div>
  );
}
