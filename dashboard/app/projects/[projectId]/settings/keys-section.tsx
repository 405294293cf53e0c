import type { WriteKey } from '@gosight/proto/v1/project_service_pb';
import { renderApiError } from '@/components/api-error-notice';
import { SecretForm } from '@/components/settings-secret-form';
import { listWriteKeys } from '@/lib/api/projects';
import { formatDateTime } from '@/lib/format';
import { revokeWriteKeyAction } from './actions';
import { createWriteKeyAction, rotateWriteKeyAction } from './secret-actions';
import styles from './settings.module.css';

// Enough of a key to tell keys apart; the rest is shown once, at creation.
const prefixOf = (key: string) => key.slice(0, 11);

export async function KeysSection({ projectId }: { projectId: string }) {
  let keys: WriteKey[];
  try {
    keys = await listWriteKeys(projectId);
  } catch (err) {
    return renderApiError(err);
  }
  return (
    <>
      <h2>Write keys</h2>
      <p className="muted">
        Public keys the SDK sends events with, embedded in your pages. Revoking a key stops the ingestor
        accepting it once its key cache expires (10 s by default); rotating creates a new key with the same
        label and revokes the old one.
      </p>
      {keys.length === 0 ? (
        <p className="muted">No write keys yet: create one to start collecting events.</p>
      ) : (
        <table className="table" data-testid="write-keys">
          <thead>
            <tr>
              <th>Key</th>
              <th>Label</th>
              <th>Created</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              // The React key travels to the browser too: never the whole write key.
              <tr key={`${prefixOf(key.key)}-${key.createdAtMs}`}>
                <td className="mono">{prefixOf(key.key)}…</td>
                <td>{key.label || <span className="muted">no label</span>}</td>
                <td>{formatDateTime(key.createdAtMs)}</td>
                <td>{key.revokedAtMs ? `Revoked ${formatDateTime(key.revokedAtMs)}` : 'Active'}</td>
                <td>
                  {!key.revokedAtMs && (
                    <div className={styles.rowActions}>
                      <SecretForm
                        action={rotateWriteKeyAction.bind(null, projectId, prefixOf(key.key))}
                        submitLabel="Rotate"
                        testId="rotate-write-key"
                      />
                      <form action={revokeWriteKeyAction.bind(null, projectId, prefixOf(key.key))}>
                        <button type="submit" aria-label={`Revoke key ${prefixOf(key.key)}`}>
                          Revoke
                        </button>
                      </form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>New write key</h3>
      <SecretForm
        action={createWriteKeyAction.bind(null, projectId)}
        submitLabel="Create write key"
        testId="create-write-key"
        className="inline-form"
      >
        <input name="label" placeholder="Label, e.g. staging" aria-label="Write key label" maxLength={100} />
      </SecretForm>
    </>
  );
}
