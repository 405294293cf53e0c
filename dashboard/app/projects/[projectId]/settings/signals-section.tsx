import type { SignalSettings } from '@gosight/proto/v1/project_service_pb';
import { renderApiError } from '@/components/api-error-notice';
import { getProjectSettings } from '@/lib/api/settings';
import { saveThresholds } from './actions';
import styles from './settings.module.css';

const TITLES: Record<string, string> = {
  rage_click: 'Rage clicks',
  dead_click: 'Dead clicks',
  error_click: 'Error clicks',
  thrashed_cursor: 'Thrashed cursor',
};

export async function SignalsSection({ projectId }: { projectId: string }) {
  let signals: SignalSettings[];
  try {
    signals = (await getProjectSettings(projectId))?.signals ?? [];
  } catch (err) {
    return renderApiError(err);
  }
  if (signals.length === 0) return <p className="muted">This API reports no frustration signals to tune.</p>;
  return (
    <>
      <h2>Signal thresholds</h2>
      <p className="muted">
        When a visitor&apos;s behaviour counts as a frustration signal. Changes apply to new sessions within a
        minute; sessions already analysed keep their signals.
      </p>
      {signals.map((signal) => (
        <SignalForm key={signal.signal} projectId={projectId} signal={signal} />
      ))}
    </>
  );
}

function SignalForm({ projectId, signal }: { projectId: string; signal: SignalSettings }) {
  const flags = signal.thresholds.filter((t) => t.flag).map((t) => t.name);
  return (
    <form
      action={saveThresholds.bind(null, projectId, signal.signal)}
      className={styles.form}
      data-testid={`signal-${signal.signal}`}
    >
      <fieldset className={styles.fieldset}>
        <legend>{TITLES[signal.signal] ?? signal.signal}</legend>
        <input type="hidden" name="flags" value={flags.join(',')} />
        {signal.thresholds.map((t) =>
          t.flag ? (
            <label key={t.name} className={styles.check}>
              <input type="checkbox" name={`flag:${t.name}`} defaultChecked={t.value === 1} />
              {t.description}{' '}
              <span className={styles.hint}>(default {t.defaultValue === 1 ? 'yes' : 'no'})</span>
            </label>
          ) : (
            <label key={t.name}>
              {t.description} ({t.unit})
              <input
                type="number"
                name={`t:${t.name}`}
                defaultValue={t.value}
                min={t.min}
                max={t.max}
                step="any"
                required
                data-testid={`threshold-${signal.signal}-${t.name}`}
              />
              <span className={styles.hint}>
                Default {t.defaultValue}, from {t.min} to {t.max}
                {t.value !== t.defaultValue ? ' · changed' : ''}
              </span>
            </label>
          ),
        )}
        <div>
          <button type="submit">Save {TITLES[signal.signal]?.toLowerCase() ?? signal.signal}</button>
        </div>
      </fieldset>
    </form>
  );
}
