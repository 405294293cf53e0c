import { Code, ConnectError } from '@connectrpc/connect';
import type { BootstrapRequest } from '@gosight/proto/v1/auth_service_pb';
import { one, type PoolClient } from '../accounts/db.ts';
import {
  insertProject,
  insertWriteKey,
  type ProjectRow,
  slugify,
  upsertMember,
  type WriteKeyRow,
} from '../accounts/projects.ts';
import { insertUser, type UserRow } from '../accounts/users.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password.ts';

export function validateCredentials(email: string, password: string): void {
  if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
    throw new ConnectError('email must be an address like name@example.com', Code.InvalidArgument);
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConnectError(
      `password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      Code.InvalidArgument,
    );
  }
}

async function refuseWhenUsersExist(client: PoolClient): Promise<void> {
  const { rows } = await client.query('SELECT 1 FROM users LIMIT 1');
  if (rows.length > 0) {
    throw new ConnectError(
      'GoSight already has users: sign in, or ask a project Owner or Admin to add you',
      Code.FailedPrecondition,
    );
  }
}

// The first user becomes Owner of a first project, or of the named project
// when it exists already (a seeded demo project, for instance).
export async function bootstrap(
  client: PoolClient,
  request: BootstrapRequest,
): Promise<{ user: UserRow; project: ProjectRow; writeKey: WriteKeyRow }> {
  // Closed set-up is reported before the request is validated, so an empty
  // request tells the sign-in page whether to offer /setup (see the proto).
  await refuseWhenUsersExist(client);
  validateCredentials(request.email, request.password);
  const projectName = request.projectName.trim() || 'My project';
  const projectId = request.projectId.trim() || slugify(projectName) || 'project';
  // Serialises concurrent bootstraps: only one can see an empty users table.
  await client.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
  await refuseWhenUsersExist(client);
  const user = await insertUser(client, {
    email: request.email,
    name: request.name,
    passwordHash: await hashPassword(request.password),
  });
  const existing = await one<Omit<ProjectRow, 'role'>>(
    client,
    'SELECT id, name, created_at FROM projects WHERE id = $1',
    [projectId],
  );
  if (!existing)
    return { user, ...(await insertProject(client, { id: projectId, name: projectName, ownerId: user.id })) };
  await upsertMember(client, projectId, user.id, 'owner');
  const key =
    (await one<WriteKeyRow>(
      client,
      'SELECT key, label, created_at, revoked_at FROM project_keys WHERE project_id = $1 AND revoked_at IS NULL ORDER BY created_at LIMIT 1',
      [projectId],
    )) ?? (await insertWriteKey(client, projectId, 'default'));
  return { user, project: { ...existing, role: 'owner' }, writeKey: key };
}
