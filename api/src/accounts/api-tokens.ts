import type { RoleName } from '../auth/roles.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { all, one, type Queryable } from './db.ts';

export interface ApiTokenRow {
  id: string;
  project_id: string;
  label: string;
  role: RoleName;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, project_id, label, role, created_at, last_used_at, revoked_at';

export async function insertApiToken(
  db: Queryable,
  token: { projectId: string; label: string; role: RoleName; createdBy: string },
): Promise<{ row: ApiTokenRow; secret: string }> {
  const secret = newToken('api');
  const row = await one<ApiTokenRow>(
    db,
    `INSERT INTO api_tokens (id, project_id, token_hash, label, role, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING ${COLUMNS}`,
    [newId('tok'), token.projectId, hashToken(secret), token.label, token.role, token.createdBy],
  );
  return { row: row!, secret };
}

export function apiTokensOf(db: Queryable, projectId: string): Promise<ApiTokenRow[]> {
  return all<ApiTokenRow>(
    db,
    `SELECT ${COLUMNS} FROM api_tokens WHERE project_id = $1 ORDER BY created_at, id`,
    [projectId],
  );
}

export function revokeApiToken(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<ApiTokenRow | undefined> {
  return one<ApiTokenRow>(
    db,
    `UPDATE api_tokens SET revoked_at = now() WHERE project_id = $1 AND id = $2 AND revoked_at IS NULL
     RETURNING ${COLUMNS}`,
    [projectId, id],
  );
}

// Gives an active token a new secret; the old one stops working at once.
export async function rotateApiToken(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<{ row: ApiTokenRow; secret: string } | undefined> {
  const secret = newToken('api');
  const row = await one<ApiTokenRow>(
    db,
    `UPDATE api_tokens SET token_hash = $3, last_used_at = NULL WHERE project_id = $1 AND id = $2 AND revoked_at IS NULL
     RETURNING ${COLUMNS}`,
    [projectId, id, hashToken(secret)],
  );
  return row && { row, secret };
}

export function activeApiToken(db: Queryable, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return one<ApiTokenRow>(
    db,
    `SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
}

export async function touchApiToken(db: Queryable, id: string): Promise<void> {
  await db.query(
    "UPDATE api_tokens SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
    [id],
  );
}
