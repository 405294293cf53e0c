import { renderApiError } from '@/components/api-error-notice';
import { findProject, getMe } from '@/lib/api/me';
import { getProjectSettings } from '@/lib/api/settings';
import { saveProject } from './actions';
import styles from './settings.module.css';

const ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];

export async function ProjectSection({ projectId }: { projectId: string }) {
  let settings: Awaited<ReturnType<typeof getProjectSettings>>;
  let name = '';
  try {
    const [me, loaded] = await Promise.all([getMe(), getProjectSettings(projectId)]);
    settings = loaded;
    name = findProject(me, projectId)?.name ?? '';
  } catch (err) {
    return renderApiError(err);
  }
  const zone = settings?.timeZone ?? 'UTC';
  const zones = ZONES.includes(zone) ? ZONES : [zone, ...ZONES];
  return (
    <form action={saveProject.bind(null, projectId)} className={styles.form} data-testid="project-form">
      <h2>Project</h2>
      <label>
        Name
        <input name="name" defaultValue={name} required maxLength={200} />
      </label>
      <label>
        Time zone
        <select name="timeZone" defaultValue={zone} data-testid="time-zone">
          {zones.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
        <span className={styles.hint}>
          Decides where the project&apos;s days end, for daily figures and session dates.
        </span>
      </label>
      <p className="muted">
        Project id: <code>{projectId}</code>
      </p>
      <div>
        <button type="submit">Save project</button>
      </div>
    </form>
  );
}
