import { hashPassword } from '../auth/password.ts';
import type { RoleName } from '../auth/roles.ts';
import { one, type Pool, transaction } from './db.ts';
import { insertProject, upsertMember } from './projects.ts';
import { findUserByEmail, insertUser, normaliseEmail } from './users.ts';

export interface EnsureUserOptions {
  email: string;
  password: string;
  name: string;
  projectId?: string;
  role: RoleName;
}

// Creates the user, or sets the password of an existing one, and makes them a
// member of the project (created if missing) with the role. Idempotent, so a
// start script can run it every time.
export async function ensureUser(
  pool: Pool,
  options: EnsureUserOptions,
): Promise<{ userId: string; created: boolean }> {
  const passwordHash = await hashPassword(options.password);
  return transaction(pool, async (client) => {
    const existing = await findUserByEmail(client, options.email);
    let userId = existing?.id;
    if (existing) {
      await client.query('UPDATE users SET password_hash = $2 WHERE id = $1', [existing.id, passwordHash]);
    } else {
      userId = (
        await insertUser(client, { email: normaliseEmail(options.email), name: options.name, passwordHash })
      ).id;
    }
    if (options.projectId) {
      const project = await one(client, 'SELECT id FROM projects WHERE id = $1', [options.projectId]);
      if (project) await upsertMember(client, options.projectId, userId!, options.role);
      else await insertProject(client, { id: options.projectId, name: options.projectId, ownerId: userId! });
    }
    return { userId: userId!, created: !existing };
  });
}
