import type { RoleName } from '../auth/roles.ts';
import { newToken } from '../auth/tokens.ts';
import { all, one, type Queryable } from './db.ts';

export interface ProjectRow {
  id: string;
  name: string;
  created_at: Date;
  role: RoleName;
}

export interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: RoleName;
}

export interface WriteKeyRow {
  key: string;
  label: string;
  created_at: Date;
  revoked_at: Date | null;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

// Creates a project owned by ownerId, with a first write key.
export async function insertProject(
  db: Queryable,
  project: { id: string; name: string; ownerId: string },
): Promise<{ project: ProjectRow; writeKey: WriteKeyRow }> {
  const row = await one<Omit<ProjectRow, 'role'>>(
    db,
    'INSERT INTO projects (id, name) VALUES ($1, $2) RETURNING id, name, created_at',
    [project.id, project.name.trim()],
  );
  await db.query("INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, 'owner')", [
    project.id,
    project.ownerId,
  ]);
  const writeKey = await insertWriteKey(db, project.id, 'default');
  return { project: { ...row!, role: 'owner' }, writeKey };
}

export function projectsOf(db: Queryable, userId: string): Promise<ProjectRow[]> {
  return all<ProjectRow>(
    db,
    `SELECT p.id, p.name, p.created_at, m.role FROM project_members m JOIN projects p ON p.id = m.project_id
     WHERE m.user_id = $1 ORDER BY p.created_at, p.id`,
    [userId],
  );
}

export async function memberRole(
  db: Queryable,
  projectId: string,
  userId: string,
): Promise<RoleName | undefined> {
  const row = await one<{ role: RoleName }>(
    db,
    'SELECT role FROM project_members WHERE project_id = $1 AND user_id = $2',
    [projectId, userId],
  );
  return row?.role;
}

export async function renameProject(db: Queryable, projectId: string, name: string) {
  return one<Omit<ProjectRow, 'role'>>(
    db,
    'UPDATE projects SET name = $2 WHERE id = $1 RETURNING id, name, created_at',
    [projectId, name.trim()],
  );
}

export function membersOf(db: Queryable, projectId: string): Promise<MemberRow[]> {
  return all<MemberRow>(
    db,
    `SELECT u.id AS user_id, u.email, u.name, m.role FROM project_members m JOIN users u ON u.id = m.user_id
     WHERE m.project_id = $1 ORDER BY m.created_at, u.email`,
    [projectId],
  );
}

export function member(db: Queryable, projectId: string, userId: string): Promise<MemberRow | undefined> {
  return one<MemberRow>(
    db,
    `SELECT u.id AS user_id, u.email, u.name, m.role FROM project_members m JOIN users u ON u.id = m.user_id
     WHERE m.project_id = $1 AND m.user_id = $2`,
    [projectId, userId],
  );
}

export async function upsertMember(db: Queryable, projectId: string, userId: string, role: RoleName) {
  await db.query(
    `INSERT INTO project_members (project_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (project_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
    [projectId, userId, role],
  );
}

export async function deleteMember(db: Queryable, projectId: string, userId: string) {
  await db.query('DELETE FROM project_members WHERE project_id = $1 AND user_id = $2', [projectId, userId]);
}

// Locks the project's owner rows, so two concurrent demotions cannot both
// pass the "another owner remains" check.
export async function lockedOwnerCount(db: Queryable, projectId: string): Promise<number> {
  const { rows } = await db.query(
    "SELECT user_id FROM project_members WHERE project_id = $1 AND role = 'owner' FOR UPDATE",
    [projectId],
  );
  return rows.length;
}

export async function insertWriteKey(db: Queryable, projectId: string, label: string): Promise<WriteKeyRow> {
  const row = await one<WriteKeyRow>(
    db,
    'INSERT INTO project_keys (key, project_id, label) VALUES ($1, $2, $3) RETURNING key, label, created_at, revoked_at',
    [newToken('write'), projectId, label],
  );
  return row!;
}

export function writeKeysOf(db: Queryable, projectId: string): Promise<WriteKeyRow[]> {
  return all<WriteKeyRow>(
    db,
    'SELECT key, label, created_at, revoked_at FROM project_keys WHERE project_id = $1 ORDER BY created_at, key',
    [projectId],
  );
}

// Revokes an active key; undefined when the project has no such active key.
export function revokeWriteKey(
  db: Queryable,
  projectId: string,
  key: string,
): Promise<WriteKeyRow | undefined> {
  return one<WriteKeyRow>(
    db,
    `UPDATE project_keys SET revoked_at = now() WHERE project_id = $1 AND key = $2 AND revoked_at IS NULL
     RETURNING key, label, created_at, revoked_at`,
    [projectId, key],
  );
}
