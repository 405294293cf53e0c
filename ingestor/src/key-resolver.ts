import type { Pool } from '@gosight/common/postgres';
import type { Redis } from 'ioredis';

export interface KeyResolver {
  // The id of the project that owns an active write key, or undefined.
  resolve(writeKey: string): Promise<string | undefined>;
}

const UNKNOWN = '-';

// Looks write keys up in PostgreSQL and caches the answer (also "unknown") in
// Redis for cacheSeconds, so a revocation takes effect within that time.
export function createKeyResolver(pool: Pool, redis: Redis, cacheSeconds: number): KeyResolver {
  return {
    async resolve(writeKey) {
      const cacheKey = `gosight:write-key:${writeKey}`;
      const cached = await redis.get(cacheKey);
      if (cached !== null) return cached === UNKNOWN ? undefined : cached;
      const { rows } = await pool.query<{ project_id: string }>(
        'SELECT project_id FROM project_keys WHERE key = $1 AND revoked_at IS NULL',
        [writeKey],
      );
      const projectId = rows[0]?.project_id;
      await redis.set(cacheKey, projectId ?? UNKNOWN, 'EX', cacheSeconds);
      return projectId;
    },
  };
}
