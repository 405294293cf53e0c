import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { one, type Queryable } from './db.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertUser(
  db: Queryable,
  user: { email: string; name: string; passwordHash: string },
): Promise<UserRow> {
  const row = await one<UserRow>(
    db,
    'INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4) RETURNING id, email, name, password_hash',
    [newId('usr'), normaliseEmail(user.email), user.name.trim(), user.passwordHash],
  );
  return row!;
}

export function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  return one<UserRow>(db, 'SELECT id, email, name, password_hash FROM users WHERE email = $1', [
    normaliseEmail(email),
  ]);
}

export function findUser(db: Queryable, id: string): Promise<UserRow | undefined> {
  return one<UserRow>(db, 'SELECT id, email, name, password_hash FROM users WHERE id = $1', [id]);
}

export async function startSession(
  db: Queryable,
  userId: string,
  ttlMs: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken('session');
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.query('INSERT INTO user_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    hashToken(token),
    userId,
    expiresAt,
  ]);
  // Expired sessions of this user are removed as new ones start.
  await db.query('DELETE FROM user_sessions WHERE user_id = $1 AND expires_at < now()', [userId]);
  return { token, expiresAt };
}

export async function sessionUser(db: Queryable, tokenHash: string): Promise<string | undefined> {
  const row = await one<{ user_id: string }>(
    db,
    'SELECT user_id FROM user_sessions WHERE token_hash = $1 AND expires_at > now()',
    [tokenHash],
  );
  return row?.user_id;
}

export async function endSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM user_sessions WHERE token_hash = $1', [tokenHash]);
}
