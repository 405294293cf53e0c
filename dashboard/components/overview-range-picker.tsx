import Link from 'next/link';
import { RANGES, type RangeKey } from '@/app/projects/[projectId]/overview/range';
import styles from './overview.module.css';

/** Links (so the range lives in the URL and works without script) to the same view over another range. */
export function OverviewRangePicker({ basePath, current }: { basePath: string; current: RangeKey }) {
  return (
    <nav className={styles.ranges} aria-label="Date range">
      {(Object.keys(RANGES) as RangeKey[]).map((key) => (
        <Link
          key={key}
          href={`${basePath}?range=${key}`}
          aria-current={key === current ? 'page' : undefined}
          title={RANGES[key].label}
          data-testid={`range-${key}`}
        >
          {key}
        </Link>
      ))}
    </nav>
  );
}
