import { type Env, intFrom, listFrom, stringFrom } from '@gosight/common/env';
import { type InfraConfig, infraConfigFrom } from '@gosight/common/infra-config';

export interface IngestorConfig {
  host: string;
  port: number;
  infra: InfraConfig;
  // Origins allowed to call the ingestor from a browser; "*" allows any.
  allowedOrigins: string[];
  // How long a write key lookup is cached: a revoked key stops working within it.
  keyCacheSeconds: number;
  // How long concurrent requests are gathered into one Kafka produce request.
  publishLingerMs: number;
  maxRequestBytes: number;
}

export function ingestorConfigFrom(env: Env): IngestorConfig {
  return {
    host: stringFrom(env, 'GOSIGHT_INGESTOR_HOST', '127.0.0.1'),
    port: intFrom(env, 'GOSIGHT_INGESTOR_PORT', 7100, 0, 65535),
    infra: infraConfigFrom(env),
    allowedOrigins: listFrom(env, 'GOSIGHT_ALLOWED_ORIGINS', ['*']),
    keyCacheSeconds: intFrom(env, 'GOSIGHT_KEY_CACHE_SECONDS', 10, 1, 3600),
    publishLingerMs: intFrom(env, 'GOSIGHT_PUBLISH_LINGER_MS', 2, 0, 1000),
    maxRequestBytes: intFrom(env, 'GOSIGHT_MAX_REQUEST_BYTES', 5 * 1024 * 1024, 1024),
  };
}
