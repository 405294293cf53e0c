import { renderApiError } from '@/components/api-error-notice';
import { getProjectSettings } from '@/lib/api/settings';
import { savePrivacy } from './actions';
import styles from './settings.module.css';

export async function PrivacySection({ projectId }: { projectId: string }) {
  let settings: Awaited<ReturnType<typeof getProjectSettings>>;
  try {
    settings = await getProjectSettings(projectId);
  } catch (err) {
    return renderApiError(err);
  }
  const privacy = settings?.privacy;
  const ingest = settings?.ingest;
  return (
    <form action={savePrivacy.bind(null, projectId)} className={styles.form} data-testid="privacy-form">
      <h2>Privacy</h2>
      <p className="muted">The SDK always masks what visitors type into inputs; that is not a setting.</p>
      <label className={styles.check}>
        <input type="checkbox" name="truncateIp" defaultChecked={privacy?.truncateIp ?? false} />
        Truncate visitor IP addresses before they are hashed
      </label>
      <label>
        Pages never captured or recorded (one URL pattern per line, * for any characters)
        <textarea name="blockedUrls" rows={4} defaultValue={(privacy?.blockedUrls ?? []).join('\n')} />
        <span className={styles.hint}>
          The ingestor drops what arrives from these pages (within seconds of saving). Pass the same patterns
          as the snippet&apos;s blockUrls option too, so that browsers do not even send it.
        </span>
      </label>
      <h2>Data collection</h2>
      <label>
        Origins allowed to send events (one per line; empty allows any)
        <textarea
          name="allowedOrigins"
          rows={3}
          placeholder="https://shop.example"
          defaultValue={(ingest?.allowedOrigins ?? []).join('\n')}
        />
      </label>
      <label>
        Events per second (0 uses the ingestor&apos;s default)
        <input
          name="eventsPerSecond"
          type="number"
          min={0}
          defaultValue={ingest?.rateLimitEventsPerSecond ?? 0}
        />
      </label>
      <label>
        Burst of events (0 uses the ingestor&apos;s default)
        <input name="burstEvents" type="number" min={0} defaultValue={ingest?.rateLimitBurstEvents ?? 0} />
      </label>
      <div>
        <button type="submit">Save privacy settings</button>
      </div>
    </form>
  );
}
