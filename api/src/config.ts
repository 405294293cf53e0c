import { type Env, intFrom, stringFrom } from '@gosight/common/env';
import { type InfraConfig, infraConfigFrom } from '@gosight/common/infra-config';
import type { LoginLimits } from './auth/login-throttle.ts';

export interface ApiConfig {
  host: string;
  port: number;
  // How long a login stays valid.
  sessionTtlMs: number;
  // Bot API base URL for test messages (the alerter has its own setting of the same name).
  telegramApiUrl: string;
  // Failed sign-ins allowed per email and per client IP in a window (Redis counters).
  login: LoginLimits;
  // Reverse proxies in front of the API that append to X-Forwarded-For; 0
  // uses the connection's address as the client IP.
  trustedProxyHops: number;
  infra: InfraConfig;
}

export function apiConfigFrom(env: Env): ApiConfig {
  return {
    host: stringFrom(env, 'GOSIGHT_API_HOST', '127.0.0.1'),
    port: intFrom(env, 'GOSIGHT_API_PORT', 7200, 0, 65535),
    sessionTtlMs: intFrom(env, 'GOSIGHT_SESSION_TTL_HOURS', 168, 1, 24 * 366) * 3_600_000,
    telegramApiUrl: stringFrom(env, 'GOSIGHT_TELEGRAM_API_URL', 'https://api.telegram.org'),
    login: {
      maxPerEmail: intFrom(env, 'GOSIGHT_LOGIN_MAX_FAILURES_PER_EMAIL', 5, 1),
      maxPerIp: intFrom(env, 'GOSIGHT_LOGIN_MAX_FAILURES_PER_IP', 20, 1),
      windowSeconds: intFrom(env, 'GOSIGHT_LOGIN_WINDOW_SECONDS', 900, 1),
    },
    trustedProxyHops: intFrom(env, 'GOSIGHT_API_TRUSTED_PROXY_HOPS', 0, 0, 10),
    infra: infraConfigFrom(env),
  };
}
