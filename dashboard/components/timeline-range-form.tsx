import { RANGES, type RangeKey } from '@/lib/timeline-range';
import styles from './session-filters.module.css';

/** A date range picker for time-based views: a GET form, so the range lives in the URL (?range=). */
export function TimelineRangeForm({ action, range }: { action: string; range: RangeKey }) {
  return (
    <form className={styles.form} method="get" action={action} data-testid="range-form">
      <label>
        Time range
        <select name="range" defaultValue={range}>
          {Object.entries(RANGES).map(([key, { label }]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.actions}>
        <button type="submit">Show</button>
      </div>
    </form>
  );
}
