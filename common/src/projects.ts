import type { Pool } from './postgres.ts';

// Creates a project with a write key, or leaves an existing one as it is.
export async function ensureProject(pool: Pool, id: string, name: string, writeKey: string): Promise<void> {
  await pool.query('INSERT INTO projects (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name]);
  await pool.query(
    'INSERT INTO project_keys (key, project_id) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
    [writeKey, id],
  );
}
