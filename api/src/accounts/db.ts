import type { Pool } from '@gosight/common/postgres';
import type { PoolClient } from 'pg';

export type { Pool, PoolClient };
export type Queryable = Pool | PoolClient;

export async function one<T extends object>(
  db: Queryable,
  sql: string,
  values: unknown[],
): Promise<T | undefined> {
  const { rows } = await db.query(sql, values);
  return rows[0] as T | undefined;
}

export async function all<T extends object>(db: Queryable, sql: string, values: unknown[]): Promise<T[]> {
  const { rows } = await db.query(sql, values);
  return rows as T[];
}

// Runs work in a transaction on one connection.
export async function transaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export function epochMs(value: Date | null | undefined): bigint {
  return value ? BigInt(value.getTime()) : 0n;
}
