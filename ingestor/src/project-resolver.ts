import { Code, ConnectError } from '@connectrpc/connect';
import type { Pool } from '@gosight/common/postgres';
import type { Redis } from 'ioredis';

// What the ingestor needs to know about the project behind a write key.
export interface ProjectSettings {
  projectId: string;
  // Browser origins allowed for the project; empty allows any.
  allowedOrigins: string[];
  // The project's token bucket in events; undefined uses the configured default.
  eventsPerSecond?: number;
  burstEvents?: number;
  // HMAC secret of signed requests (request-signature.ts); undefined: none.
  signingSecret?: string;
  // Unsigned batches are refused.
  signatureRequired?: boolean;
  // Privacy settings: hash visitor addresses without their host part; store
  // nothing from pages whose URL matches one of these patterns (url-blocklist.ts).
  truncateIp?: boolean;
  blockedUrls?: string[];
}

export interface ProjectResolver {
  // The settings of the project that owns an active write key, or undefined.
  resolve(writeKey: string): Promise<ProjectSettings | undefined>;
}

interface Row {
  project_id: string;
  allowed_origins: string[];
  rate_limit_events_per_second: number | null;
  rate_limit_burst_events: number | null;
  ingest_signing_secret: string | null;
  ingest_signature_required: boolean;
  truncate_ip: boolean;
  blocked_urls: string[];
}

// What Redis holds: the settings without the signing secret, which stays in
// PostgreSQL (and briefly in process memory); `signed` says there is one.
type CachedSettings = Omit<ProjectSettings, 'signingSecret'> & { signed?: true };

const UNKNOWN = '-';
// Answers are kept this long in process memory on top of Redis, which spares
// a Redis round trip per request at high rates.
const LOCAL_CACHE_MS = 1000;
const LOCAL_CACHE_ENTRIES = 10_000;

// Looks write keys up in PostgreSQL and caches the answer (also "unknown") in
// Redis, without the signing secret, and briefly in memory; the two together never exceed cacheSeconds, so
// a revocation takes effect within that time. With Redis down it asks
// PostgreSQL; with PostgreSQL down it keeps answering from what it last knew,
// and a key it never saw gets Unavailable, which clients retry.
export function createProjectResolver(pool: Pool, redis: Redis, cacheSeconds: number): ProjectResolver {
  const local = new Map<string, { until: number; value: ProjectSettings | undefined }>();
  const redisSeconds = Math.max(1, cacheSeconds - Math.ceil(LOCAL_CACHE_MS / 1000));

  async function lookup(writeKey: string): Promise<ProjectSettings | undefined> {
    const cacheKey = `gosight:write-key:${writeKey}`;
    const cached = await redis.get(cacheKey).catch(() => null);
    if (cached === UNKNOWN) return undefined;
    if (cached !== null) return withSecret(JSON.parse(cached) as CachedSettings);
    const { rows } = await pool.query<Row>(
      `SELECT k.project_id, p.allowed_origins, p.rate_limit_events_per_second, p.rate_limit_burst_events,
              p.ingest_signing_secret, p.ingest_signature_required, p.truncate_ip, p.blocked_urls
         FROM project_keys k JOIN projects p ON p.id = k.project_id
        WHERE k.key = $1 AND k.revoked_at IS NULL`,
      [writeKey],
    );
    const row = rows[0];
    const settings: ProjectSettings | undefined = row && {
      projectId: row.project_id,
      allowedOrigins: row.allowed_origins,
      ...(row.rate_limit_events_per_second !== null && {
        eventsPerSecond: row.rate_limit_events_per_second,
      }),
      ...(row.rate_limit_burst_events !== null && { burstEvents: row.rate_limit_burst_events }),
      ...(row.ingest_signing_secret !== null && { signingSecret: row.ingest_signing_secret }),
      ...(row.ingest_signature_required && { signatureRequired: true }),
      ...(row.truncate_ip && { truncateIp: true }),
      ...(row.blocked_urls.length > 0 && { blockedUrls: row.blocked_urls }),
    };
    await redis
      .set(cacheKey, settings ? JSON.stringify(toCached(settings)) : UNKNOWN, 'EX', redisSeconds)
      .catch(() => {});
    return settings;
  }

  async function withSecret({ signed, ...settings }: CachedSettings): Promise<ProjectSettings> {
    if (!signed) return settings;
    const { rows } = await pool.query<{ ingest_signing_secret: string | null }>(
      'SELECT ingest_signing_secret FROM projects WHERE id = $1',
      [settings.projectId],
    );
    const secret = rows[0]?.ingest_signing_secret;
    return secret ? { ...settings, signingSecret: secret } : settings;
  }

  return {
    async resolve(writeKey) {
      const now = Date.now();
      const hit = local.get(writeKey);
      if (hit && hit.until > now) return hit.value;
      let value: ProjectSettings | undefined;
      try {
        value = await lookup(writeKey);
      } catch (error) {
        if (hit) return hit.value;
        throw new ConnectError(
          'project keys cannot be checked right now; retry later',
          Code.Unavailable,
          undefined,
          undefined,
          error,
        );
      }
      if (local.size >= LOCAL_CACHE_ENTRIES) local.clear();
      local.set(writeKey, { until: now + LOCAL_CACHE_MS, value });
      return value;
    },
  };
}

function toCached({ signingSecret, ...settings }: ProjectSettings): CachedSettings {
  return signingSecret ? { ...settings, signed: true } : settings;
}
