import Link from 'next/link';
import { DEVICES, type SessionFilterParams, SIGNALS } from '@/app/projects/[projectId]/sessions/filters';
import { RANGES } from '@/lib/timeline-range';
import styles from './session-filters.module.css';

/** The sessions list's filters: a plain GET form, so every filter lives in the URL. */
export function SessionFilters({ params, action }: { params: SessionFilterParams; action: string }) {
  return (
    <form className={styles.form} method="get" action={action} data-testid="session-filters">
      <label>
        Time range
        <select name="range" defaultValue={params.range}>
          {Object.entries(RANGES).map(([key, { label }]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        URL contains
        <input name="url" defaultValue={params.url} placeholder="/checkout" />
      </label>
      <label>
        User id
        <input name="user" defaultValue={params.user} />
      </label>
      <label>
        Device
        <select name="device" defaultValue={params.device}>
          <option value="">Any</option>
          {DEVICES.map((device) => (
            <option key={device} value={device}>
              {device[0]?.toUpperCase() + device.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Browser
        <input name="browser" defaultValue={params.browser} placeholder="Chrome" />
      </label>
      <label>
        Country
        <input name="country" defaultValue={params.country} placeholder="DE" maxLength={2} size={4} />
      </label>
      <label>
        Has signal
        <select name="signal" defaultValue={params.signal}>
          <option value="">Any</option>
          {Object.entries(SIGNALS).map(([name, { label }]) => (
            <option key={name} value={name}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Min. duration (s)
        <input name="min" type="number" min={0} step={1} defaultValue={params.minSeconds || ''} size={6} />
      </label>
      <label>
        Max. duration (s)
        <input name="max" type="number" min={0} step={1} defaultValue={params.maxSeconds || ''} size={6} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" name="error" value="1" defaultChecked={params.error} />
        Has error
      </label>
      <div className={styles.actions}>
        <button type="submit">Apply filters</button>
        <Link href={action}>Clear filters</Link>
      </div>
    </form>
  );
}
