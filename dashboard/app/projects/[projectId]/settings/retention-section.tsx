import { renderApiError } from '@/components/api-error-notice';
import { getProjectSettings } from '@/lib/api/settings';
import { saveRetention } from './actions';
import styles from './settings.module.css';

export async function RetentionSection({ projectId }: { projectId: string }) {
  let settings: Awaited<ReturnType<typeof getProjectSettings>>;
  try {
    settings = await getProjectSettings(projectId);
  } catch (err) {
    return renderApiError(err);
  }
  return (
    <form action={saveRetention.bind(null, projectId)} className={styles.form} data-testid="retention-form">
      <h2>Retention</h2>
      <p className="muted">
        The processor regularly deletes what is older than these periods: shortening one deletes data for
        good.
      </p>
      <label>
        Keep events for (days)
        <input
          name="eventsRetentionDays"
          type="number"
          min={1}
          max={3650}
          required
          defaultValue={settings?.eventsRetentionDays ?? 365}
        />
        <span className={styles.hint}>
          Page views, clicks, errors and the figures built on them. Default 365.
        </span>
      </label>
      <label>
        Keep session replays for (days)
        <input
          name="replayRetentionDays"
          type="number"
          min={1}
          max={3650}
          required
          defaultValue={settings?.replayRetentionDays ?? 30}
        />
        <span className={styles.hint}>Recorded replays take the most space. Default 30.</span>
      </label>
      <div>
        <button type="submit">Save retention</button>
      </div>
    </form>
  );
}
