import pg from 'pg';

export type { Pool } from 'pg';

export function createPostgres(url: string, max = 5): pg.Pool {
  return new pg.Pool({ connectionString: url, max });
}
