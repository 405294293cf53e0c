import type { Redis } from 'ioredis';
import type { RateLimit } from './config.ts';

export interface RateDecision {
  allowed: boolean;
  // When refused: how long until the cost fits in the bucket.
  retryAfterMs: number;
}

export interface RateLimiter {
  take(bucket: string, limit: RateLimit, cost: number, nowMs: number): Promise<RateDecision>;
}

// A token bucket in one Redis hash (tokens, updated_ms), refilled lazily at
// perSecond up to burst. The script runs atomically, so every ingestor
// instance shares one bucket. A cost above the burst is capped at the burst
// so that one large batch is slowed, never refused forever.
const TAKE = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = math.min(tonumber(ARGV[3]), burst)
local now = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated_ms')
local tokens = tonumber(state[1]) or burst
local updated = tonumber(state[2]) or now
if now > updated then
  tokens = math.min(burst, tokens + (now - updated) * rate / 1000)
  updated = now
end
local ttl = math.ceil(burst / rate) + 1
if tokens >= cost then
  redis.call('HSET', KEYS[1], 'tokens', tokens - cost, 'updated_ms', updated)
  redis.call('EXPIRE', KEYS[1], ttl)
  return {1, 0}
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'updated_ms', updated)
redis.call('EXPIRE', KEYS[1], ttl)
return {0, math.ceil((cost - tokens) * 1000 / rate)}
`;

export function createRateLimiter(redis: Redis): RateLimiter {
  redis.defineCommand('gosightTakeTokens', { numberOfKeys: 1, lua: TAKE });
  const take = (
    redis as unknown as Record<string, (...args: (string | number)[]) => Promise<[number, number]>>
  ).gosightTakeTokens!.bind(redis);
  return {
    async take(bucket, limit, cost, nowMs) {
      try {
        const [allowed, retryAfterMs] = await take(
          `gosight:rate:${bucket}`,
          limit.perSecond,
          limit.burst,
          cost,
          nowMs,
        );
        return { allowed: allowed === 1, retryAfterMs };
      } catch {
        // Redis down: limits lapse rather than the ingest path; events are not lost over it.
        return { allowed: true, retryAfterMs: 0 };
      }
    },
  };
}
