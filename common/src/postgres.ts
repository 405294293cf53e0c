import pg from 'pg';

export type { Pool } from 'pg';

export function createPostgres(url: string, max = 5): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  // When the server restarts or fails over, idle connections emit 'error' on
  // the pool; unhandled, that would end the process. The next query reconnects.
  pool.on('error', (error) => console.warn(`[postgres] idle connection lost: ${error.message}`));
  return pool;
}
