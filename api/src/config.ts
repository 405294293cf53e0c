import { type Env, intFrom, stringFrom } from '@gosight/common/env';
import { type InfraConfig, infraConfigFrom } from '@gosight/common/infra-config';

export interface ApiConfig {
  host: string;
  port: number;
  // How long a login stays valid.
  sessionTtlMs: number;
  // Bot API base URL for test messages (the alerter has its own setting of the same name).
  telegramApiUrl: string;
  infra: InfraConfig;
}

export function apiConfigFrom(env: Env): ApiConfig {
  return {
    host: stringFrom(env, 'GOSIGHT_API_HOST', '127.0.0.1'),
    port: intFrom(env, 'GOSIGHT_API_PORT', 7200, 0, 65535),
    sessionTtlMs: intFrom(env, 'GOSIGHT_SESSION_TTL_HOURS', 168, 1, 24 * 366) * 3_600_000,
    telegramApiUrl: stringFrom(env, 'GOSIGHT_TELEGRAM_API_URL', 'https://api.telegram.org'),
    infra: infraConfigFrom(env),
  };
}
