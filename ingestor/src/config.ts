import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ConfigError, type Env, intFrom, listFrom, stringFrom } from '@gosight/common/env';
import { type InfraConfig, infraConfigFrom } from '@gosight/common/infra-config';

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface PayloadLimits {
  // Bytes of one request body (after gzip decompression).
  batchBytes: number;
  eventsPerBatch: number;
  // Serialized size of one event.
  eventBytes: number;
  // Size of one replay chunk's data.
  replayChunkBytes: number;
  replayChunksPerBatch: number;
}

export interface IngestorConfig {
  host: string;
  port: number;
  infra: InfraConfig;
  // Origins allowed to call the ingestor from a browser; "*" allows any. A
  // project can narrow this further (projects.allowed_origins).
  allowedOrigins: string[];
  // Longest time a write key lookup is cached: a revoked key stops working within it.
  keyCacheSeconds: number;
  // How long concurrent requests are gathered into one Kafka produce request.
  publishLingerMs: number;
  // A batch Kafka has not acknowledged within this time is answered Unavailable.
  publishTimeoutMs: number;
  // After a failed publish, batches are refused at once and Kafka is probed at
  // this interval until it answers; also the retry-after given to clients.
  kafkaProbeIntervalMs: number;
  limits: PayloadLimits;
  // Default token bucket of a project, in events (batch cost: its events plus replay chunks).
  projectRate: RateLimit;
  // Token bucket of one client IP, in requests.
  ipRate: RateLimit;
  // How many reverse proxies in front of the ingestor append to X-Forwarded-For;
  // 0 ignores the header and uses the connection's address.
  trustedProxyHops: number;
  // Request header holding an ISO country code set by a trusted proxy (e.g.
  // cf-ipcountry); empty disables it.
  countryHeader: string;
  // Secret from which the daily IP-hash salt is derived.
  ipHashSecret: string;
  // Whether ipHashSecret was generated at start (hashes then change on restart).
  ipHashSecretGenerated: boolean;
  // Zero the last octet of IPv4 / last 80 bits of IPv6 before hashing.
  truncateIp: boolean;
  // Case-insensitive substrings of User-Agent headers whose batches are dropped.
  botUserAgents: string[];
  // How long a batch id is remembered after Kafka acknowledged it.
  idempotencySeconds: number;
  // The SDK's snippet build, served at GET /sdk.js.
  sdkScriptPath: string;
  sdkScriptMaxAgeSeconds: number;
  // How long shutdown waits for requests in progress.
  shutdownGraceMs: number;
}

export const DEFAULT_BOT_USER_AGENTS = [
  'bot',
  'crawler',
  'spider',
  'crawling',
  'slurp',
  'facebookexternalhit',
  'embedly',
  'pingdom',
  'uptimerobot',
  'lighthouse',
  'pagespeed',
  'scrapy',
];

const defaultSdkScript = fileURLToPath(new URL('../../sdk/dist/sdk.js', import.meta.url));

function booleanFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function rateFrom(env: Env, prefix: string, perSecond: number, burst: number): RateLimit {
  const rate = {
    perSecond: intFrom(env, `${prefix}_PER_SECOND`, perSecond, 1),
    burst: intFrom(env, `${prefix}_BURST`, burst, 1),
  };
  if (rate.burst < rate.perSecond)
    throw new ConfigError(`${prefix}_BURST must be at least ${prefix}_PER_SECOND`);
  return rate;
}

export function ingestorConfigFrom(env: Env): IngestorConfig {
  const configuredSecret = stringFrom(env, 'GOSIGHT_IP_HASH_SECRET', '');
  if (configuredSecret && configuredSecret.length < 16)
    throw new ConfigError('GOSIGHT_IP_HASH_SECRET must be at least 16 characters');
  const keyCacheSeconds = intFrom(env, 'GOSIGHT_KEY_CACHE_SECONDS', 10, 2, 3600);
  return {
    host: stringFrom(env, 'GOSIGHT_INGESTOR_HOST', '127.0.0.1'),
    port: intFrom(env, 'GOSIGHT_INGESTOR_PORT', 7100, 0, 65535),
    infra: infraConfigFrom(env),
    allowedOrigins: listFrom(env, 'GOSIGHT_ALLOWED_ORIGINS', ['*']),
    keyCacheSeconds,
    publishLingerMs: intFrom(env, 'GOSIGHT_PUBLISH_LINGER_MS', 2, 0, 1000),
    publishTimeoutMs: intFrom(env, 'GOSIGHT_PUBLISH_TIMEOUT_MS', 2500, 100, 60_000),
    kafkaProbeIntervalMs: intFrom(env, 'GOSIGHT_KAFKA_PROBE_INTERVAL_MS', 1000, 100, 60_000),
    limits: {
      batchBytes: intFrom(env, 'GOSIGHT_MAX_REQUEST_BYTES', 5 * 1024 * 1024, 1024),
      eventsPerBatch: intFrom(env, 'GOSIGHT_MAX_EVENTS_PER_BATCH', 500, 1),
      eventBytes: intFrom(env, 'GOSIGHT_MAX_EVENT_BYTES', 64 * 1024, 256),
      replayChunkBytes: intFrom(env, 'GOSIGHT_MAX_REPLAY_CHUNK_BYTES', 2 * 1024 * 1024, 1024),
      replayChunksPerBatch: intFrom(env, 'GOSIGHT_MAX_REPLAY_CHUNKS_PER_BATCH', 50, 1),
    },
    projectRate: rateFrom(env, 'GOSIGHT_PROJECT_RATE', 20_000, 60_000),
    ipRate: rateFrom(env, 'GOSIGHT_IP_RATE', 250, 500),
    trustedProxyHops: intFrom(env, 'GOSIGHT_TRUSTED_PROXY_HOPS', 0, 0, 10),
    countryHeader: stringFrom(env, 'GOSIGHT_COUNTRY_HEADER', '').toLowerCase(),
    ipHashSecret: configuredSecret || randomBytes(32).toString('hex'),
    ipHashSecretGenerated: !configuredSecret,
    truncateIp: booleanFrom(env, 'GOSIGHT_TRUNCATE_IP', false),
    botUserAgents: listFrom(env, 'GOSIGHT_BOT_USER_AGENTS', DEFAULT_BOT_USER_AGENTS).map((item) =>
      item.toLowerCase(),
    ),
    idempotencySeconds: intFrom(env, 'GOSIGHT_BATCH_ID_TTL_SECONDS', 24 * 3600, 60),
    sdkScriptPath: stringFrom(env, 'GOSIGHT_SDK_JS_PATH', defaultSdkScript),
    sdkScriptMaxAgeSeconds: intFrom(env, 'GOSIGHT_SDK_JS_MAX_AGE_SECONDS', 300, 0),
    shutdownGraceMs: intFrom(env, 'GOSIGHT_SHUTDOWN_GRACE_MS', 10_000, 0, 120_000),
  };
}
