import { type ApiToken, Role } from '@gosight/proto/v1/project_service_pb';
import { renderApiError } from '@/components/api-error-notice';
import { SecretForm } from '@/components/settings-secret-form';
import { ROLE_LABELS } from '@/lib/api/me';
import { listApiTokens } from '@/lib/api/projects';
import { formatDateTime } from '@/lib/format';
import { revokeApiTokenAction } from './actions';
import { createApiTokenAction, rotateApiTokenAction } from './secret-actions';
import styles from './settings.module.css';

export async function TokensSection({ projectId }: { projectId: string }) {
  let tokens: ApiToken[];
  try {
    tokens = await listApiTokens(projectId);
  } catch (err) {
    return renderApiError(err);
  }
  return (
    <>
      <h2>API tokens</h2>
      <p className="muted">
        Secret tokens for your own tools to read this project through the API (send{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>). A Viewer token reads figures only, a Member token
        replays too.
      </p>
      {tokens.length === 0 ? (
        <p className="muted">No API tokens yet.</p>
      ) : (
        <table className="table" data-testid="api-tokens">
          <thead>
            <tr>
              <th>Label</th>
              <th>Reads as</th>
              <th>Created</th>
              <th>Last used</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.tokenId}>
                <td>{token.label || <span className="muted">no label</span>}</td>
                <td>{ROLE_LABELS[token.role]}</td>
                <td>{formatDateTime(token.createdAtMs)}</td>
                <td>{token.lastUsedAtMs ? formatDateTime(token.lastUsedAtMs) : 'Never'}</td>
                <td>{token.revokedAtMs ? 'Revoked' : 'Active'}</td>
                <td>
                  {!token.revokedAtMs && (
                    <div className={styles.rowActions}>
                      <SecretForm
                        action={rotateApiTokenAction.bind(null, projectId, token.tokenId)}
                        submitLabel="Rotate"
                        testId="rotate-api-token"
                      />
                      <form action={revokeApiTokenAction.bind(null, projectId, token.tokenId)}>
                        <button type="submit">Revoke</button>
                      </form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>New API token</h3>
      <SecretForm
        action={createApiTokenAction.bind(null, projectId)}
        submitLabel="Create API token"
        testId="create-api-token"
        className="inline-form"
      >
        <input
          name="label"
          placeholder="Label, e.g. BI export"
          aria-label="API token label"
          maxLength={100}
        />
        <select name="role" aria-label="Token reads as" defaultValue="viewer">
          <option value="viewer">{ROLE_LABELS[Role.VIEWER]}: figures only</option>
          <option value="member">{ROLE_LABELS[Role.MEMBER]}: figures and replays</option>
        </select>
      </SecretForm>
    </>
  );
}
