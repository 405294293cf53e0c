import { activeApiToken, touchApiToken } from '../accounts/api-tokens.ts';
import type { Pool } from '../accounts/db.ts';
import { sessionUser } from '../accounts/users.ts';
import type { Principal } from './principal.ts';
import { hashToken, isApiToken } from './tokens.ts';

export type Authenticate = (token: string) => Promise<Principal | undefined>;

// Resolves a bearer token to its user session or API token.
export function createAuthenticate(pool: Pool): Authenticate {
  return async (token) => {
    const tokenHash = hashToken(token);
    if (isApiToken(token)) {
      const row = await activeApiToken(pool, tokenHash);
      if (!row) return undefined;
      touchApiToken(pool, row.id).catch(() => {});
      return { kind: 'api-token', tokenId: row.id, projectId: row.project_id, role: row.role };
    }
    const userId = await sessionUser(pool, tokenHash);
    return userId ? { kind: 'user', userId, tokenHash } : undefined;
  };
}
